package io.github.commerceconnector.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.api.spi.SyncStateStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link SyncStateStore} must show (the SPI's Javadoc, and what the connector's file store
 * proves): outcomes of every kind survive reopening, seen marks, retry payloads, counts and rejections, the
 * last full sync, resync checkpoints, items marked changed, purges of old accepted deletes, resets of a data space under the locks, and an exclusive open per data space and feed. Extend
 * it and implement {@link #createStore()}; a store whose state outlives the store object (files, a database)
 * also overrides {@link #sameStorage}, so that reopening goes through a second store object, as another process
 * would.
 *
 * <p>Instants are whole seconds: stores may keep attempt times to the second. Rejection reasons are at most
 * 1,024 UTF-8 bytes: stores may cut longer ones.
 */
@Timeout(120)
public abstract class SyncStateStoreContract {
    /** A data space id shaped like the gateway's. */
    protected static final String DATA_SPACE = "3f2a3c56-8b7e-4a63-9a55-0a3f7d0c6e11";
    private static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");

    /** A fresh store over empty storage, of the implementation under test. */
    protected abstract SyncStateStore createStore();

    /**
     * A second store object over the same storage as {@code store}, as another process or worker would create
     * it. The default returns {@code store} itself (a store whose state lives in the object).
     */
    protected SyncStateStore sameStorage(SyncStateStore store) {
        return store;
    }

    private static ItemKey key(int n) {
        return ItemKey.of(Feed.PRODUCTS, String.format("SKU-%07d", n), "default");
    }

    /** A non-zero identity hash standing for item {@code n}. */
    private static long id(int n) {
        return 0x9E3779B97F4A7C15L * (n + 1);
    }

    private static StateChange accepted(int n, long content) {
        return StateChange.accepted(key(n), id(n), content);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<RetryPayload> retryables(FeedSyncState state) {
        List<RetryPayload> payloads = new ArrayList<>();
        state.forEachRetryable(payloads::add);
        return payloads;
    }

    /** A resync checkpoint is kept durably until cleared, and a reset of the data space forgets it. */
    @Test
    public void aResyncCheckpointSurvivesReopeningUntilClearedOrReset() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertNull(state.resyncCheckpoint(), "no resync ran");
            state.resyncCheckpoint(new ResyncCheckpoint(NOW, 0));
            state.record(List.of(accepted(1, 11)), NOW.plusSeconds(1));
            state.resyncCheckpoint(new ResyncCheckpoint(NOW, 12_345));
            assertEquals(new ResyncCheckpoint(NOW, 12_345), state.resyncCheckpoint());
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(new ResyncCheckpoint(NOW, 12_345), state.resyncCheckpoint());
            assertEquals(new StoredItem(id(1), 11, ItemStatus.ACCEPTED), state.find(id(1)));
            state.resyncCheckpoint(null);
            assertNull(state.resyncCheckpoint());
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertNull(state.resyncCheckpoint(), "a cleared checkpoint stays cleared");
            state.resyncCheckpoint(new ResyncCheckpoint(NOW.plusSeconds(60), 7));
        }
        try (FeedSyncState other = store.open(DATA_SPACE, Feed.PRICES)) {
            assertNull(other.resyncCheckpoint(), "checkpoints are per feed");
        }
        sameStorage(store).resetDataSpace(DATA_SPACE, () -> { });
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertNull(state.resyncCheckpoint(), "a reset forgets the checkpoint");
        }
    }

    /**
     * Marking items changed makes accepted and rejected ones unconfirmed with the content they had, leaves retryable
     * ones (and their payloads) alone, counts only held identities, and survives reopening.
     */
    @Test
    public void markedItemsBecomeUnconfirmedWithTheirContent() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 11), StateChange.rejected(key(2), id(2), 22, "bad"),
                    StateChange.retryable(key(3), id(3), 33, json("{\"sku\":\"3\"}")), accepted(4, 44)), NOW);
            assertEquals(3, state.markChanged(new long[] {id(1), id(2), id(3), id(9)}, NOW.plusSeconds(1)),
                    "three of the four identities are held");
            assertEquals(new StoredItem(id(1), 11, ItemStatus.UNCONFIRMED), state.find(id(1)));
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(new StoredItem(id(1), 11, ItemStatus.UNCONFIRMED), state.find(id(1)));
            assertEquals(new StoredItem(id(2), 22, ItemStatus.UNCONFIRMED), state.find(id(2)));
            assertEquals(new StoredItem(id(3), 33, ItemStatus.RETRYABLE), state.find(id(3)));
            assertEquals(new StoredItem(id(4), 44, ItemStatus.ACCEPTED), state.find(id(4)), "not marked");
            assertNull(state.find(id(9)), "nothing is recorded for an unknown identity");
            assertEquals(key(1), state.key(id(1)));
            assertEquals(1, retryables(state).size());
            assertEquals(0, state.count(ItemStatus.REJECTED));
            assertEquals(2, state.count(ItemStatus.UNCONFIRMED));
        }
    }

    /**
     * Accepted deletes (accepted with the delete content) are counted as kept deletes and forgotten once older
     * than the purge's limit; other items stay, whatever their age.
     */
    @Test
    public void purgeForgetsOnlyTheAcceptedDeletesOlderThanTheLimit() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 11), accepted(2, StateChange.DELETE_CONTENT),
                    StateChange.retryable(key(3), id(3), StateChange.DELETE_CONTENT, json("{\"deleted\":true}"))),
                    NOW);
            state.record(List.of(accepted(4, StateChange.DELETE_CONTENT)), NOW.plusSeconds(3600));
            assertEquals(2, state.keptDeletes());
            assertEquals(3, state.count(ItemStatus.ACCEPTED), "kept deletes count as accepted items");
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(2, state.keptDeletes());
            assertEquals(0, state.purgeDeletes(NOW), "none is older than the limit");
            assertEquals(1, state.purgeDeletes(NOW.plusSeconds(60)));
            assertNull(state.find(id(2)));
            assertEquals(1, state.keptDeletes());
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertNull(state.find(id(2)), "the purge is durable");
            assertEquals(new StoredItem(id(1), 11, ItemStatus.ACCEPTED), state.find(id(1)));
            assertEquals(new StoredItem(id(3), StateChange.DELETE_CONTENT, ItemStatus.RETRYABLE), state.find(id(3)),
                    "a delete not yet accepted is kept");
            assertEquals(new StoredItem(id(4), StateChange.DELETE_CONTENT, ItemStatus.ACCEPTED), state.find(id(4)));
            assertEquals(1, state.purgeDeletes(NOW.plusSeconds(7200)));
            assertEquals(0, state.keptDeletes());
            assertEquals(1, state.count(ItemStatus.ACCEPTED));
        }
    }

    /** A state never written holds nothing. */
    @Test
    public void aNewStateIsEmpty() {
        try (FeedSyncState state = createStore().open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(Feed.PRODUCTS, state.feed());
            assertEquals(DATA_SPACE, state.dataSpaceId());
            assertNull(state.find(id(1)));
            assertNull(state.key(id(1)));
            assertNull(state.reason(id(1)));
            assertNull(state.lastAttempt(id(1)));
            assertNull(state.lastFullSync());
            assertEquals(0, state.unseen().length);
            assertEquals(List.of(), state.rejected(10));
            assertEquals(List.of(), retryables(state));
            for (ItemStatus status : ItemStatus.values()) {
                assertEquals(0, state.count(status), status.toString());
            }
        }
    }

    /**
     * The algorithm a state's content hashes are taken with stays what it was while the state holds any: through
     * reopening by another store, and through the rewriting many records may bring (a file store's compaction).
     * Otherwise every item would look changed and be sent again.
     */
    @Test
    public void theContentHashAlgorithmOfAStateSurvivesReopening() {
        SyncStateStore store = createStore();
        ContentHashAlgorithm algorithm;
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            algorithm = state.contentHashAlgorithm();
            assertNotNull(algorithm);
            for (int round = 0; round < 4; round++) {
                List<StateChange> changes = new ArrayList<>();
                for (int n = 0; n < 500; n++) {
                    changes.add(accepted(n, round * 1000L + n + 1));
                }
                state.record(changes, NOW);
            }
        }
        for (int reopening = 0; reopening < 2; reopening++) {
            try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
                assertEquals(algorithm, state.contentHashAlgorithm(), "reopening " + reopening);
                assertEquals(new StoredItem(id(7), reopening == 0 ? 3008 : 9, ItemStatus.ACCEPTED), state.find(id(7)));
                state.record(List.of(accepted(7, 9)), NOW);
            }
        }
    }

    /** Accepted, rejected, retryable, sending and removed outcomes all survive a reopening by another store. */
    @Test
    public void everyKindOfOutcomeSurvivesReopening() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 11), accepted(2, 22), accepted(3, 33)), NOW);
            state.record(List.of(StateChange.rejected(key(2), id(2), 23, "name: must not be empty"),
                    StateChange.retryable(key(4), id(4), 44, json("{\"sku\":\"SKU-0000004\"}")),
                    StateChange.removed(key(3), id(3)), StateChange.sending(key(5), id(5), 55)), NOW.plusSeconds(5));
            state.fullSyncFinished(NOW.plusSeconds(9));
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(new StoredItem(id(1), 11, ItemStatus.ACCEPTED), state.find(id(1)));
            assertEquals(new StoredItem(id(2), 23, ItemStatus.REJECTED), state.find(id(2)));
            assertNull(state.find(id(3)), "removed items are forgotten");
            assertNull(state.key(id(3)));
            assertEquals(new StoredItem(id(4), 44, ItemStatus.RETRYABLE), state.find(id(4)));
            assertEquals(new StoredItem(id(5), 55, ItemStatus.UNCONFIRMED), state.find(id(5)),
                    "an item sent without a recorded answer stays unconfirmed");
            assertEquals("name: must not be empty", state.reason(id(2)));
            assertNull(state.reason(id(1)), "only rejected items have a reason");
            assertEquals(key(2), state.key(id(2)));
            assertEquals(key(5), state.key(id(5)));
            assertEquals(NOW, state.lastAttempt(id(1)));
            assertEquals(NOW.plusSeconds(5), state.lastAttempt(id(4)));
            assertEquals(NOW.plusSeconds(9), state.lastFullSync());
            assertEquals(1, state.count(ItemStatus.ACCEPTED));
            assertEquals(1, state.count(ItemStatus.REJECTED));
            assertEquals(1, state.count(ItemStatus.RETRYABLE));
            assertEquals(1, state.count(ItemStatus.UNCONFIRMED));
            assertEquals(List.of(new RejectedItem(key(2), "name: must not be empty", null, null, -1)),
                    state.rejected(10));
            List<RetryPayload> payloads = retryables(state);
            assertEquals(1, payloads.size());
            assertEquals(id(4), payloads.get(0).identityHash());
            assertEquals(44, payloads.get(0).contentHash());
            assertEquals("{\"sku\":\"SKU-0000004\"}", new String(payloads.get(0).json(), StandardCharsets.UTF_8));
        }
    }

    /** Only the payload of an item's current retryable content is visited. */
    @Test
    public void retryPayloadsOfItemsNoLongerRetryableAreSkipped() {
        try (FeedSyncState state = createStore().open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(StateChange.retryable(key(1), id(1), 10, json("{\"v\":10}")),
                    StateChange.retryable(key(2), id(2), 20, json("{\"v\":20}"))), NOW);
            state.record(List.of(StateChange.retryable(key(1), id(1), 11, json("{\"v\":11}")), accepted(2, 20)), NOW);
            List<RetryPayload> payloads = retryables(state);
            assertEquals(1, payloads.size(), "only the payload of the current retryable content");
            assertEquals(11, payloads.get(0).contentHash());
            assertEquals("{\"v\":11}", new String(payloads.get(0).json(), StandardCharsets.UTF_8));
        }
    }

    /** A large payload with every kind of character comes back byte for byte after reopening. */
    @Test
    public void retryPayloadsSurviveReopeningByteForByte() {
        StringBuilder text = new StringBuilder("{\"description\":\"");
        for (int i = 0; text.length() < 40_000; i++) {
            text.append("Ünïcödé 商品 \\\"quoted\\\" line ").append(i).append("\\n");
        }
        byte[] payload = json(text.append("\"}").toString());
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(StateChange.retryable(key(1), id(1), 10, payload)), NOW);
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            List<RetryPayload> payloads = retryables(state);
            assertEquals(1, payloads.size());
            assertArrayEquals(payload, payloads.get(0).json());
        }
    }

    /** A delete that failed retryably keeps its payload under the delete content hash. */
    @Test
    public void aDeleteLeftRetryableKeepsItsPayload() {
        try (FeedSyncState state = createStore().open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 10)), NOW);
            state.record(List.of(StateChange.retryable(key(1), id(1), StateChange.DELETE_CONTENT,
                    json("{\"sku\":\"SKU-0000001\",\"deleted\":true}"))), NOW);
            assertEquals(new StoredItem(id(1), StateChange.DELETE_CONTENT, ItemStatus.RETRYABLE), state.find(id(1)));
            List<RetryPayload> payloads = retryables(state);
            assertEquals(1, payloads.size());
            assertEquals(StateChange.DELETE_CONTENT, payloads.get(0).contentHash());
        }
    }

    /** Items recorded while the retryables are visited do not change the visit. */
    @Test
    public void changesRecordedWhileVisitingRetryablesDoNotDisturbTheVisit() {
        try (FeedSyncState state = createStore().open(DATA_SPACE, Feed.PRODUCTS)) {
            List<StateChange> retryable = new ArrayList<>();
            for (int n = 1; n <= 50; n++) {
                retryable.add(StateChange.retryable(key(n), id(n), n, json("{\"n\":" + n + "}")));
            }
            state.record(retryable, NOW);
            List<Long> visited = new ArrayList<>();
            state.forEachRetryable(payload -> {
                visited.add(payload.identityHash());
                int n = (int) payload.contentHash();
                state.record(List.of(accepted(n, n), StateChange.retryable(key(1000 + n), id(1000 + n), n,
                        json("{}"))), NOW);
            });
            assertEquals(50, visited.size(), "each item visited once");
            assertEquals(50, visited.stream().distinct().count());
            assertEquals(50, state.count(ItemStatus.ACCEPTED));
            assertEquals(50, state.count(ItemStatus.RETRYABLE));
        }
    }

    /** Seen marks start clear at every open; recording marks an item seen. */
    @Test
    public void seenMarksStartClearAndTrackRecordedItems() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 1), accepted(2, 2), accepted(3, 3)), NOW);
            assertEquals(0, state.unseen().length, "recorded items are seen");
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            long[] all = state.unseen();
            Arrays.sort(all);
            long[] expected = {id(1), id(2), id(3)};
            Arrays.sort(expected);
            assertArrayEquals(expected, all, "nothing is seen after opening");
            assertTrue(state.markSeen(id(1)));
            assertFalse(state.markSeen(id(1)), "the second mark says the identity came twice");
            state.record(List.of(accepted(3, 33)), NOW);
            assertArrayEquals(new long[] {id(2)}, state.unseen());
        }
    }

    /** Marking an identity the state does not hold says so and marks nothing. */
    @Test
    public void markSeenOfAnUnknownIdentityIsTrueAndMarksNothing() {
        try (FeedSyncState state = createStore().open(DATA_SPACE, Feed.PRODUCTS)) {
            assertTrue(state.markSeen(id(7)));
            assertTrue(state.markSeen(id(7)));
            state.record(List.of(accepted(7, 70)), NOW);
            assertFalse(state.markSeen(id(7)), "recorded items are seen");
        }
    }

    /**
     * {@code markAllSeen} answers for each identity in order what {@code markSeen} would: new marks, marks set
     * before, an identity given twice, unknown identities (marking nothing); and the marks it sets are kept.
     */
    @Test
    public void markAllSeenAnswersAsMarkSeenInTurn() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            List<StateChange> changes = new ArrayList<>();
            for (int n = 1; n <= 100; n++) {
                changes.add(accepted(n, n));
            }
            state.record(changes, NOW);
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertTrue(state.markSeen(id(3)));
            long[] identities = {id(1), id(2), id(3), id(1), id(500), id(500), id(100), 0};
            boolean[] firsts = new boolean[identities.length];
            firsts[7] = true;
            state.markAllSeen(identities, 7, firsts);
            assertArrayEquals(new boolean[] {true, true, false, false, true, true, true, true}, firsts);
            assertFalse(state.markSeen(id(2)), "marked by markAllSeen");
            assertTrue(state.markSeen(id(500)), "an unknown identity is not marked");
            assertEquals(96, state.unseen().length);
        }
    }

    /** {@code prefetch} is a hint: after it, every answer is what it was, no mark is set and nothing is recorded. */
    @Test
    public void prefetchChangesNothing() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 11), accepted(2, 22)), NOW);
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            state.prefetch(new long[] {id(1), id(9), id(2)}, 2);
            assertEquals(new StoredItem(id(1), 11, ItemStatus.ACCEPTED), state.find(id(1)));
            assertNull(state.find(id(9)));
            assertEquals(2, state.unseen().length, "no mark set");
            assertTrue(state.markSeen(id(1)));
            assertEquals(2, state.count(ItemStatus.ACCEPTED));
        }
    }

    /** An item's status can move in every direction, and the counts follow. */
    @Test
    public void statusChangesMoveTheCounts() {
        try (FeedSyncState state = createStore().open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 1), accepted(2, 2)), NOW);
            state.record(List.of(StateChange.rejected(key(1), id(1), 3, "bad")), NOW);
            assertEquals(1, state.count(ItemStatus.ACCEPTED));
            assertEquals(1, state.count(ItemStatus.REJECTED));
            state.record(List.of(StateChange.sending(key(1), id(1), 4)), NOW);
            assertEquals(0, state.count(ItemStatus.REJECTED));
            assertNull(state.reason(id(1)), "a rejection reason goes with the rejection");
            state.record(List.of(StateChange.retryable(key(1), id(1), 4, json("{}")),
                    StateChange.removed(key(2), id(2)), StateChange.removed(key(9), id(9))), NOW);
            assertEquals(0, state.count(ItemStatus.ACCEPTED));
            assertEquals(1, state.count(ItemStatus.RETRYABLE));
            state.record(List.of(accepted(1, 4), accepted(2, 5)), NOW);
            assertEquals(2, state.count(ItemStatus.ACCEPTED));
            assertEquals(0, state.count(ItemStatus.RETRYABLE));
            assertEquals(List.of(), retryables(state));
            state.record(List.of(), NOW);
            assertEquals(2, state.count(ItemStatus.ACCEPTED));
        }
    }

    /** {@code rejected(limit)} lists at most {@code limit} items, each with its reason. */
    @Test
    public void rejectedListsAtMostTheLimitWithReasons() {
        try (FeedSyncState state = createStore().open(DATA_SPACE, Feed.PRODUCTS)) {
            List<StateChange> changes = new ArrayList<>();
            for (int n = 1; n <= 30; n++) {
                changes.add(StateChange.rejected(key(n), id(n), n, "reason " + n));
            }
            state.record(changes, NOW);
            List<RejectedItem> some = state.rejected(7);
            assertEquals(7, some.size());
            for (RejectedItem item : some) {
                int n = Integer.parseInt(item.key().values().get(0).substring(4));
                assertEquals("reason " + n, item.reason());
                assertEquals(-1, item.position());
            }
            assertEquals(30, state.rejected(100).size());
        }
    }

    /** Reasons up to 1,024 UTF-8 bytes and identity values with quotes, separators and any script are kept. */
    @Test
    public void reasonsAndIdentityValuesKeepEveryCharacter() {
        String reason = "ä".repeat(480) + " \"quoted\" \\ {braces}, commas; 商品";
        assertTrue(reason.getBytes(StandardCharsets.UTF_8).length <= 1024);
        List<ItemKey> keys = List.of(ItemKey.of(Feed.PRODUCTS, "a \"quoted\" \\ back", "default"),
                ItemKey.of(Feed.PRODUCTS, "{braces},commas", "NULL"),
                ItemKey.of(Feed.PRODUCTS, "ünïcödé 商品 ✓", " "),
                ItemKey.of(Feed.PRODUCTS, "tab\tand\nnewline", "'single'"));
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            List<StateChange> changes = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                changes.add(StateChange.rejected(keys.get(i), id(i), i + 1, reason));
            }
            state.record(changes, NOW);
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(keys.get(i), state.key(id(i)));
                assertEquals(reason, state.reason(id(i)));
            }
        }
    }

    /** The time of each item's last attempt is kept, to the second. */
    @Test
    public void lastAttemptIsKeptPerItem() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 1), accepted(2, 2)), NOW);
            state.record(List.of(accepted(2, 3)), NOW.plusSeconds(3600));
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(NOW, state.lastAttempt(id(1)));
            assertEquals(NOW.plusSeconds(3600), state.lastAttempt(id(2)));
        }
    }

    /** The last full sync is the latest one recorded and survives reopening. */
    @Test
    public void theLastFullSyncSurvivesReopening() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.fullSyncFinished(NOW);
            state.fullSyncFinished(NOW.plusSeconds(60));
            assertEquals(NOW.plusSeconds(60), state.lastFullSync());
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(NOW.plusSeconds(60), state.lastFullSync());
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRICES)) {
            assertNull(state.lastFullSync(), "each feed has its own");
        }
    }

    /**
     * A second open of the same data space and feed fails at once, through the same store or another one over
     * the same storage, naming the feed and the data space; other feeds and data spaces open meanwhile, and the
     * state opens again once closed.
     */
    @Test
    public void aSecondOpenFailsAtOnceUntilTheFirstIsClosed() {
        SyncStateStore store = createStore();
        try (FeedSyncState first = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            for (SyncStateStore other : List.of(store, sameStorage(store))) {
                SyncLockedException locked = assertThrows(SyncLockedException.class,
                        () -> other.open(DATA_SPACE, Feed.PRODUCTS));
                assertTrue(locked.getMessage().contains(Feed.PRODUCTS.name()), locked.getMessage());
                assertTrue(locked.getMessage().contains(DATA_SPACE), locked.getMessage());
            }
            store.open(DATA_SPACE, Feed.PRICES).close();
            store.open("another-data-space", Feed.PRODUCTS).close();
            assertNotNull(first.feed());
        }
        sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS).close();
    }

    /** Closing twice is harmless; a closed state refuses reads and writes. */
    @Test
    public void aClosedStateRefusesUseAndClosesTwiceHarmlessly() {
        FeedSyncState state = createStore().open(DATA_SPACE, Feed.PRODUCTS);
        state.record(List.of(accepted(1, 1)), NOW);
        state.close();
        state.close();
        assertThrows(IllegalStateException.class, () -> state.find(id(1)));
        assertThrows(IllegalStateException.class, () -> state.record(List.of(accepted(2, 2)), NOW));
        assertThrows(IllegalStateException.class, () -> state.count(ItemStatus.ACCEPTED));
    }

    /**
     * Resetting a data space forgets every feed's state and runs the erase while every feed is locked; the
     * states open again afterwards, empty.
     */
    @Test
    public void resettingADataSpaceForgetsEveryFeedAndErasesUnderTheLocks() {
        SyncStateStore store = createStore();
        for (Feed feed : List.of(Feed.PRODUCTS, Feed.PRICES)) {
            try (FeedSyncState state = store.open(DATA_SPACE, feed)) {
                state.record(List.of(StateChange.accepted(ItemKey.of(feed, feed == Feed.PRICES
                        ? new String[] {"a", "b", "c"} : new String[] {"a", "b"}), 9, 9)), NOW);
                state.fullSyncFinished(NOW);
            }
        }
        try (FeedSyncState other = store.open("another-data-space", Feed.PRODUCTS)) {
            other.record(List.of(accepted(1, 1)), NOW);
        }
        AtomicBoolean lockedDuringErase = new AtomicBoolean();
        sameStorage(store).resetDataSpace(DATA_SPACE, () -> lockedDuringErase.set(
                assertThrows(SyncLockedException.class, () -> store.open(DATA_SPACE, Feed.PRICES)) != null
                        && assertThrows(SyncLockedException.class,
                                () -> store.open(DATA_SPACE, Feed.PRODUCTS)) != null
                        && assertThrows(SyncLockedException.class, () -> store.open(DATA_SPACE, Feed.CATEGORIES),
                                "a built-in feed that never held state in the data space is locked too") != null));
        assertTrue(lockedDuringErase.get());
        for (Feed feed : List.of(Feed.PRODUCTS, Feed.PRICES)) {
            try (FeedSyncState state = store.open(DATA_SPACE, feed)) {
                assertNull(state.find(9));
                assertNull(state.lastFullSync());
            }
        }
        try (FeedSyncState other = store.open("another-data-space", Feed.PRODUCTS)) {
            assertNotNull(other.find(id(1)), "other data spaces keep their state");
        }
    }

    /** A reset while a feed state of the data space is open fails and changes nothing. */
    @Test
    public void resetFailsWhileAFeedStateIsOpenAndChangesNothing() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 1)), NOW);
            AtomicBoolean erased = new AtomicBoolean();
            assertThrows(SyncLockedException.class, () -> sameStorage(store).resetDataSpace(DATA_SPACE,
                    () -> erased.set(true)));
            assertFalse(erased.get(), "nothing is erased");
            assertNotNull(state.find(id(1)));
        }
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertNotNull(state.find(id(1)), "nothing is forgotten");
        }
    }

    /** Resetting a data space the store never held state for still runs the erase. */
    @Test
    public void resettingAnUnknownDataSpaceRunsTheErase() {
        AtomicBoolean erased = new AtomicBoolean();
        createStore().resetDataSpace("never-synced", () -> erased.set(true));
        assertTrue(erased.get());
    }

    /** An erase that fails leaves the state forgotten (resending is harmless) and the feeds unlocked. */
    @Test
    public void aFailedEraseLeavesTheStateForgottenAndUnlocked() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 1)), NOW);
        }
        IllegalStateException failure = new IllegalStateException("the gateway's cleanup failed");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> store.resetDataSpace(DATA_SPACE, () -> {
            throw failure;
        })));
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertNull(state.find(id(1)));
        }
    }

    /** Data spaces are kept apart, whatever characters their ids hold. */
    @Test
    public void dataSpacesAreKeptApartWhateverTheirIds() {
        SyncStateStore store = createStore();
        List<String> ids = List.of("../../etc", "x y/z", "ünïcödé", DATA_SPACE);
        for (int i = 0; i < ids.size(); i++) {
            try (FeedSyncState state = store.open(ids.get(i), Feed.PRODUCTS)) {
                state.record(List.of(accepted(i, i + 1)), NOW);
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            try (FeedSyncState state = sameStorage(store).open(ids.get(i), Feed.PRODUCTS)) {
                assertEquals(1, state.count(ItemStatus.ACCEPTED), ids.get(i));
                assertEquals(i + 1, state.find(id(i)).contentHash(), ids.get(i));
            }
        }
    }

    /** A feed whose identity fields changed starts from empty state. */
    @Test
    public void aFeedWithOtherIdentityFieldsStartsFromEmptyState() {
        SyncStateStore store = createStore();
        Feed custom = Feed.custom("custom", "feeds/custom/v1", 10, "code");
        try (FeedSyncState state = store.open(DATA_SPACE, custom)) {
            state.record(List.of(StateChange.accepted(ItemKey.of(custom, "a"), 5, 5)), NOW);
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, custom)) {
            assertNotNull(state.find(5), "the same identity fields keep the state");
        }
        Feed changed = Feed.custom("custom", "feeds/custom/v1", 10, "code", "storeViewCode");
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, changed)) {
            assertNull(state.find(5));
            state.record(List.of(StateChange.accepted(ItemKey.of(changed, "a", "b"), 6, 6)), NOW);
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, changed)) {
            assertEquals(ItemKey.of(changed, "a", "b"), state.key(6));
        }
    }

    /** Twenty thousand items of mixed statuses, recorded in batches, come back exactly after reopening. */
    @Test
    public void manyItemsSurviveReopening() {
        int items = 20_000;
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            for (int start = 0; start < items; start += 100) {
                List<StateChange> changes = new ArrayList<>();
                for (int n = start; n < start + 100; n++) {
                    changes.add(n % 97 == 0 ? StateChange.rejected(key(n), id(n), n, "reason " + n)
                            : n % 89 == 0 ? StateChange.retryable(key(n), id(n), n, json("{\"n\":" + n + "}"))
                            : accepted(n, n));
                }
                state.record(changes, NOW);
            }
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            long rejected = java.util.stream.IntStream.range(0, items).filter(n -> n % 97 == 0).count();
            long retryable = java.util.stream.IntStream.range(0, items).filter(n -> n % 97 != 0 && n % 89 == 0).count();
            assertEquals(rejected, state.count(ItemStatus.REJECTED));
            assertEquals(retryable, state.count(ItemStatus.RETRYABLE));
            assertEquals(items - rejected - retryable, state.count(ItemStatus.ACCEPTED));
            assertEquals(items, state.unseen().length);
            for (int n = 0; n < items; n += 997) {
                assertEquals(n, state.find(id(n)).contentHash(), "item " + n);
                assertEquals(key(n), state.key(id(n)));
            }
            assertEquals(retryable, retryables(state).size());
        }
    }

    /**
     * {@code findAll} gives, for each of the first {@code count} identities, what {@code find} gives (held or not,
     * repeated or not), and leaves the rest of the array alone.
     */
    @Test
    public void findAllGivesWhatFindGivesForEachIdentity() {
        SyncStateStore store = createStore();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            List<StateChange> changes = new ArrayList<>();
            for (int n = 0; n < 300; n += 2) {
                changes.add(n % 10 == 0 ? StateChange.rejected(key(n), id(n), n, "reason " + n) : accepted(n, n));
            }
            state.record(changes, NOW);
            long[] identities = new long[200];
            for (int i = 0; i < identities.length; i++) {
                identities[i] = id(i % 3 == 0 ? i / 3 : i);
            }
            StoredItem untouched = new StoredItem(id(1), 1, ItemStatus.ACCEPTED);
            StoredItem[] found = new StoredItem[identities.length + 1];
            found[identities.length - 1] = untouched;
            found[identities.length] = untouched;
            state.findAll(identities, identities.length - 1, found);
            for (int i = 0; i < identities.length - 1; i++) {
                assertEquals(state.find(identities[i]), found[i], "identity " + i);
            }
            assertEquals(untouched, found[identities.length - 1], "beyond count");
            assertEquals(new StoredItem(id(10), 10, ItemStatus.REJECTED), found[30]);
            assertNull(found[1], "not held");
            assertEquals(new StoredItem(id(2), 2, ItemStatus.ACCEPTED), found[2]);
        }
    }

    /** Batches recorded by several threads at once are all kept. */
    @Test
    public void recordsFromSeveralThreadsAtOnceAreAllKept() throws Exception {
        SyncStateStore store = createStore();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int first = thread * 1000;
                done.add(threads.submit(() -> {
                    for (int batch = 0; batch < 25; batch++) {
                        List<StateChange> changes = new ArrayList<>();
                        for (int n = first + batch * 20; n < first + batch * 20 + 20; n++) {
                            changes.add(StateChange.sending(key(n), id(n), n));
                        }
                        state.record(changes, NOW);
                        state.record(changes.stream().map(change -> StateChange.accepted(change.key(),
                                change.identityHash(), change.contentHash())).toList(), NOW);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            assertEquals(2000, state.count(ItemStatus.ACCEPTED));
        } finally {
            threads.shutdownNow();
        }
        try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(2000, state.count(ItemStatus.ACCEPTED));
            assertEquals(0, state.count(ItemStatus.UNCONFIRMED));
        }
    }

    /** Every feed of a data space has state of its own. */
    @Test
    public void feedsAreKeptApart() {
        SyncStateStore store = createStore();
        Map<Feed, Integer> counts = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
        counts.put(Feed.PRODUCTS, 3);
        counts.put(Feed.CATEGORIES, 2);
        for (Map.Entry<Feed, Integer> entry : counts.entrySet()) {
            try (FeedSyncState state = store.open(DATA_SPACE, entry.getKey())) {
                List<StateChange> changes = new ArrayList<>();
                for (int n = 0; n < entry.getValue(); n++) {
                    String[] values = new String[entry.getKey().identityFields().size()];
                    Arrays.fill(values, "v" + n);
                    changes.add(StateChange.accepted(ItemKey.of(entry.getKey(), values), id(n), n));
                }
                state.record(changes, NOW);
            }
        }
        for (Map.Entry<Feed, Integer> entry : counts.entrySet()) {
            try (FeedSyncState state = sameStorage(store).open(DATA_SPACE, entry.getKey())) {
                assertEquals(entry.getValue().longValue(), state.count(ItemStatus.ACCEPTED), entry.getKey().name());
            }
        }
    }
}

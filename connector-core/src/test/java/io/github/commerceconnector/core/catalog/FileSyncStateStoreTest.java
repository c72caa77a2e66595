package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.core.internal.catalog.state.FileFeedState;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FileSyncStateStoreTest {
    private static final String DATA_SPACE = "3f2a3c56-8b7e-4a63-9a55-0a3f7d0c6e11";
    private static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");
    private final ItemHasher hasher = new ItemHasher();

    @TempDir
    Path directory;

    private ItemKey key(int n) {
        return ItemKey.of(Feed.PRODUCTS, String.format("SKU-%07d", n), "default");
    }

    private long id(int n) {
        return hasher.identityHash(key(n));
    }

    private StateChange accepted(int n, long content) {
        return StateChange.accepted(key(n), id(n), content);
    }

    @Test
    void aBatchAboutToBeSentIsWrittenUnforcedAndItsAnswerIsForcedOnce() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            FileFeedState file = (FileFeedState) state;
            List<StateChange> sending = new ArrayList<>();
            List<StateChange> answered = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                sending.add(StateChange.sending(key(n), id(n), 100 + n));
                answered.add(n % 10 == 0 ? StateChange.rejected(key(n), id(n), 100 + n, "refused")
                        : accepted(n, 100 + n));
            }
            state.record(sending, NOW);
            assertEquals(0, file.forcedWrites(), "nothing forced before sending");
            assertEquals(ItemStatus.UNCONFIRMED, state.find(id(1)).status());
            state.record(answered, NOW);
            assertEquals(1, file.forcedWrites(), "one forced write for the answered batch");
        }
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(90, state.count(ItemStatus.ACCEPTED));
            assertEquals(10, state.count(ItemStatus.REJECTED));
            assertEquals(0, state.count(ItemStatus.UNCONFIRMED));
        }
    }

    @Test
    void aBatchAboutToBeSentSurvivesTheSessionWithoutAnAnswer() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(StateChange.sending(key(1), id(1), 11)), NOW);
        }
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(new StoredItem(id(1), 11, ItemStatus.UNCONFIRMED), state.find(id(1)));
        }
    }

    @Test
    void everyKindOfOutcomeSurvivesReopening() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 11), accepted(2, 22), accepted(3, 33)), NOW);
            state.record(List.of(StateChange.rejected(key(2), id(2), 23, "name: must not be empty"),
                    StateChange.retryable(key(4), id(4), 44, "{\"sku\":\"SKU-0000004\"}".getBytes(StandardCharsets.UTF_8)),
                    StateChange.removed(key(3), id(3)), StateChange.sending(key(5), id(5), 55)), NOW.plusSeconds(5));
            state.fullSyncFinished(NOW.plusSeconds(9));
        }
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(new StoredItem(id(1), 11, ItemStatus.ACCEPTED), state.find(id(1)));
            assertEquals(new StoredItem(id(2), 23, ItemStatus.REJECTED), state.find(id(2)));
            assertNull(state.find(id(3)), "removed items are forgotten");
            assertEquals(ItemStatus.RETRYABLE, state.find(id(4)).status());
            assertEquals("name: must not be empty", state.reason(id(2)));
            assertNull(state.reason(id(1)));
            assertEquals(key(2), state.key(id(2)));
            assertEquals(NOW.plusSeconds(5), state.lastAttempt(id(4)));
            assertEquals(NOW.plusSeconds(9), state.lastFullSync());
            assertEquals(1, state.count(ItemStatus.ACCEPTED));
            assertEquals(1, state.count(ItemStatus.REJECTED));
            assertEquals(1, state.count(ItemStatus.RETRYABLE));
            assertEquals(new StoredItem(id(5), 55, ItemStatus.UNCONFIRMED), state.find(id(5)),
                    "an item sent without a recorded answer stays unconfirmed");
            assertEquals(key(5), state.key(id(5)));
            assertEquals(List.of(new RejectedItem(key(2), "name: must not be empty", null, null, -1)),
                    state.rejected(10));
            List<RetryPayload> payloads = new ArrayList<>();
            state.forEachRetryable(payloads::add);
            assertEquals(1, payloads.size());
            assertEquals("{\"sku\":\"SKU-0000004\"}", new String(payloads.get(0).json(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void retryPayloadsOfItemsNoLongerRetryableAreSkipped() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
            state.record(List.of(StateChange.retryable(key(1), id(1), 10, json),
                    StateChange.retryable(key(2), id(2), 20, json)), NOW);
            state.record(List.of(StateChange.retryable(key(1), id(1), 11, json), accepted(2, 20)), NOW);
            List<Long> contents = new ArrayList<>();
            state.forEachRetryable(payload -> contents.add(payload.contentHash()));
            assertEquals(List.of(11L), contents, "only the payload of the current retryable content");
        }
    }

    @Test
    void seenMarksStartClearAndTrackRecordedItems() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 1), accepted(2, 2), accepted(3, 3)), NOW);
            assertEquals(0, state.unseen().length, "recorded items are seen");
        }
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertTrue(state.markSeen(id(1)));
            assertTrue(!state.markSeen(id(1)));
            state.record(List.of(accepted(3, 33)), NOW);
            assertArrayEquals(new long[] {id(2)}, state.unseen());
        }
    }

    @Test
    void aSecondOpenInThisProcessFailsAtOnce() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState first = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            SyncLockedException locked = assertThrows(SyncLockedException.class,
                    () -> new FileSyncStateStore(directory).open(DATA_SPACE, Feed.PRODUCTS));
            assertTrue(locked.getMessage().contains("products"), locked.getMessage());
            assertTrue(locked.getMessage().contains(DATA_SPACE), locked.getMessage());
            assertTrue(locked.getMessage().contains("this process"), locked.getMessage());
            store.open(DATA_SPACE, Feed.PRICES).close();
            store.open("another-data-space", Feed.PRODUCTS).close();
        }
        store.open(DATA_SPACE, Feed.PRODUCTS).close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLockHeldByAnotherProcessFailsAtOnceAndDiesWithIt() throws Exception {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (ChildJvm child = ChildJvm.start(StateLockHolder.class, directory.toString(), DATA_SPACE, "products")) {
            assertEquals("LOCKED products", child.readLine());
            SyncLockedException locked = assertThrows(SyncLockedException.class,
                    () -> store.open(DATA_SPACE, Feed.PRODUCTS));
            assertTrue(locked.getMessage().contains("another process"), locked.getMessage());
            child.kill();
        }
        store.open(DATA_SPACE, Feed.PRODUCTS).close();
    }

    @Test
    void aTornTailIsIgnoredAtEveryCutAndNothingUnrecordedIsClaimed() throws IOException {
        Path source = directory.resolve("source");
        FileSyncStateStore store = new FileSyncStateStore(source);
        Map<Long, Long> acceptedSoFar = new HashMap<>();
        List<Map<Long, Long>> afterEachBatch = new ArrayList<>();
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            for (int batch = 0; batch < 6; batch++) {
                List<StateChange> changes = new ArrayList<>();
                for (int n = batch * 3; n < batch * 3 + 4; n++) {
                    changes.add(accepted(n, 100L * batch + n));
                    acceptedSoFar.put(id(n), 100L * batch + n);
                }
                state.record(changes, NOW);
                afterEachBatch.add(Map.copyOf(acceptedSoFar));
            }
        }
        byte[] log = Files.readAllBytes(source.resolve(DATA_SPACE).resolve("products.log"));
        Path cut = directory.resolve("cut");
        Path cutLog = cut.resolve(DATA_SPACE).resolve("products.log");
        Files.createDirectories(cutLog.getParent());
        for (int length = 0; length <= log.length; length++) {
            Files.write(cutLog, java.util.Arrays.copyOf(log, length));
            try (FeedSyncState state = new FileSyncStateStore(cut).open(DATA_SPACE, Feed.PRODUCTS)) {
                Map<Long, Long> claimed = new HashMap<>();
                for (int n = 0; n < 25; n++) {
                    StoredItem item = state.find(id(n));
                    if (item != null) {
                        assertEquals(ItemStatus.ACCEPTED, item.status());
                        claimed.put(id(n), item.contentHash());
                    }
                }
                boolean consistent = claimed.isEmpty() || afterEachBatch.stream().anyMatch(snapshot ->
                        snapshot.entrySet().containsAll(claimed.entrySet()));
                assertTrue(consistent, "cut at " + length + " claims " + claimed.size()
                        + " items that no recorded prefix holds");
            }
        }
    }

    @Test
    void aCorruptRecordEndsTheLogAndLaterWritesStartAfterIt() throws IOException {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 1)), NOW);
            state.record(List.of(accepted(2, 2)), NOW);
        }
        Path log = directory.resolve(DATA_SPACE).resolve("products.log");
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.seek(file.length() - 6);
            file.write(file.read() ^ 0x5A);
        }
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertNotNull(state.find(id(1)));
            assertNull(state.find(id(2)), "the damaged record is not believed");
            state.record(List.of(accepted(3, 3)), NOW);
        }
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertNotNull(state.find(id(1)));
            assertNotNull(state.find(id(3)));
        }
    }

    @Test
    void compactionKeepsTheLatestStateOfEveryItem() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        long before;
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            for (int round = 0; round < 20; round++) {
                List<StateChange> changes = new ArrayList<>();
                for (int n = 0; n < 100; n++) {
                    changes.add(n % 10 == 0 && round == 19 ? StateChange.rejected(key(n), id(n), round, "bad " + n)
                            : accepted(n, round));
                }
                state.record(changes, NOW);
            }
            state.record(List.of(StateChange.removed(key(5), id(5))), NOW);
            state.fullSyncFinished(NOW);
            before = ((FileFeedState) state).logBytes();
            ((FileFeedState) state).compact();
            assertTrue(((FileFeedState) state).logBytes() < before / 10, "compaction drops superseded records");
            assertEquals("bad 10", state.reason(id(10)));
        }
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(89, state.count(ItemStatus.ACCEPTED));
            assertEquals(10, state.count(ItemStatus.REJECTED));
            assertNull(state.find(id(5)));
            assertEquals(new StoredItem(id(7), 19, ItemStatus.ACCEPTED), state.find(id(7)));
            assertEquals(key(42), state.key(id(42)));
            assertEquals(NOW, state.lastFullSync());
        }
    }

    @Test
    void resettingADataSpaceForgetsEveryFeedAndErasesUnderTheLocks() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        for (Feed feed : List.of(Feed.PRODUCTS, Feed.PRICES)) {
            try (FeedSyncState state = store.open(DATA_SPACE, feed)) {
                state.record(List.of(StateChange.accepted(ItemKey.of(feed, feed == Feed.PRICES
                        ? new String[] {"a", "b", "c"} : new String[] {"a", "b"}), 9, 9)), NOW);
            }
        }
        AtomicBoolean lockedDuringErase = new AtomicBoolean();
        store.resetDataSpace(DATA_SPACE, () -> lockedDuringErase.set(
                assertThrows(SyncLockedException.class, () -> store.open(DATA_SPACE, Feed.PRICES)) != null));
        assertTrue(lockedDuringErase.get());
        for (Feed feed : List.of(Feed.PRODUCTS, Feed.PRICES)) {
            try (FeedSyncState state = store.open(DATA_SPACE, feed)) {
                assertNull(state.find(9));
            }
        }
        try (FeedSyncState open = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertThrows(SyncLockedException.class, () -> store.resetDataSpace(DATA_SPACE, () -> { }));
        }
    }

    @Test
    void dataSpacesAreKeptApartAndOddIdsAreSafeFileNames() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState state = store.open("../../etc", Feed.PRODUCTS)) {
            state.record(List.of(accepted(1, 1)), NOW);
        }
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertNull(state.find(id(1)));
        }
        try (FeedSyncState state = store.open("../../etc", Feed.PRODUCTS)) {
            assertNotNull(state.find(id(1)));
        }
        assertTrue(Files.exists(directory.resolve(DATA_SPACE)));
        assertTrue(Files.notExists(directory.resolve("../../etc/products.log")));
    }

    @Test
    void aFeedWithOtherIdentityFieldsStartsFromEmptyState() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        Feed custom = Feed.custom("custom", "feeds/custom/v1", 10, "code");
        try (FeedSyncState state = store.open(DATA_SPACE, custom)) {
            state.record(List.of(StateChange.accepted(ItemKey.of(custom, "a"), 5, 5)), NOW);
        }
        Feed changed = Feed.custom("custom", "feeds/custom/v1", 10, "code", "storeViewCode");
        try (FeedSyncState state = store.open(DATA_SPACE, changed)) {
            assertNull(state.find(5));
        }
    }
}

package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.FeedSyncState;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the file store shows: its lock files across processes, torn and corrupt logs, compaction and safe
 * file names. The behaviour every store shares is {@link FileStoresPassTheContractsTest}.
 */
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
    void aWriterInterruptedMidSyncIsReportedAsAnInterruptAndLosesNothingRecordedBefore() throws Exception {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS);
        state.record(List.of(accepted(1, 11)), NOW);
        RuntimeException[] interrupted = {null};
        Thread sender = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                state.record(List.of(accepted(2, 22)), NOW);
            } catch (RuntimeException e) {
                interrupted[0] = e;
            }
        });
        sender.start();
        sender.join();
        RuntimeException other = assertThrows(RuntimeException.class,
                () -> state.record(List.of(accepted(3, 33)), NOW), "the file is closed for every thread");
        RuntimeException closing = assertThrows(RuntimeException.class, state::close);
        for (RuntimeException failure : List.of(interrupted[0], other, closing)) {
            assertTrue(failure.getMessage().contains("interrupted"), failure.getMessage());
            assertTrue(failure.getMessage().contains("Nothing recorded before is lost"), failure.getMessage());
            assertTrue(!failure.getMessage().contains("permissions"), failure.getMessage());
        }
        try (FeedSyncState reopened = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(new StoredItem(id(1), 11, ItemStatus.ACCEPTED), reopened.find(id(1)));
            assertNull(reopened.find(id(3)));
        }
    }

    @Test
    void scansOfTheRetryPayloadsAtOnceEachReadThemAll() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
            List<StateChange> retryable = new ArrayList<>();
            for (int n = 0; n < 200; n++) {
                retryable.add(StateChange.retryable(key(n), id(n), n + 1, ("{\"sku\":\"" + "p".repeat(1000)
                        + n + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
            state.record(retryable, NOW);
            int[] outer = {0};
            int[] inner = {0};
            state.forEachRetryable(payload -> {
                if (outer[0]++ == 0) {
                    state.forEachRetryable(again -> inner[0]++);
                }
            });
            assertEquals(200, inner[0], "the scan made while another is under way");
            assertEquals(200, outer[0], "the scan under way, over more than its 64 KiB read-ahead");
        }
    }

    @Test
    void theSameDirectoryReachedThroughALinkIsLockedToo() throws IOException {
        Path real = Files.createDirectories(directory.resolve("real"));
        Path link = Files.createSymbolicLink(directory.resolve("link"), real);
        try (FeedSyncState first = new FileSyncStateStore(real).open(DATA_SPACE, Feed.PRODUCTS)) {
            SyncLockedException locked = assertThrows(SyncLockedException.class,
                    () -> new FileSyncStateStore(link).open(DATA_SPACE, Feed.PRODUCTS));
            assertTrue(locked.getMessage().contains("this process"), locked.getMessage());
        }
        new FileSyncStateStore(link).open(DATA_SPACE, Feed.PRODUCTS).close();
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
    void recordsOfTheLongestIdentitiesAndReasonsAllSurviveReopening() throws IOException {
        Feed wide = Feed.custom("wide", "feeds/wide/v1/items", 100, "a", "b", "c", "d", "e", "f", "g", "h");
        int items = 300;
        Map<Long, ItemKey> recorded = new HashMap<>();
        List<Long> rejected = new ArrayList<>();
        FileSyncStateStore store = new FileSyncStateStore(directory);
        try (FeedSyncState state = store.open(DATA_SPACE, wide)) {
            for (int n = 0; n < items; n++) {
                String[] values = new String[8];
                for (int field = 0; field < values.length; field++) {
                    String head = n + "-" + field + "-";
                    values[field] = head + "x".repeat(1024 - head.length() - (n * 7 + field) % 40);
                }
                ItemKey key = ItemKey.of(wide, values);
                long identity = hasher.identityHash(key);
                recorded.put(identity, key);
                if (n % 3 == 0) {
                    rejected.add(identity);
                }
                state.record(List.of(n % 3 == 0 ? StateChange.rejected(key, identity, n + 1L, "r".repeat(1024))
                        : StateChange.accepted(key, identity, n + 1L)), NOW);
            }
        }
        Path log = directory.resolve(DATA_SPACE).resolve("wide.log");
        long written = Files.size(log);
        assertTrue(written > 2 << 20, "the log spans several of the scanner's 1 MiB reads: " + written);
        try (FeedSyncState state = store.open(DATA_SPACE, wide)) {
            assertEquals(items / 3, state.count(ItemStatus.REJECTED));
            assertEquals(items - items / 3, state.count(ItemStatus.ACCEPTED));
            for (Map.Entry<Long, ItemKey> entry : recorded.entrySet()) {
                assertEquals(entry.getValue(), state.key(entry.getKey()));
            }
            for (long identity : rejected) {
                assertEquals("r".repeat(1024), state.reason(identity));
            }
        }
        assertEquals(written, Files.size(log), "no record was taken for a torn tail and cut off");
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
}

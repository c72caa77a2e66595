package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.core.internal.catalog.state.FileFeedState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what the file state store costs per item for a million products (SKUs like {@code SKU-0000042},
 * store view {@code default}): bytes on disk, and the heap of the in-memory index, counted from its primitive
 * arrays (no JMH). Both must stay within 64 bytes an item. On disk, every file of the data space counts (the
 * snapshot, the log of the records since it, the retry payloads).
 */
class SyncStateFootprintTest {
    private static final int ITEMS = 1_000_000;
    private static final int BATCH = 10_000;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSyncThatRecordsEachItemBeforeAndAfterSendingLeavesAtMost64BytesAnItemOnceClosed() throws Exception {
        int items = 200_000;
        FileSyncStateStore store = new FileSyncStateStore(directory);
        ItemHasher hasher = new ItemHasher();
        Instant now = Instant.parse("2024-05-01T10:15:30Z");
        try (FeedSyncState state = store.open("data-space", Feed.PRODUCTS)) {
            for (int start = 0; start < items; start += 100) {
                List<StateChange> sending = new ArrayList<>(100);
                List<StateChange> accepted = new ArrayList<>(100);
                for (int n = start; n < start + 100; n++) {
                    ItemKey key = ItemKey.of(Feed.PRODUCTS, String.format("SKU-%07d", n), "default");
                    sending.add(StateChange.sending(key, hasher.identityHash(key), n + 1L));
                    accepted.add(StateChange.accepted(key, hasher.identityHash(key), n + 1L));
                }
                state.record(sending, now);
                state.record(accepted, now);
            }
        }
        double diskPerItem = (double) folderBytes(directory.resolve("data-space")) / items;
        assertTrue(diskPerItem <= 64, "disk bytes per item: " + diskPerItem);
        try (FeedSyncState state = store.open("data-space", Feed.PRODUCTS)) {
            assertEquals(items, state.count(ItemStatus.ACCEPTED));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMillionItemsTakeAtMost64BytesEachOnDiskAndInMemory() throws Exception {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        ItemHasher hasher = new ItemHasher();
        Instant now = Instant.parse("2024-05-01T10:15:30Z");
        try (FeedSyncState state = store.open("data-space", Feed.PRODUCTS)) {
            for (int start = 0; start < ITEMS; start += BATCH) {
                List<StateChange> changes = new ArrayList<>(BATCH);
                for (int n = start; n < start + BATCH; n++) {
                    ItemKey key = ItemKey.of(Feed.PRODUCTS, String.format("SKU-%07d", n), "default");
                    changes.add(StateChange.accepted(key, hasher.identityHash(key), n + 1L));
                }
                state.record(changes, now);
            }
        }
        long diskBytes = folderBytes(directory.resolve("data-space"));
        double diskPerItem = (double) diskBytes / ITEMS;
        try (FeedSyncState state = store.open("data-space", Feed.PRODUCTS)) {
            FileFeedState file = (FileFeedState) state;
            assertEquals(ITEMS, state.count(ItemStatus.ACCEPTED));
            double memoryPerItem = (double) file.indexBytes() / file.size();
            System.out.printf("Sync state of %,d items: %.1f bytes per item on disk (%,d bytes), "
                    + "%.1f bytes per item in memory (%,d bytes of index)%n", ITEMS, diskPerItem, diskBytes,
                    memoryPerItem, file.indexBytes());
            assertTrue(diskPerItem <= 64, "disk bytes per item: " + diskPerItem);
            assertTrue(memoryPerItem <= 64, "memory bytes per item: " + memoryPerItem);
        }
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long bytes = 0;
            for (Path file : files.toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }
}

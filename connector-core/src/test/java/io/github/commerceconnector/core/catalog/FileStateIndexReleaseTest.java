package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.core.internal.catalog.state.FileFeedState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a file state releases its index (so that the next state of that size reuses the memory), and the state
 * reopened, whose index may be that very memory, holds exactly what was recorded: nothing of the other state.
 */
class FileStateIndexReleaseTest {
    private static final int ITEMS = 60_000;

    @TempDir
    Path directory;

    @Test
    void closingReleasesTheIndexAndEachReopenedStateHoldsOnlyItsOwnItems() {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        ItemHasher hasher = new ItemHasher();
        record(store, hasher, "space-a", "A-", ItemStatus.ACCEPTED);
        record(store, hasher, "space-b", "B-", ItemStatus.REJECTED);

        FileFeedState first;
        try (FeedSyncState state = store.open("space-a", Feed.PRODUCTS)) {
            first = (FileFeedState) state;
            assertTrue(first.indexBytes() > 0);
        }
        assertEquals(0, first.indexBytes(), "closing released the index");
        assertThrows(IllegalStateException.class, () -> first.count(ItemStatus.ACCEPTED));

        try (FeedSyncState other = store.open("space-b", Feed.PRODUCTS)) {
            assertEquals(ITEMS, other.count(ItemStatus.REJECTED));
            assertEquals(0, other.count(ItemStatus.ACCEPTED));
            for (int n = 0; n < ITEMS; n += 997) {
                assertEquals(null, other.find(hasher.identityHash(key("A-", n))), "item " + n + " of space-a");
                assertEquals(ItemStatus.REJECTED, other.find(hasher.identityHash(key("B-", n))).status());
            }
        }
        try (FeedSyncState again = store.open("space-a", Feed.PRODUCTS)) {
            assertEquals(ITEMS, again.count(ItemStatus.ACCEPTED));
            assertEquals(0, again.count(ItemStatus.REJECTED));
        }
    }

    private static void record(FileSyncStateStore store, ItemHasher hasher, String dataSpace, String prefix,
            ItemStatus status) {
        try (FeedSyncState state = store.open(dataSpace, Feed.PRODUCTS)) {
            List<StateChange> changes = new ArrayList<>(ITEMS);
            for (int n = 0; n < ITEMS; n++) {
                ItemKey key = key(prefix, n);
                long identity = hasher.identityHash(key);
                changes.add(status == ItemStatus.ACCEPTED ? StateChange.accepted(key, identity, n + 1L)
                        : StateChange.rejected(key, identity, n + 1L, "refused"));
            }
            state.record(changes, Instant.parse("2024-05-01T10:15:30Z"));
        }
    }

    private static ItemKey key(String prefix, int n) {
        return ItemKey.of(Feed.PRODUCTS, prefix + n, "default");
    }
}

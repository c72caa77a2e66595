package io.github.commerceconnector.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.ItemStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link ItemIndex#release()}: a released index refuses to be used, and its table is kept for the next index of
 * the same size, which gets it back empty; the kept tables stay within their bounds.
 */
class ItemIndexReleaseTest {
    /** Items whose table (2^17 slots, 3 MiB) is large enough to be kept. */
    private static final int ITEMS = 60_000;

    @BeforeEach
    void nothingKept() {
        ReleasedTables.clear();
    }

    @Test
    void aReleasedIndexIsEmptyAndRefusesEveryUseWithAClearError() {
        ItemIndex index = filled(ITEMS, 1);
        index.release();

        assertEquals(0, index.size());
        assertEquals(0, index.memoryBytes());
        assertEquals(0, index.count(ItemStatus.ACCEPTED));
        List<Executable> uses = List.of(() -> index.find(1), () -> index.contains(1), () -> index.status(1),
                () -> index.put(1, 1, ItemStatus.ACCEPTED, 0, false), () -> index.remove(1), () -> index.markSeen(1),
                () -> index.findAll(new long[] {1}, 1, new StoredItem[1]), () -> index.prefetch(new long[] {1}, 1),
                () -> index.unseen(), () -> index.forEach(ItemStatus.ACCEPTED, key -> true),
                () -> index.forEachEntry(ItemStatus.ACCEPTED, (key, content, position) -> true),
                () -> index.reserve(10), () -> index.makeRoom(1), () -> index.moveTo(1, 1), index::clear);
        for (Executable use : uses) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, use);
            assertTrue(refused.getMessage().contains("released"), refused.getMessage());
        }
        index.release();
        assertEquals(0, index.size());
    }

    @Test
    void theNextIndexOfTheSameSizeReusesTheTableAndFindsItEmpty() {
        ItemIndex first = filled(ITEMS, 1);
        long bytes = first.memoryBytes();
        first.release();
        assertEquals(bytes, ReleasedTables.keptBytes(), "the released table is kept");

        ItemIndex second = new ItemIndex(ITEMS);
        assertEquals(0, ReleasedTables.keptBytes(), "the new index took the kept table");
        assertEquals(bytes, second.memoryBytes());
        assertEquals(0, second.size());
        for (long key = 1; key <= ITEMS; key++) {
            assertFalse(second.contains(key * 0x9E3779B97F4A7C15L), "key " + key + " of the released index");
        }
        assertEquals(0, second.unseen().length);
        for (long key = 1; key <= ITEMS; key++) {
            second.put(key * 0x9E3779B97F4A7C15L, key * 7, ItemStatus.REJECTED, key, true);
        }
        for (long key = 1; key <= ITEMS; key++) {
            assertEquals(new StoredItem(key * 0x9E3779B97F4A7C15L, key * 7, ItemStatus.REJECTED),
                    second.find(key * 0x9E3779B97F4A7C15L));
        }
        assertEquals(ITEMS, second.count(ItemStatus.REJECTED));
        assertEquals(0, second.unseen().length);
    }

    @Test
    void aStoreReservingForItsItemsReusesTheTableOfTheSameState() {
        ItemIndex first = new ItemIndex(1024);
        first.reserve(ITEMS);
        long bytes = first.memoryBytes();
        first.put(5, 50, ItemStatus.ACCEPTED, 1, false);
        first.release();

        ItemIndex reopened = new ItemIndex(1024);
        reopened.reserve(ITEMS);
        assertEquals(bytes, reopened.memoryBytes());
        assertEquals(0, ReleasedTables.keptBytes());
        assertNull(reopened.find(5));
    }

    @Test
    void clearingGivesTheOldTableToTheNextIndex() {
        ItemIndex index = filled(ITEMS, 1);
        long bytes = index.memoryBytes();
        index.clear();
        assertEquals(bytes, ReleasedTables.keptBytes());
        assertEquals(0, index.size());
        assertFalse(index.contains(0x9E3779B97F4A7C15L));
    }

    @Test
    void smallTablesAreNotKept() {
        ItemIndex small = filled(1_000, 1);
        assertTrue(small.memoryBytes() < ReleasedTables.SMALLEST_KEPT_BYTES);
        small.release();
        assertEquals(0, ReleasedTables.keptBytes());
    }

    @Test
    void atMostTwoTablesAreKeptTheOldestLetGoFirst() {
        OffHeapLongs a = new OffHeapLongs(1 << 17);
        OffHeapLongs b = new OffHeapLongs(1 << 18);
        OffHeapLongs c = new OffHeapLongs(1 << 19);
        ReleasedTables.give(a);
        ReleasedTables.give(b);
        ReleasedTables.give(c);

        assertEquals(b.bytes() + c.bytes(), ReleasedTables.keptBytes());
        assertNull(ReleasedTables.take(a.length()), "the oldest was let go");
        assertSame(b, ReleasedTables.take(b.length()));
        assertSame(c, ReleasedTables.take(c.length()));
        assertNull(ReleasedTables.take(c.length()), "a table is taken once");
    }

    @Test
    void keptTablesStayWithinTheirBytes() {
        OffHeapLongs big = new OffHeapLongs(ReleasedTables.KEPT_BYTES / Long.BYTES / 4 * 3);
        OffHeapLongs bigger = new OffHeapLongs(ReleasedTables.KEPT_BYTES / Long.BYTES / 2);
        ReleasedTables.give(big);
        ReleasedTables.give(bigger);

        assertEquals(bigger.bytes(), ReleasedTables.keptBytes(), "the older was let go to stay within bounds");
        ReleasedTables.give(new OffHeapLongs(ReleasedTables.KEPT_BYTES / Long.BYTES + 1));
        assertEquals(bigger.bytes(), ReleasedTables.keptBytes(), "a table beyond the bound is not kept");
    }

    @Test
    void aReusedTableIsZeroedAcrossItsSegments() {
        long length = (1L << 24) + 1000;
        OffHeapLongs table = new OffHeapLongs(length);
        for (long at = 0; at < length; at += 4093) {
            table.set(at, at + 1);
        }
        table.set(length - 1, 42);
        ReleasedTables.give(table);

        OffHeapLongs reused = ReleasedTables.take(length);
        assertSame(table, reused);
        for (long at = 0; at < length; at += 4093) {
            assertEquals(0, reused.get(at), "long " + at);
        }
        assertEquals(0, reused.get(length - 1));
    }

    @Test
    void theBoundComesFromThePropertyInMiBAndAMalformedOneIsNamed() {
        assertEquals(ReleasedTables.DEFAULT_KEPT_BYTES, ReleasedTables.keptBytesFrom(null));
        assertEquals(0, ReleasedTables.keptBytesFrom("0"));
        assertEquals(64L << 20, ReleasedTables.keptBytesFrom(" 64 "));
        assertEquals(1L << 40, ReleasedTables.keptBytesFrom("1048576"));
        for (String malformed : List.of("", "-1", "1048577", "64MiB", "1.5", "99999999999999999999")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ReleasedTables.keptBytesFrom(malformed));
            assertTrue(refused.getMessage().contains(ReleasedTables.KEPT_MIB_PROPERTY + " is '" + malformed + "'"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("from 0 (keep none) to 1048576"), refused.getMessage());
        }
    }

    private static ItemIndex filled(int items, long salt) {
        ItemIndex index = new ItemIndex(items);
        for (long key = 1; key <= items; key++) {
            index.put(key * 0x9E3779B97F4A7C15L, key * salt, ItemStatus.ACCEPTED, key, false);
        }
        return index;
    }
}

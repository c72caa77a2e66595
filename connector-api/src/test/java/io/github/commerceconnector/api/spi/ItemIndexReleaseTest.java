package io.github.commerceconnector.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.ItemStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
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

    /** A small pool of its own, for the bounds: two tables, 8 MiB, none under 1 MiB. */
    private final ReleasedTables pool = new ReleasedTables(2, 8L << 20, 1L << 20);

    @BeforeEach
    @AfterEach
    void nothingKept() {
        ReleasedTables.PROCESS.clear();
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
        assertEquals(bytes, ReleasedTables.PROCESS.keptBytes(), "the released table is kept");

        ItemIndex second = new ItemIndex(ITEMS);
        assertEquals(0, ReleasedTables.PROCESS.keptBytes(), "the new index took the kept table");
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
        assertEquals(0, ReleasedTables.PROCESS.keptBytes());
        assertNull(reopened.find(5));
    }

    @Test
    void clearingGivesTheOldTableToTheNextIndex() {
        ItemIndex index = filled(ITEMS, 1);
        long bytes = index.memoryBytes();
        index.clear();
        assertEquals(bytes, ReleasedTables.PROCESS.keptBytes());
        assertEquals(0, index.size());
        assertFalse(index.contains(0x9E3779B97F4A7C15L));

        ItemIndex next = new ItemIndex(ITEMS);
        assertEquals(0, ReleasedTables.PROCESS.keptBytes(), "the next index took it");
        assertFalse(next.contains(0x9E3779B97F4A7C15L));
    }

    @Test
    void smallTablesAreNotKept() {
        ItemIndex small = filled(1_000, 1);
        assertTrue(small.memoryBytes() < 1L << 20);
        small.release();
        assertEquals(0, ReleasedTables.PROCESS.keptBytes());
    }

    @Test
    void atMostTwoTablesAreKeptTheOldestLetGoFirst() {
        OffHeapLongs a = new OffHeapLongs(1 << 17);
        OffHeapLongs b = new OffHeapLongs(1 << 17);
        OffHeapLongs c = new OffHeapLongs(1 << 18);
        pool.give(a);
        pool.give(b);
        pool.give(c);

        assertEquals(b.bytes() + c.bytes(), pool.keptBytes());
        assertSame(b, pool.take(a.length()), "the oldest, a, was let go");
        assertNull(pool.take(a.length()));
        assertSame(c, pool.take(c.length()));
        assertNull(pool.take(c.length()), "a table is taken once");
        assertEquals(0, pool.keptBytes());
    }

    @Test
    void keptTablesStayWithinTheirBytesAndTablesTooSmallOrTooLargeAreNotKept() {
        OffHeapLongs three = new OffHeapLongs(3L << 17);
        OffHeapLongs six = new OffHeapLongs(6L << 17);
        pool.give(three);
        pool.give(six);
        assertEquals(six.bytes(), pool.keptBytes(), "3 + 6 MiB is beyond 8: the older was let go");

        pool.give(new OffHeapLongs((1L << 17) - 1));
        pool.give(new OffHeapLongs((8L << 17) + 1));
        assertEquals(six.bytes(), pool.keptBytes(), "neither under 1 MiB nor beyond 8 MiB is kept");
        assertTrue(pool.clear());
        assertFalse(pool.clear(), "nothing was left to let go");
    }

    @Test
    void aReusedTableIsZeroedAcrossItsSegments() {
        ReleasedTables large = new ReleasedTables(1, 256L << 20, 1L << 20);
        long length = (1L << 24) + 1000;
        OffHeapLongs table = new OffHeapLongs(length);
        for (long at = 0; at < length; at += 4093) {
            table.set(at, at + 1);
        }
        table.set(length - 1, 42);
        large.give(table);

        OffHeapLongs reused = large.take(length);
        assertSame(table, reused);
        for (long at = 0; at < length; at += 4093) {
            assertEquals(0, reused.get(at), "long " + at);
        }
        assertEquals(0, reused.get(length - 1));
    }

    @Test
    void theBoundComesFromThePropertyInMiBOrTheHeap() {
        long heap = 4L << 30;
        assertEquals(ReleasedTables.DEFAULT_MOST_BYTES, ReleasedTables.keptBytesFrom(null, heap));
        assertEquals(16L << 20, ReleasedTables.keptBytesFrom(null, 64L << 20), "a quarter of a small heap");
        assertEquals(0, ReleasedTables.keptBytesFrom("0", heap));
        assertEquals(64L << 20, ReleasedTables.keptBytesFrom(" 64 ", heap));
        assertEquals(1L << 40, ReleasedTables.keptBytesFrom("1048576", heap));
    }

    @Test
    void aMalformedBoundIsReportedAndTheDefaultUsed() {
        Logger logger = Logger.getLogger(ReleasedTables.class.getName());
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            for (String malformed : List.of("", "-1", "1048577", "64MiB", "1.5", "99999999999999999999")) {
                warnings.clear();
                assertEquals(16L << 20, ReleasedTables.keptBytesFrom(malformed, 64L << 20), malformed);
                assertEquals(1, warnings.size(), malformed);
                assertTrue(warnings.get(0).startsWith("WARNING System property " + ReleasedTables.KEPT_MIB_PROPERTY
                        + " is '" + malformed + "'"), warnings.get(0));
                assertTrue(warnings.get(0).contains("from 0 (keep none) to 1048576; using 16 MiB"), warnings.get(0));
            }
        } finally {
            logger.removeHandler(capture);
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

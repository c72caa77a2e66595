package io.github.commerceconnector.api.spi;

import java.util.Arrays;

/**
 * The tables of {@linkplain ItemIndex#release() released} indexes, kept in this process for the next index that
 * needs a table of the same length: reopening a state, as a service re-syncing on a schedule or a worker going
 * through merchants does, then zeroes memory it already has (about 2 ms for the 48 MiB table of a million items)
 * rather than taking fresh pages from the system, which the first write into each page makes it supply (about
 * 140 ms for the same table on a virtual machine, measured in {@code BENCHMARKS.md}).
 *
 * <p>Bounded: at most {@value #KEPT_TABLES} tables and {@value #KEPT_BYTES} bytes, the oldest let go for a newer
 * one; tables under {@value #SMALLEST_KEPT_BYTES} bytes, cheap to make fresh, are not kept. When the JVM's direct
 * memory cannot hold a new table, {@link #clear()} lets go of every kept one, so that kept tables never make an
 * allocation fail. Thread-safe: indexes of different states are made and released on any thread.
 */
final class ReleasedTables {
    /** The most tables kept. */
    static final int KEPT_TABLES = 2;

    /** The most bytes kept, all tables together: the tables of two states of 2.5 million items each. */
    static final long KEPT_BYTES = 256L << 20;

    /** The smallest table kept. */
    static final long SMALLEST_KEPT_BYTES = 1L << 20;

    /** The kept tables, oldest first, then {@code null}s. */
    private static final OffHeapLongs[] KEPT = new OffHeapLongs[KEPT_TABLES];

    private ReleasedTables() {
    }

    /**
     * A kept table of exactly {@code length} longs, all 0, taken out of the pool; or {@code null} when none is
     * kept.
     */
    static OffHeapLongs take(long length) {
        OffHeapLongs table = null;
        synchronized (KEPT) {
            for (int i = 0; i < KEPT.length && table == null; i++) {
                if (KEPT[i] != null && KEPT[i].length() == length) {
                    table = KEPT[i];
                    dropAt(i);
                }
            }
        }
        if (table != null) {
            table.zero();
        }
        return table;
    }

    /**
     * Keeps a table nothing uses any more, when it is within the bounds; the oldest kept tables are let go to
     * make room for it.
     */
    static void give(OffHeapLongs table) {
        long bytes = table.bytes();
        if (bytes < SMALLEST_KEPT_BYTES || bytes > KEPT_BYTES) {
            return;
        }
        synchronized (KEPT) {
            while (keptBytes() + bytes > KEPT_BYTES || KEPT[KEPT.length - 1] != null) {
                dropAt(0);
            }
            int free = 0;
            while (KEPT[free] != null) {
                free++;
            }
            KEPT[free] = table;
        }
    }

    /** Lets go of the table kept at {@code index}, the newer ones moving up. Under the pool's lock. */
    private static void dropAt(int index) {
        System.arraycopy(KEPT, index + 1, KEPT, index, KEPT.length - index - 1);
        KEPT[KEPT.length - 1] = null;
    }

    /** Lets go of every kept table, so that their memory goes back to the system once collected. */
    static void clear() {
        synchronized (KEPT) {
            Arrays.fill(KEPT, null);
        }
    }

    /** The bytes of the tables kept now. */
    static long keptBytes() {
        synchronized (KEPT) {
            long bytes = 0;
            for (OffHeapLongs table : KEPT) {
                bytes += table == null ? 0 : table.bytes();
            }
            return bytes;
        }
    }
}

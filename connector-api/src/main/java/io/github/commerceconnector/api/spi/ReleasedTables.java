package io.github.commerceconnector.api.spi;

import java.util.Arrays;

/**
 * The tables of {@linkplain ItemIndex#release() released} indexes, kept in this process for the next index that
 * needs a table of the same length: reopening a state, as a service re-syncing on a schedule or a worker going
 * through merchants does, then zeroes memory it already has (about 2 ms for the 48 MiB table of a million items)
 * rather than taking fresh pages from the system, which the first write into each page makes it supply (about
 * 140 ms for the same table on a virtual machine, measured in {@code BENCHMARKS.md}).
 *
 * <p>Bounded: at most {@value #KEPT_TABLES} tables and {@link #KEPT_BYTES} bytes (256 MiB unless the system property
 * {@value #KEPT_MIB_PROPERTY} says otherwise; 0 keeps none), the oldest let go for a newer one; tables under
 * {@value #SMALLEST_KEPT_BYTES} bytes, cheap to make fresh, are not kept. When the JVM's direct memory cannot hold a
 * new table, {@link #clear()} lets go of every kept one, so that kept tables never make an allocation fail.
 * Thread-safe: indexes of different states are made and released on any thread.
 */
final class ReleasedTables {
    /** The system property that bounds the kept tables, in MiB: a whole number from 0 (keep none) to 1048576. */
    static final String KEPT_MIB_PROPERTY = "io.github.commerceconnector.keptIndexMiB";

    /** The most tables kept. */
    static final int KEPT_TABLES = 2;

    /** The most bytes kept by default, all tables together: the tables of two states of 3 million items each. */
    static final long DEFAULT_KEPT_BYTES = 256L << 20;

    /** What is wrong with {@value #KEPT_MIB_PROPERTY}, or {@code null}. */
    private static final String KEPT_PROBLEM = problemOf(System.getProperty(KEPT_MIB_PROPERTY));

    /** The most bytes kept, all tables together. */
    static final long KEPT_BYTES = KEPT_PROBLEM == null ? keptBytesFrom(System.getProperty(KEPT_MIB_PROPERTY)) : 0;

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
        if (KEPT_PROBLEM != null) {
            throw new IllegalArgumentException(KEPT_PROBLEM);
        }
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

    /**
     * The bound in bytes a value of {@value #KEPT_MIB_PROPERTY} sets ({@link #DEFAULT_KEPT_BYTES} when it is not set).
     *
     * @throws IllegalArgumentException naming the property and what it takes, for any other value
     */
    static long keptBytesFrom(String mib) {
        String problem = problemOf(mib);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return mib == null ? DEFAULT_KEPT_BYTES : Long.parseLong(mib.trim()) << 20;
    }

    /** What is wrong with a value of {@value #KEPT_MIB_PROPERTY}, or {@code null} when nothing is. */
    private static String problemOf(String mib) {
        if (mib == null || (mib.trim().matches("[0-9]{1,7}") && Long.parseLong(mib.trim()) <= 1L << 20)) {
            return null;
        }
        return "System property " + KEPT_MIB_PROPERTY + " is '" + mib + "': give the MiB of closed states' index "
                + "tables to keep for reuse, a whole number from 0 (keep none) to 1048576; unset, 256";
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

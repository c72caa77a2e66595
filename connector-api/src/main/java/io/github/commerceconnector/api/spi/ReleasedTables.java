package io.github.commerceconnector.api.spi;

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * The tables of {@linkplain ItemIndex#release() released} indexes, kept for the next index that needs a table of
 * exactly the same length: reopening a state, as a service re-syncing on a schedule or a worker going through
 * merchants does, then zeroes memory the process already has (about 2 ms for the 48 MiB table of a million items)
 * rather than taking fresh pages from the system, which the first write into each page makes it supply (about
 * 140 ms for the same table on a virtual machine, measured in {@code BENCHMARKS.md}).
 *
 * <p>Bounded: at most {@link #tables} tables and {@link #bytes} bytes, the oldest let go for a newer one; tables
 * under {@link #smallest} bytes, cheap to make fresh, are not kept. {@link #PROCESS} is the pool every index uses:
 * two tables, and at most 256 MiB or a quarter of the largest heap (so about a quarter of the JVM's default
 * direct memory), whichever is less, unless the system property {@value #KEPT_MIB_PROPERTY} sets the bound in MiB
 * (0 keeps none). An index whose fresh table does not fit the JVM's direct memory {@link #clear() clears} the pool
 * and tries once more, so that kept tables do not make an index fail for memory. Thread-safe: indexes of
 * different states are made and released on any thread.
 */
final class ReleasedTables {
    /** The system property that bounds the kept tables, in MiB: a whole number from 0 (keep none) to 1048576. */
    static final String KEPT_MIB_PROPERTY = "io.github.commerceconnector.keptIndexMiB";

    /** The most bytes kept by default, whatever the heap. */
    static final long DEFAULT_MOST_BYTES = 256L << 20;

    /** The pool of this process. */
    static final ReleasedTables PROCESS = new ReleasedTables(2,
            keptBytesFrom(System.getProperty(KEPT_MIB_PROPERTY), Runtime.getRuntime().maxMemory()), 1L << 20);

    private final int tables;
    private final long bytes;
    private final long smallest;
    /** The kept tables, oldest first, then {@code null}s. */
    private final OffHeapLongs[] kept;

    /**
     * A pool.
     *
     * @param tables   the most tables kept
     * @param bytes    the most bytes kept, all tables together
     * @param smallest the fewest bytes of a table kept
     */
    ReleasedTables(int tables, long bytes, long smallest) {
        this.tables = tables;
        this.bytes = bytes;
        this.smallest = smallest;
        this.kept = new OffHeapLongs[tables];
    }

    /**
     * A kept table of exactly {@code length} longs, all 0, taken out of the pool; or {@code null} when none is
     * kept.
     */
    OffHeapLongs take(long length) {
        OffHeapLongs table = null;
        synchronized (kept) {
            for (int i = 0; i < tables && table == null; i++) {
                if (kept[i] != null && kept[i].length() == length) {
                    table = kept[i];
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
    void give(OffHeapLongs table) {
        long size = table.bytes();
        if (size < smallest || size > bytes) {
            return;
        }
        synchronized (kept) {
            while (keptBytes() + size > bytes || kept[tables - 1] != null) {
                dropAt(0);
            }
            int free = 0;
            while (kept[free] != null) {
                free++;
            }
            kept[free] = table;
        }
    }

    /** Lets go of the table kept at {@code index}, the newer ones moving up. Under the pool's lock. */
    private void dropAt(int index) {
        System.arraycopy(kept, index + 1, kept, index, tables - index - 1);
        kept[tables - 1] = null;
    }

    /**
     * Lets go of every kept table, so that their memory goes back to the system once collected.
     *
     * @return whether it held any
     */
    boolean clear() {
        synchronized (kept) {
            boolean any = kept[0] != null;
            Arrays.fill(kept, null);
            return any;
        }
    }

    /** The bytes of the tables kept now. */
    long keptBytes() {
        synchronized (kept) {
            long sum = 0;
            for (OffHeapLongs table : kept) {
                sum += table == null ? 0 : table.bytes();
            }
            return sum;
        }
    }

    /** The most bytes kept, all tables together. */
    long bytes() {
        return bytes;
    }

    /**
     * The bound in bytes a value of {@value #KEPT_MIB_PROPERTY} sets: without one, {@value #DEFAULT_MOST_BYTES} or a
     * quarter of {@code maxHeap}, whichever is less. A value that is not a whole number from 0 to 1048576 is
     * reported as a warning naming the property and what it takes, and the default is used: a typo in a setting
     * that only saves time must not stop a sync.
     */
    static long keptBytesFrom(String mib, long maxHeap) {
        long byDefault = Math.min(DEFAULT_MOST_BYTES, maxHeap / 4);
        if (mib == null) {
            return byDefault;
        }
        String digits = mib.trim();
        long value = digits.matches("[0-9]{1,7}") ? Long.parseLong(digits) : -1;
        if (value >= 0 && value <= 1L << 20) {
            return value << 20;
        }
        System.getLogger(ReleasedTables.class.getName()).log(Level.WARNING, "System property " + KEPT_MIB_PROPERTY
                + " is '" + mib + "': give the MiB of closed states' index tables to keep for reuse, a whole "
                + "number from 0 (keep none) to 1048576; using " + (byDefault >> 20) + " MiB");
        return byDefault;
    }
}

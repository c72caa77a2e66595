package io.github.commerceconnector.api.spi;

import io.github.commerceconnector.api.catalog.ItemStatus;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * A building block for {@link SyncStateStore} implementations: the in-memory index of one open feed state,
 * from identity hash to content hash, {@link ItemStatus status}, the transient <em>seen</em> mark of
 * {@link FeedSyncState} and a 48-bit <em>position</em> of the store's own (the file store keeps the offset of
 * the item's latest log record there; 0 when a store needs none).
 *
 * <p>An open-addressing table (linear probing, backward-shift deletion) over one array of longs kept outside the
 * Java heap, so that the heap a sync needs does not grow with the catalog. A slot's key, content hash and status
 * lie side by side (24 bytes a slot), so that a look-up costs one cache miss rather than one per field; at most
 * 64 bytes an item at the lowest load factor after growth. A store {@linkplain #release() releases} the index
 * when it closes the state, so that the next index of the same size in this process reuses its memory; an index
 * never released gives it back to the system once no longer reachable. Written by hand because the JDK has no
 * primitive map. Identity hash 0 is reserved.
 *
 * <p>Not thread-safe: its owner synchronizes.
 */
public final class ItemIndex {
    private static final long POSITION_MASK = (1L << 48) - 1;
    private static final int STATUS_SHIFT = 48;
    private static final long STATUS_MASK = 3L << STATUS_SHIFT;
    private static final long SEEN_BIT = 1L << 50;
    private static final ItemStatus[] STATUSES = ItemStatus.values();
    private static final int MIN_CAPACITY = 16;

    /** The longs of a slot: its key, its content hash, its status and position (the meta). */
    private static final int STRIDE = 3;

    private OffHeapLongs table;
    private int capacity;
    private int size;
    private final long[] counts = new long[STATUSES.length];
    /** A sum of the slots {@link #touch} read ahead, kept so that the compiler keeps the reads. */
    private long lastTouched;

    /**
     * An empty index sized for about {@code expected} items without growing.
     *
     * @throws IllegalStateException if {@code expected} is beyond the 800 million items an index holds
     */
    public ItemIndex(int expected) {
        useTable(capacityFor(expected));
    }

    private static int capacityFor(int expected) {
        long needed = Math.max(MIN_CAPACITY, (long) Math.ceil(expected / 0.75));
        long capacity = Long.highestOneBit(needed - 1) << 1;
        if (capacity > 1 << 30) {
            throw new IllegalStateException("Sync state of more than 800 million items per feed is not supported");
        }
        return (int) capacity;
    }

    /**
     * Makes room for about {@code expected} items without growing, while the table is still empty.
     *
     * @throws OutOfMemoryError if the JVM's direct memory cannot hold the table ({@code -XX:MaxDirectMemorySize});
     *     the index is then as it was
     */
    public void reserve(int expected) {
        requireTable();
        int slots = capacityFor(expected);
        if (size == 0 && slots > capacity) {
            useTable(slots);
        }
    }

    /**
     * Replaces the table with one of {@code slots} empty slots, allocated before anything changes: when direct
     * memory cannot hold it, the index is left as it was.
     */
    private void useTable(int slots) {
        OffHeapLongs empty = newTable(slots);
        table = empty;
        capacity = slots;
    }

    /**
     * A table of {@code slots} empty slots outside the heap.
     *
     * @throws OutOfMemoryError naming the table and the JVM option to raise, when direct memory cannot hold it
     */
    private OffHeapLongs newTable(int slots) {
        long length = (long) slots * STRIDE;
        OffHeapLongs kept = ReleasedTables.PROCESS.take(length);
        if (kept != null) {
            return kept;
        }
        try {
            return allocate(length);
        } catch (OutOfMemoryError e) {
            OutOfMemoryError named = new OutOfMemoryError("The sync state's index cannot take " + slots + " slots ("
                    + (length * Long.BYTES >> 20) + " MiB outside the Java heap, for " + size
                    + " items held): the JVM's direct memory is used up. Raise -XX:MaxDirectMemorySize (by "
                    + "default as large as -Xmx); the index is unchanged. " + e.getMessage());
            named.initCause(e);
            throw named;
        }
    }

    /**
     * A fresh table of {@code length} longs; when direct memory cannot hold it while released tables are kept,
     * tried once more after letting them go.
     *
     * @throws OutOfMemoryError the last allocation's, the first one's suppressed in it when there were two
     */
    private static OffHeapLongs allocate(long length) {
        try {
            return new OffHeapLongs(length);
        } catch (OutOfMemoryError full) {
            if (!ReleasedTables.PROCESS.clear()) {
                throw full;
            }
            try {
                return new OffHeapLongs(length);
            } catch (OutOfMemoryError again) {
                again.addSuppressed(full);
                throw again;
            }
        }
    }

    private long keyAt(int slot) {
        return table.get((long) slot * STRIDE);
    }

    private long contentAt(int slot) {
        return table.get((long) slot * STRIDE + 1);
    }

    private long metaAt(int slot) {
        return table.get((long) slot * STRIDE + 2);
    }

    private void setSlot(int slot, long key, long content, long meta) {
        long base = (long) slot * STRIDE;
        table.set(base, key);
        table.set(base + 1, content);
        table.set(base + 2, meta);
    }

    private void setMeta(int slot, long meta) {
        table.set((long) slot * STRIDE + 2, meta);
    }

    private static int slotOf(long key, int mask) {
        long mixed = key ^ (key >>> 29) ^ (key >>> 47);
        return (int) mixed & mask;
    }

    private int indexOf(long key) {
        requireTable();
        int mask = capacity - 1;
        for (int slot = slotOf(key, mask);; slot = (slot + 1) & mask) {
            long existing = keyAt(slot);
            if (existing == key) {
                return slot;
            }
            if (existing == 0) {
                return -1;
            }
        }
    }

    /** Whether an item is held. */
    public boolean contains(long key) {
        return indexOf(checkKey(key)) >= 0;
    }

    /**
     * The content hash held for a key.
     *
     * @throws IllegalArgumentException if no item is held under the key
     */
    public long content(long key) {
        int slot = indexOf(checkKey(key));
        if (slot < 0) {
            throw new IllegalArgumentException("No item is held under identity hash " + Long.toHexString(key));
        }
        return contentAt(slot);
    }

    /** What is held under a key (its content hash and status, from one look-up), or {@code null}. */
    public StoredItem find(long key) {
        int slot = indexOf(checkKey(key));
        return slot < 0 ? null : new StoredItem(key, contentAt(slot), statusOf(metaAt(slot)));
    }

    /**
     * What is held under each of the first {@code count} keys, as {@link #find} gives it, into {@code into}.
     * The table's slots for all the keys are read first, one after the other, so that their cache misses overlap
     * rather than each waiting for main memory in turn; the finds then hit the cache.
     *
     * @throws IndexOutOfBoundsException if {@code count} is negative or beyond either array
     * @throws IllegalArgumentException  if a key is 0
     */
    public void findAll(long[] keys, int count, StoredItem[] into) {
        checkCount(count, keys.length, into.length);
        touch(keys, count);
        for (int i = 0; i < count; i++) {
            into[i] = find(keys[i]);
        }
    }

    /** The status of a held key, or {@code null}. */
    public ItemStatus status(long key) {
        int slot = indexOf(checkKey(key));
        return slot < 0 ? null : statusOf(metaAt(slot));
    }

    /** The position held for a key, or -1 when no item is held under it. */
    public long position(long key) {
        int slot = indexOf(checkKey(key));
        return slot < 0 ? -1 : metaAt(slot) & POSITION_MASK;
    }

    private static ItemStatus statusOf(long meta) {
        return STATUSES[(int) ((meta & STATUS_MASK) >>> STATUS_SHIFT)];
    }

    /**
     * Inserts or updates an item.
     *
     * @param key      the identity hash, not 0
     * @param content  the content hash
     * @param status   the item's status
     * @param position the store's own position for the item, 0 to 2^48 - 1
     * @param seen     whether to set the seen mark (an existing mark is kept either way)
     * @throws OutOfMemoryError if the table must grow and the JVM's direct memory cannot hold it
     *     ({@code -XX:MaxDirectMemorySize}); the index is then as it was, without this item
     */
    public void put(long key, long content, ItemStatus status, long position, boolean seen) {
        checkKey(key);
        int slot = indexOf(key);
        long meta = checkPosition(position) | ((long) status.ordinal() << STATUS_SHIFT);
        if (slot >= 0) {
            counts[statusOf(metaAt(slot)).ordinal()]--;
            meta |= (metaAt(slot) & SEEN_BIT);
        } else {
            if (size + 1 > capacity * 3L / 4) {
                grow();
            }
            slot = freeSlot(key);
            size++;
        }
        setSlot(slot, key, content, seen ? meta | SEEN_BIT : meta);
        counts[status.ordinal()]++;
    }

    /**
     * Makes room for {@code more} new keys, growing the table now if they would make it grow, so that as many
     * {@link #put puts} of new keys that follow cannot fail for memory. A store calls it before it writes records
     * it then applies to the index, so that running out of memory stops it before anything is written.
     *
     * @throws OutOfMemoryError if the JVM's direct memory cannot hold the grown table
     *     ({@code -XX:MaxDirectMemorySize}); the index is then as it was
     */
    public void makeRoom(int more) {
        requireTable();
        while (size + (long) more > capacity * 3L / 4) {
            grow();
        }
    }

    private int freeSlot(long key) {
        int mask = capacity - 1;
        int slot = slotOf(key, mask);
        while (keyAt(slot) != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * Doubles the table. The new table is allocated before anything changes, so that when the JVM's direct memory
     * cannot hold it the {@link OutOfMemoryError} leaves the index whole and usable, as it was.
     */
    private void grow() {
        if (capacity >= 1 << 30) {
            throw new IllegalStateException("Sync state of more than 800 million items per feed is not supported");
        }
        OffHeapLongs old = table;
        int oldCapacity = capacity;
        useTable(oldCapacity * 2);
        for (long base = 0; base < (long) oldCapacity * STRIDE; base += STRIDE) {
            long key = old.get(base);
            if (key != 0) {
                setSlot(freeSlot(key), key, old.get(base + 1), old.get(base + 2));
            }
        }
    }

    /** Removes an item; returns whether it was held. */
    public boolean remove(long key) {
        int slot = indexOf(checkKey(key));
        if (slot < 0) {
            return false;
        }
        counts[statusOf(metaAt(slot)).ordinal()]--;
        size--;
        int mask = capacity - 1;
        int hole = slot;
        for (int next = (hole + 1) & mask; keyAt(next) != 0; next = (next + 1) & mask) {
            int home = slotOf(keyAt(next), mask);
            boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable) {
                setSlot(hole, keyAt(next), contentAt(next), metaAt(next));
                hole = next;
            }
        }
        setSlot(hole, 0, 0, 0);
        return true;
    }

    /**
     * Sets the seen mark of a held key.
     *
     * @return {@code false} if it was already set; {@code true} if it was set now or no item is held
     */
    public boolean markSeen(long key) {
        int slot = indexOf(checkKey(key));
        if (slot < 0) {
            return true;
        }
        if ((metaAt(slot) & SEEN_BIT) != 0) {
            return false;
        }
        setMeta(slot, metaAt(slot) | SEEN_BIT);
        return true;
    }

    /**
     * Sets the seen marks of the first {@code count} keys in order, as {@link #markSeen} sets each, putting what
     * it would return into {@code firsts}; the slots are read first, one after the other, so that their cache
     * misses overlap.
     *
     * @throws IndexOutOfBoundsException if {@code count} is negative or beyond either array
     * @throws IllegalArgumentException  if a key is 0 (the keys before it are marked)
     */
    public void markAllSeen(long[] keys, int count, boolean[] firsts) {
        checkCount(count, keys.length, firsts.length);
        touch(keys, count);
        for (int i = 0; i < count; i++) {
            firsts[i] = markSeen(keys[i]);
        }
    }

    /**
     * Reads the slots where the first {@code count} keys are or would go, changing nothing, so that the look-ups or
     * {@link #put puts} of those keys that follow hit the cache: their misses overlap here, rather than each
     * waiting for main memory in turn (on a table of a million items each is a cache and a TLB miss). A store calls
     * it before applying a batch of records.
     *
     * @throws IndexOutOfBoundsException if {@code count} is negative or beyond the array
     */
    public void prefetch(long[] keys, int count) {
        checkCount(count, keys.length, keys.length);
        touch(keys, count);
    }

    /** Refuses a count that is negative or beyond either of two arrays' lengths. */
    private static void checkCount(int count, int keys, int answers) {
        Objects.checkFromIndexSize(0, count, keys);
        Objects.checkFromIndexSize(0, count, answers);
    }

    /** Reads the home slots of the first {@code count} keys, so that the look-ups after it hit the cache. */
    private void touch(long[] keys, int count) {
        requireTable();
        int mask = capacity - 1;
        long touched = 0;
        for (int i = 0; i < count; i++) {
            touched += keyAt(slotOf(keys[i], mask));
        }
        lastTouched = touched;
    }

    /** The keys held without the seen mark. */
    public long[] unseen() {
        requireTable();
        long[] result = new long[Math.min(size, 1024)];
        int count = 0;
        for (int slot = 0; slot < capacity; slot++) {
            if (keyAt(slot) != 0 && (metaAt(slot) & SEEN_BIT) == 0) {
                if (count == result.length) {
                    result = Arrays.copyOf(result, result.length * 2);
                }
                result[count++] = keyAt(slot);
            }
        }
        return Arrays.copyOf(result, count);
    }

    /** Visits the held keys with a status, in slot order, while the predicate returns true. */
    public void forEach(ItemStatus status, LongPredicate visitor) {
        requireTable();
        long wanted = (long) status.ordinal() << STATUS_SHIFT;
        for (int slot = 0; slot < capacity; slot++) {
            long key = keyAt(slot);
            if (key != 0 && (metaAt(slot) & STATUS_MASK) == wanted && !visitor.test(key)) {
                return;
            }
        }
    }

    /**
     * Visits the held items with a status, in slot order, while the visitor returns true, handing over each one's
     * content hash and position with its key (no second look-up per item, as {@link #content} and {@link
     * #position} would need).
     */
    public void forEachEntry(ItemStatus status, EntryVisitor visitor) {
        requireTable();
        long wanted = (long) status.ordinal() << STATUS_SHIFT;
        for (int slot = 0; slot < capacity; slot++) {
            long key = keyAt(slot);
            if (key != 0) {
                long meta = metaAt(slot);
                if ((meta & STATUS_MASK) == wanted && !visitor.visit(key, contentAt(slot), meta & POSITION_MASK)) {
                    return;
                }
            }
        }
    }

    /** What {@link #forEachEntry} hands over for each item. */
    @FunctionalInterface
    public interface EntryVisitor {
        /**
         * Visits one item.
         *
         * @param key      its identity hash
         * @param content  its content hash
         * @param position the store's position for it
         * @return whether to go on
         */
        boolean visit(long key, long content, long position);
    }

    /**
     * Replaces the position of a held key (the file store's compaction moves records).
     *
     * @throws IllegalArgumentException if no item is held under the key, or the position is out of range
     */
    public void moveTo(long key, long position) {
        int slot = indexOf(checkKey(key));
        if (slot < 0) {
            throw new IllegalArgumentException("No item is held under identity hash " + Long.toHexString(key));
        }
        setMeta(slot, (metaAt(slot) & ~POSITION_MASK) | checkPosition(position));
    }

    /** How many items are held. */
    public int size() {
        return size;
    }

    /** How many items have a status. */
    public long count(ItemStatus status) {
        return counts[status.ordinal()];
    }

    /** The bytes of the table (outside the heap). */
    public long memoryBytes() {
        return table == null ? 0 : table.bytes();
    }

    /** Forgets everything. */
    public void clear() {
        requireTable();
        OffHeapLongs old = table;
        useTable(MIN_CAPACITY);
        size = 0;
        Arrays.fill(counts, 0);
        ReleasedTables.PROCESS.give(old);
    }

    /**
     * Lets go of the table, for the next index of exactly the same number of slots made in this process to reuse
     * (see below); a store calls it when it closes the state the index belongs to, after every other use of the
     * index and under the lock that guards it: the memory may belong to another state's index the moment this
     * returns. The index holds nothing afterwards: {@link #size()}, {@link #count} and {@link #memoryBytes()} are 0,
     * and every other method throws {@link IllegalStateException}. Releasing again does nothing.
     *
     * <p>Reopening a state, as a service re-syncing on a schedule or a worker going through merchants of similar
     * sizes does, then reuses memory the process already has rather than taking fresh pages from the system: for a
     * million items, about 2 ms rather than 140 ms on a virtual machine. At most two released tables of 1 MiB or
     * more are kept, together at most 256 MiB or a quarter of the largest heap, whichever is less (the oldest let
     * go first); the system property {@code io.github.commerceconnector.keptIndexMiB} sets that bound in MiB
     * instead (0 keeps none; read when the first index is made; a malformed value is logged as a warning and the
     * default used). The kept memory stays with the process until an index reuses it, or a new index cannot get
     * direct memory: then every kept table is let go and the allocation tried once more. Memory other code
     * allocates outside the heap does not let them go. An index that is never released gives its memory back to
     * the system once it is no longer reachable, as before.
     */
    public void release() {
        if (table == null) {
            return;
        }
        OffHeapLongs released = table;
        table = null;
        capacity = 0;
        size = 0;
        Arrays.fill(counts, 0);
        ReleasedTables.PROCESS.give(released);
    }

    /**
     * Refuses to use a released table.
     *
     * @throws IllegalStateException once {@link #release()} was called
     */
    private void requireTable() {
        if (table == null) {
            throw new IllegalStateException("This item index was released (its state was closed): it can no longer "
                    + "be used; open the state again for a new one");
        }
    }

    private static long checkPosition(long position) {
        if (position < 0 || position > POSITION_MASK) {
            throw new IllegalArgumentException("Position out of range (0 to 2^48 - 1): " + position);
        }
        return position;
    }

    private static long checkKey(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("Identity hash 0 is reserved: hash identities to a non-zero value");
        }
        return key;
    }
}

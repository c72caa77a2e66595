package io.github.commerceconnector.core.internal.catalog.state;

import io.github.commerceconnector.api.catalog.ItemStatus;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * The in-memory index of a feed's sync state: identity hash to content hash, status, a transient seen
 * mark and the offset of the item's latest record in the log. An open-addressing table (linear probing,
 * backward-shift deletion) over three arrays of longs kept outside the Java heap ({@link OffHeapLongs}), so that
 * the heap a sync needs does not grow with the catalog: 24 bytes a slot, at most 64 bytes an item at the lowest
 * load factor after growth. Written by hand because the JDK has no primitive map. Not thread-safe: its owner
 * synchronizes.
 */
final class ItemTable {
    private static final long OFFSET_MASK = (1L << 48) - 1;
    private static final int STATUS_SHIFT = 48;
    private static final long STATUS_MASK = 3L << STATUS_SHIFT;
    private static final long SEEN_BIT = 1L << 50;
    private static final ItemStatus[] STATUSES = ItemStatus.values();
    private static final int MIN_CAPACITY = 16;

    private OffHeapLongs keys;
    private OffHeapLongs contents;
    private OffHeapLongs metas;
    private int capacity;
    private int size;
    private final long[] counts = new long[STATUSES.length];

    /** A table sized for about {@code expected} items without growing. */
    ItemTable(int expected) {
        allocate(capacityFor(expected));
    }

    private static int capacityFor(int expected) {
        long needed = Math.max(MIN_CAPACITY, (long) Math.ceil(expected / 0.75));
        long capacity = Long.highestOneBit(needed - 1) << 1;
        if (capacity > 1 << 30) {
            throw new IllegalStateException("Sync state of more than 800 million items per feed is not supported");
        }
        return (int) capacity;
    }

    /** Makes room for about {@code expected} items without growing, while the table is still empty. */
    void reserve(int expected) {
        int slots = capacityFor(expected);
        if (size == 0 && slots > capacity) {
            allocate(slots);
        }
    }

    private void allocate(int slots) {
        capacity = slots;
        keys = new OffHeapLongs(slots);
        contents = new OffHeapLongs(slots);
        metas = new OffHeapLongs(slots);
    }

    private static int slotOf(long key, int mask) {
        long mixed = key ^ (key >>> 29) ^ (key >>> 47);
        return (int) mixed & mask;
    }

    private int indexOf(long key) {
        int mask = capacity - 1;
        for (int slot = slotOf(key, mask);; slot = (slot + 1) & mask) {
            long existing = keys.get(slot);
            if (existing == key) {
                return slot;
            }
            if (existing == 0) {
                return -1;
            }
        }
    }

    /** Whether an item is held. */
    boolean contains(long key) {
        return indexOf(checkKey(key)) >= 0;
    }

    /** The content hash held for a key; only valid when {@link #contains}. */
    long content(long key) {
        return contents.get(indexOf(checkKey(key)));
    }

    /** The status of a held key, or {@code null}. */
    ItemStatus status(long key) {
        int slot = indexOf(checkKey(key));
        return slot < 0 ? null : statusOf(metas.get(slot));
    }

    /** The log offset of a held key's latest record, or -1. */
    long offset(long key) {
        int slot = indexOf(checkKey(key));
        return slot < 0 ? -1 : metas.get(slot) & OFFSET_MASK;
    }

    private static ItemStatus statusOf(long meta) {
        return STATUSES[(int) ((meta & STATUS_MASK) >>> STATUS_SHIFT)];
    }

    /**
     * Inserts or updates an item.
     *
     * @param seen whether to set the seen mark (an existing mark is kept either way)
     */
    void put(long key, long content, ItemStatus status, long offset, boolean seen) {
        checkKey(key);
        if (offset < 0 || offset > OFFSET_MASK) {
            throw new IllegalArgumentException("Log offset out of range: " + offset);
        }
        int slot = indexOf(key);
        long meta = offset | ((long) status.ordinal() << STATUS_SHIFT);
        if (slot >= 0) {
            counts[statusOf(metas.get(slot)).ordinal()]--;
            meta |= (metas.get(slot) & SEEN_BIT);
        } else {
            if (size + 1 > capacity * 3L / 4) {
                grow();
            }
            slot = freeSlot(key);
            keys.set(slot, key);
            size++;
        }
        contents.set(slot, content);
        metas.set(slot, seen ? meta | SEEN_BIT : meta);
        counts[status.ordinal()]++;
    }

    private int freeSlot(long key) {
        int mask = capacity - 1;
        int slot = slotOf(key, mask);
        while (keys.get(slot) != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        OffHeapLongs oldKeys = keys;
        OffHeapLongs oldContents = contents;
        OffHeapLongs oldMetas = metas;
        int oldCapacity = capacity;
        allocate(oldCapacity * 2);
        for (int i = 0; i < oldCapacity; i++) {
            if (oldKeys.get(i) != 0) {
                int slot = freeSlot(oldKeys.get(i));
                keys.set(slot, oldKeys.get(i));
                contents.set(slot, oldContents.get(i));
                metas.set(slot, oldMetas.get(i));
            }
        }
    }

    /** Removes an item; returns whether it was held. */
    boolean remove(long key) {
        int slot = indexOf(checkKey(key));
        if (slot < 0) {
            return false;
        }
        counts[statusOf(metas.get(slot)).ordinal()]--;
        size--;
        int mask = capacity - 1;
        int hole = slot;
        for (int next = (hole + 1) & mask; keys.get(next) != 0; next = (next + 1) & mask) {
            int home = slotOf(keys.get(next), mask);
            boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable) {
                keys.set(hole, keys.get(next));
                contents.set(hole, contents.get(next));
                metas.set(hole, metas.get(next));
                hole = next;
            }
        }
        keys.set(hole, 0);
        contents.set(hole, 0);
        metas.set(hole, 0);
        return true;
    }

    /**
     * Sets the seen mark of a held key.
     *
     * @return {@code false} if it was already set; {@code true} if it was set now or no item is held
     */
    boolean markSeen(long key) {
        int slot = indexOf(checkKey(key));
        if (slot < 0) {
            return true;
        }
        if ((metas.get(slot) & SEEN_BIT) != 0) {
            return false;
        }
        metas.set(slot, metas.get(slot) | SEEN_BIT);
        return true;
    }

    /** The keys held without the seen mark. */
    long[] unseen() {
        long[] result = new long[Math.min(size, 1024)];
        int count = 0;
        for (int slot = 0; slot < capacity; slot++) {
            if (keys.get(slot) != 0 && (metas.get(slot) & SEEN_BIT) == 0) {
                if (count == result.length) {
                    result = Arrays.copyOf(result, result.length * 2);
                }
                result[count++] = keys.get(slot);
            }
        }
        return Arrays.copyOf(result, count);
    }

    /** Visits the held keys with a status, in slot order, while the predicate returns true. */
    void forEach(ItemStatus status, LongPredicate visitor) {
        long wanted = (long) status.ordinal() << STATUS_SHIFT;
        for (int slot = 0; slot < capacity; slot++) {
            long key = keys.get(slot);
            if (key != 0 && (metas.get(slot) & STATUS_MASK) == wanted && !visitor.test(key)) {
                return;
            }
        }
    }

    /** Calls the visitor with every held key, its content, status ordinal and offset, in slot order. */
    void forEachEntry(EntryVisitor visitor) {
        for (int slot = 0; slot < capacity; slot++) {
            if (keys.get(slot) != 0) {
                long meta = metas.get(slot);
                visitor.visit(keys.get(slot), contents.get(slot), statusOf(meta), meta & OFFSET_MASK);
            }
        }
    }

    /** Replaces the log offset of a held key (after compaction). */
    void moveTo(long key, long offset) {
        int slot = indexOf(checkKey(key));
        metas.set(slot, (metas.get(slot) & ~OFFSET_MASK) | offset);
    }

    /** How many items are held. */
    int size() {
        return size;
    }

    /** How many items have a status. */
    long count(ItemStatus status) {
        return counts[status.ordinal()];
    }

    /** The bytes of the three arrays (outside the heap). */
    long memoryBytes() {
        return keys.bytes() + contents.bytes() + metas.bytes();
    }

    /** Forgets everything. */
    void clear() {
        allocate(MIN_CAPACITY);
        size = 0;
        Arrays.fill(counts, 0);
    }

    private static long checkKey(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("Identity hash 0 is reserved: hash identities to a non-zero value");
        }
        return key;
    }

    /** Receives the entries of the table. */
    @FunctionalInterface
    interface EntryVisitor {
        /** One held item. */
        void visit(long key, long content, ItemStatus status, long offset);
    }
}

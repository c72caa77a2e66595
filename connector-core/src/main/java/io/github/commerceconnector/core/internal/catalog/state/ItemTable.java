package io.github.commerceconnector.core.internal.catalog.state;

import io.github.commerceconnector.api.catalog.ItemStatus;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * The in-memory index of a feed's sync state: identity hash to content hash, status, a transient seen
 * mark and the offset of the item's latest record in the log. An open-addressing table (linear probing,
 * backward-shift deletion) over three primitive {@code long} arrays: 24 bytes a slot, at most 64 bytes an
 * item at the lowest load factor after growth. Written by hand because the JDK has no primitive map. Not
 * thread-safe: its owner synchronizes.
 */
final class ItemTable {
    private static final long OFFSET_MASK = (1L << 48) - 1;
    private static final int STATUS_SHIFT = 48;
    private static final long STATUS_MASK = 3L << STATUS_SHIFT;
    private static final long SEEN_BIT = 1L << 50;
    private static final ItemStatus[] STATUSES = ItemStatus.values();
    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private long[] contents;
    private long[] metas;
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

    private void allocate(int capacity) {
        keys = new long[capacity];
        contents = new long[capacity];
        metas = new long[capacity];
    }

    private static int slotOf(long key, int mask) {
        long mixed = key ^ (key >>> 29) ^ (key >>> 47);
        return (int) mixed & mask;
    }

    private int indexOf(long key) {
        int mask = keys.length - 1;
        for (int slot = slotOf(key, mask);; slot = (slot + 1) & mask) {
            long existing = keys[slot];
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
        return contents[indexOf(checkKey(key))];
    }

    /** The status of a held key, or {@code null}. */
    ItemStatus status(long key) {
        int slot = indexOf(checkKey(key));
        return slot < 0 ? null : statusOf(metas[slot]);
    }

    /** The log offset of a held key's latest record, or -1. */
    long offset(long key) {
        int slot = indexOf(checkKey(key));
        return slot < 0 ? -1 : metas[slot] & OFFSET_MASK;
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
            counts[statusOf(metas[slot]).ordinal()]--;
            meta |= (metas[slot] & SEEN_BIT);
        } else {
            if (size + 1 > keys.length * 3L / 4) {
                grow();
            }
            slot = freeSlot(key);
            keys[slot] = key;
            size++;
        }
        contents[slot] = content;
        metas[slot] = seen ? meta | SEEN_BIT : meta;
        counts[status.ordinal()]++;
    }

    private int freeSlot(long key) {
        int mask = keys.length - 1;
        int slot = slotOf(key, mask);
        while (keys[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldContents = contents;
        long[] oldMetas = metas;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = freeSlot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                contents[slot] = oldContents[i];
                metas[slot] = oldMetas[i];
            }
        }
    }

    /** Removes an item; returns whether it was held. */
    boolean remove(long key) {
        int slot = indexOf(checkKey(key));
        if (slot < 0) {
            return false;
        }
        counts[statusOf(metas[slot]).ordinal()]--;
        size--;
        int mask = keys.length - 1;
        int hole = slot;
        for (int next = (hole + 1) & mask; keys[next] != 0; next = (next + 1) & mask) {
            int home = slotOf(keys[next], mask);
            boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable) {
                keys[hole] = keys[next];
                contents[hole] = contents[next];
                metas[hole] = metas[next];
                hole = next;
            }
        }
        keys[hole] = 0;
        contents[hole] = 0;
        metas[hole] = 0;
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
        if ((metas[slot] & SEEN_BIT) != 0) {
            return false;
        }
        metas[slot] |= SEEN_BIT;
        return true;
    }

    /** The keys held without the seen mark. */
    long[] unseen() {
        long[] result = new long[Math.min(size, 1024)];
        int count = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != 0 && (metas[slot] & SEEN_BIT) == 0) {
                if (count == result.length) {
                    result = Arrays.copyOf(result, result.length * 2);
                }
                result[count++] = keys[slot];
            }
        }
        return Arrays.copyOf(result, count);
    }

    /** Visits the held keys with a status, in slot order, while the predicate returns true. */
    void forEach(ItemStatus status, LongPredicate visitor) {
        long wanted = (long) status.ordinal() << STATUS_SHIFT;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != 0 && (metas[slot] & STATUS_MASK) == wanted && !visitor.test(keys[slot])) {
                return;
            }
        }
    }

    /** Calls the visitor with every held key, its content, status ordinal and offset, in slot order. */
    void forEachEntry(EntryVisitor visitor) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != 0) {
                visitor.visit(keys[slot], contents[slot], statusOf(metas[slot]), metas[slot] & OFFSET_MASK);
            }
        }
    }

    /** Replaces the log offset of a held key (after compaction). */
    void moveTo(long key, long offset) {
        int slot = indexOf(checkKey(key));
        metas[slot] = (metas[slot] & ~OFFSET_MASK) | offset;
    }

    /** How many items are held. */
    int size() {
        return size;
    }

    /** How many items have a status. */
    long count(ItemStatus status) {
        return counts[status.ordinal()];
    }

    /** The heap bytes of the three arrays. */
    long memoryBytes() {
        return 3L * Long.BYTES * keys.length;
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

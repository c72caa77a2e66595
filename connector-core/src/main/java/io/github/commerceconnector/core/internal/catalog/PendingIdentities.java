package io.github.commerceconnector.core.internal.catalog;

/**
 * The identity hashes a sync has queued for the gateway whose outcome is not recorded yet: added on the reading
 * thread for each item queued, removed by the sending threads once its outcome is recorded, counted by the
 * client's in-flight gauge. A set of primitive longs (open addressing, linear probing, 0 never an identity), so
 * that queueing an item allocates nothing; every method holds the set's monitor, held for a few probes at most.
 * Thread-safe.
 */
final class PendingIdentities {
    private static final int INITIAL_CAPACITY = 1024;

    private long[] slots = new long[INITIAL_CAPACITY];
    private int size;

    /**
     * Adds an identity.
     *
     * @return {@code false} if it was already pending
     * @throws IllegalArgumentException for 0, which is no identity
     */
    synchronized boolean add(long identity) {
        if (identity == 0) {
            throw new IllegalArgumentException("0 is not an identity hash");
        }
        int mask = slots.length - 1;
        int slot = slotOf(identity, mask);
        while (slots[slot] != 0) {
            if (slots[slot] == identity) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = identity;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    /** Removes an identity, if pending (0, never pending, changes nothing). */
    synchronized void remove(long identity) {
        if (identity == 0) {
            return;
        }
        int mask = slots.length - 1;
        int slot = slotOf(identity, mask);
        while (slots[slot] != identity) {
            if (slots[slot] == 0) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        size--;
        int hole = slot;
        for (int next = (hole + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
            int home = slotOf(slots[next], mask);
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                slots[hole] = slots[next];
                hole = next;
            }
        }
        slots[hole] = 0;
    }

    /** Whether an identity is pending. */
    synchronized boolean contains(long identity) {
        int mask = slots.length - 1;
        for (int slot = slotOf(identity, mask); slots[slot] != 0; slot = (slot + 1) & mask) {
            if (slots[slot] == identity) {
                return true;
            }
        }
        return false;
    }

    /** How many identities are pending. */
    synchronized int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long identity : old) {
            if (identity != 0) {
                int slot = slotOf(identity, mask);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = identity;
            }
        }
    }

    private static int slotOf(long identity, int mask) {
        long mixed = identity * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }
}

package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.spi.FeedSyncState;
import java.util.Arrays;
import java.util.List;

/**
 * The seen marks of a chunk's unchanged items, set at once just before the chunk is settled
 * ({@link FeedSyncState#markAllSeen}) rather than one look-up of the state at a time, each waiting for main
 * memory on a large state. Marking them ahead gives each the answer marking it in its turn would: nothing
 * between the start of the chunk and an unchanged item's turn marks its identity, unless the identity came
 * earlier in the same chunk, so a chunk in which an identity comes twice is marked item by item as before
 * (the recording of a batch only marks items settled before the chunk; an unchanged item's identity was held,
 * hence marked, when an earlier occurrence settled). One answer may differ, for the better: an identity whose
 * earlier occurrence was an accepted delete that the state forgets at once ({@code deletedRetention} of zero),
 * forgotten between the start of the chunk and the item's turn, is answered as seen, so the later occurrence is
 * rejected as a duplicate, as the call's rule wants, where marking it in its turn would find it gone. For the
 * settling thread only; not thread-safe.
 */
final class ChunkSeenMarks {
    private static final int INITIAL_ITEMS = 64;

    private long[] identities = new long[INITIAL_ITEMS];
    private long[] others = new long[INITIAL_ITEMS];
    private long[] chunkIdentities = new long[INITIAL_ITEMS];
    private long[] set = new long[INITIAL_ITEMS * 4];
    private boolean[] firsts = new boolean[INITIAL_ITEMS];
    /** Per item of the chunk: its index among the marked, or -1 when it was not marked ahead. */
    private int[] marked = new int[INITIAL_ITEMS];

    /**
     * Marks the unchanged items of a chunk as seen at once, unless an identity comes twice in the chunk; with
     * {@code othersMarked}, hints the state that the chunk's other identified items are about to be marked one by
     * one ({@link FeedSyncState#prefetch}). What it marked holds until the next chunk.
     *
     * @param chunk        the chunk's items, as prepared
     * @param state        the state to mark them in
     * @param othersMarked whether the chunk's items that are not unchanged are marked in their turn
     */
    void markUnchanged(List<ItemPreparer.Prepared> chunk, FeedSyncState state, boolean othersMarked) {
        int size = chunk.size();
        if (marked.length < size) {
            int room = Math.max(size, marked.length * 2);
            identities = new long[room];
            others = new long[room];
            chunkIdentities = new long[room];
            firsts = new boolean[room];
            marked = new int[room];
        }
        int count = 0;
        int otherCount = 0;
        int identified = 0;
        for (int i = 0; i < size; i++) {
            ItemPreparer.Prepared item = chunk.get(i);
            marked[i] = -1;
            if (item.outcome() == ItemPreparer.Outcome.UNIDENTIFIED) {
                continue;
            }
            chunkIdentities[identified++] = item.identity();
            if (item.outcome() == ItemPreparer.Outcome.UNCHANGED) {
                marked[i] = count;
                identities[count++] = item.identity();
            } else {
                others[otherCount++] = item.identity();
            }
        }
        if (othersMarked && otherCount > 0) {
            state.prefetch(others, otherCount);
        }
        if (count > 0 && repeats(identified)) {
            Arrays.fill(marked, 0, size, -1);
        } else if (count > 0) {
            state.markAllSeen(identities, count, firsts);
        }
    }

    /**
     * Whether an identity comes twice among the first {@code identified} of {@link #chunkIdentities}: each put in a
     * small open-addressing set of twice as many slots or more (identity hashes are never 0, the empty slot). Not a
     * sort: a sort of the JDK's would be compiled, at some tens of milliseconds, by the first re-sync of a process.
     */
    private boolean repeats(int identified) {
        int slots = Integer.highestOneBit(Math.max(identified, 1)) << 2;
        if (set.length < slots) {
            set = new long[slots];
        } else {
            Arrays.fill(set, 0, slots, 0);
        }
        int mask = slots - 1;
        for (int i = 0; i < identified; i++) {
            long identity = chunkIdentities[i];
            int slot = (int) (identity ^ (identity >>> 32)) & mask;
            while (set[slot] != 0) {
                if (set[slot] == identity) {
                    return true;
                }
                slot = (slot + 1) & mask;
            }
            set[slot] = identity;
        }
        return false;
    }

    /** Whether the chunk's item at {@code index} was marked ahead. */
    boolean marked(int index) {
        return index >= 0 && index < marked.length && marked[index] >= 0;
    }

    /** For an item marked ahead: whether its mark was new (what {@link FeedSyncState#markSeen} returned). */
    boolean first(int index) {
        return firsts[marked[index]];
    }
}

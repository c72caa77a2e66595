package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import java.util.Arrays;

/**
 * The keys of a resync of some items, as a sorted array of identity hashes (8 bytes a key): which items of the
 * caller's input to send. Immutable, so thread-safe.
 */
final class KeySelection implements ItemPreparer.Skip {
    private final long[] hashes;

    private KeySelection(long[] hashes) {
        this.hashes = hashes;
    }

    /**
     * Reads the keys, chunk by chunk.
     *
     * @throws IllegalArgumentException naming the first bad key
     */
    static KeySelection read(Feed feed, Iterable<ItemKey> keys) {
        long[][] all = {new long[KeyChunks.CHUNK]};
        int[] size = {0};
        KeyChunks.read(feed, keys, (chunk, count) -> {
            if (size[0] + count > all[0].length) {
                all[0] = Arrays.copyOf(all[0], Math.max(all[0].length * 2, size[0] + count));
            }
            System.arraycopy(chunk, 0, all[0], size[0], count);
            size[0] += count;
        });
        long[] sorted = Arrays.copyOf(all[0], size[0]);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return new KeySelection(Arrays.copyOf(sorted, distinct));
    }

    /** How many distinct keys were given. */
    int size() {
        return hashes.length;
    }

    /** Leaves out the items whose key was not given. */
    @Override
    public boolean skip(long position, long identity, long content) {
        return Arrays.binarySearch(hashes, identity) < 0;
    }
}

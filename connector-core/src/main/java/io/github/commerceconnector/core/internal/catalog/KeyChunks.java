package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;

/**
 * Reads the keys a caller names (a resend, a resync of some keys) a thousand at a time, as identity hashes, so that
 * a million keys never sit in memory as keys; refuses a key that is null, blank or of other identity fields.
 */
final class KeyChunks {
    /** Keys per chunk. */
    static final int CHUNK = 1000;

    private KeyChunks() {
    }

    /** Takes each chunk of identity hashes. */
    @FunctionalInterface
    interface Sink {
        /** The hashes of the next {@code count} keys, in {@code hashes[0..count)} (reused after the call). */
        void accept(long[] hashes, int count);
    }

    /**
     * Reads every key.
     *
     * @return how many keys were read
     * @throws IllegalArgumentException naming the position of the first bad key; the chunks before it were taken
     */
    static long read(Feed feed, Iterable<ItemKey> keys, Sink sink) {
        ItemHasher hasher = new ItemHasher();
        long[] chunk = new long[CHUNK];
        int count = 0;
        long position = 0;
        for (ItemKey key : keys) {
            chunk[count++] = hasher.identityHash(checked(feed, key, position++));
            if (count == CHUNK) {
                sink.accept(chunk, count);
                count = 0;
            }
        }
        if (count > 0) {
            sink.accept(chunk, count);
        }
        return position;
    }

    private static ItemKey checked(Feed feed, ItemKey key, long position) {
        if (key == null) {
            throw new IllegalArgumentException("The key at position " + position + " is null: give ItemKey.of("
                    + feed.name() + " feed, " + String.join(", ", feed.identityFields()) + ")");
        }
        if (!key.fields().equals(feed.identityFields())) {
            throw new IllegalArgumentException("The key at position " + position + " (" + key + ") names the fields "
                    + key.fields() + ", but the " + feed.name() + " feed's identity is " + feed.identityFields()
                    + ": build it with ItemKey.of(feed, values...)");
        }
        if (key.values().stream().anyMatch(value -> value == null || value.isBlank())) {
            throw new IllegalArgumentException("The key at position " + position + " has a blank value: " + key);
        }
        return key;
    }
}

package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StoredItem;
import java.util.Arrays;

/**
 * The valid items of one chunk whose state look-up is held back until the whole chunk is written, so that the
 * chunk is looked up at once ({@link FeedSyncState#findAll}): each item's identity, content hash and, for one
 * that may be sent, a copy of its JSON in a buffer the chunk shares, or the item itself when its hash was taken
 * before any JSON was written (only the items to send are then copied out
 * of it; an item whose JSON would take the buffer beyond {@value #MAX_SHARED_JSON_BYTES} bytes gets a copy of its
 * own). One per thread, reused chunk after chunk, keeping at most {@value #KEPT_JSON_BYTES} bytes of buffer
 * between chunks; not thread-safe.
 */
final class ChunkLookUps {
    private static final int INITIAL_ENTRIES = 64;
    private static final int INITIAL_JSON_BYTES = 16 * 1024;
    /** The most JSON bytes kept between chunks; a chunk of unusually large items lets go of the rest. */
    private static final int KEPT_JSON_BYTES = 256 * 1024;
    /** The most JSON bytes the shared buffer takes in a chunk. */
    private static final int MAX_SHARED_JSON_BYTES = 4 << 20;

    private long[] positions = new long[INITIAL_ENTRIES];
    private ItemKey[] keys = new ItemKey[INITIAL_ENTRIES];
    private long[] identities = new long[INITIAL_ENTRIES];
    private long[] contents = new long[INITIAL_ENTRIES];
    private boolean[] deletes = new boolean[INITIAL_ENTRIES];
    private int[] jsonStarts = new int[INITIAL_ENTRIES];
    private int[] jsonLengths = new int[INITIAL_ENTRIES];
    private StoredItem[] found = new StoredItem[INITIAL_ENTRIES];
    /** The JSON of an item kept apart from the shared buffer, else {@code null}. */
    private byte[][] ownJson = new byte[INITIAL_ENTRIES][];
    /** An item held back before its JSON was written, else {@code null}. */
    private ItemPreparer.Input[] unwritten = new ItemPreparer.Input[INITIAL_ENTRIES];
    private byte[] json = new byte[INITIAL_JSON_BYTES];
    private int count;
    private int jsonUsed;

    /** Holds an item back, keeping a copy of its JSON ({@code written}'s first bytes) when it may be sent. */
    void add(long position, ItemKey key, long identity, long content, boolean delete, byte[] written,
            int jsonLength, boolean sendable) {
        if (count == identities.length) {
            grow();
        }
        positions[count] = position;
        keys[count] = key;
        identities[count] = identity;
        contents[count] = content;
        deletes[count] = delete;
        jsonLengths[count] = jsonLength;
        jsonStarts[count] = -1;
        unwritten[count] = null;
        if (sendable && jsonLength > MAX_SHARED_JSON_BYTES - jsonUsed) {
            ownJson[count] = Arrays.copyOf(written, jsonLength);
        } else if (sendable) {
            if (jsonUsed + jsonLength > json.length) {
                json = Arrays.copyOf(json, (int) Math.min(MAX_SHARED_JSON_BYTES,
                        Math.max(jsonUsed + jsonLength, json.length * 2L)));
            }
            System.arraycopy(written, 0, json, jsonUsed, jsonLength);
            jsonStarts[count] = jsonUsed;
            jsonUsed += jsonLength;
        }
        count++;
    }

    /**
     * Holds an item back before its JSON is written (its content hash taken over its fields): when the look-up
     * finds it changed, it is prepared in full from {@code input}.
     */
    void addUnwritten(long position, ItemKey key, long identity, long content, boolean delete,
            ItemPreparer.Input input) {
        add(position, key, identity, content, delete, null, 0, false);
        unwritten[count - 1] = input;
    }

    private void grow() {
        int size = identities.length * 2;
        positions = Arrays.copyOf(positions, size);
        keys = Arrays.copyOf(keys, size);
        identities = Arrays.copyOf(identities, size);
        contents = Arrays.copyOf(contents, size);
        deletes = Arrays.copyOf(deletes, size);
        jsonStarts = Arrays.copyOf(jsonStarts, size);
        jsonLengths = Arrays.copyOf(jsonLengths, size);
        found = Arrays.copyOf(found, size);
        ownJson = Arrays.copyOf(ownJson, size);
        unwritten = Arrays.copyOf(unwritten, size);
    }

    /** Looks every item held back up in the state at once. */
    void findIn(FeedSyncState state) {
        state.findAll(identities, count, found);
    }

    /** How many items are held back. */
    int count() {
        return count;
    }

    long position(int entry) {
        return positions[entry];
    }

    ItemKey key(int entry) {
        return keys[entry];
    }

    long identity(int entry) {
        return identities[entry];
    }

    long content(int entry) {
        return contents[entry];
    }

    boolean delete(int entry) {
        return deletes[entry];
    }

    /** What the state holds for an item, once {@link #findIn looked up}; {@code null} for nothing. */
    StoredItem found(int entry) {
        return found[entry];
    }

    /** The item as handed over when it was held back before its JSON was written ({@link #addUnwritten}), else null. */
    ItemPreparer.Input unwritten(int entry) {
        return unwritten[entry];
    }

    /** Whether the item's JSON was kept to send (not when it is too large to). */
    boolean sendable(int entry) {
        return jsonStarts[entry] >= 0 || ownJson[entry] != null;
    }

    /** The length of the item's JSON. */
    int jsonLength(int entry) {
        return jsonLengths[entry];
    }

    /** A copy of an item's JSON. */
    byte[] json(int entry) {
        if (ownJson[entry] != null) {
            return ownJson[entry];
        }
        int start = jsonStarts[entry];
        return Arrays.copyOfRange(json, start, start + jsonLengths[entry]);
    }

    /** Forgets the chunk, keeping the room for the next (all of it but an unusually large JSON buffer). */
    void clear() {
        Arrays.fill(keys, 0, count, null);
        Arrays.fill(found, 0, count, null);
        Arrays.fill(ownJson, 0, count, null);
        Arrays.fill(unwritten, 0, count, null);
        if (json.length > KEPT_JSON_BYTES) {
            json = new byte[INITIAL_JSON_BYTES];
        }
        count = 0;
        jsonUsed = 0;
    }
}

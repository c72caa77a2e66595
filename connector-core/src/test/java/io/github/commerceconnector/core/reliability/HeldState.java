package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sync state says about a feed, read straight from the state store between calls, set against what the
 * gateway holds.
 *
 * @param byStatus    every item the state holds, by status, keyed by identity with its content hash, but the kept
 *                    deletes
 * @param keptDeletes the accepted deletes the state keeps (accepted with {@link StateChange#DELETE_CONTENT})
 * @param contentHashes the algorithm of the state's content hashes
 */
record HeldState(Map<ItemStatus, Map<ItemKey, Long>> byStatus, Set<ItemKey> keptDeletes,
        ContentHashAlgorithm contentHashes) {

    /** Reads the state of a feed (the store must not be open elsewhere). */
    static HeldState read(SyncStateStore store, String dataSpaceId, Feed feed) {
        Map<ItemStatus, Map<ItemKey, Long>> byStatus = new HashMap<>();
        for (ItemStatus status : ItemStatus.values()) {
            byStatus.put(status, new HashMap<>());
        }
        Set<ItemKey> keptDeletes = new HashSet<>();
        ContentHashAlgorithm contentHashes;
        try (FeedSyncState state = store.open(dataSpaceId, feed)) {
            contentHashes = state.contentHashAlgorithm();
            for (long identity : state.unseen()) {
                StoredItem item = state.find(identity);
                if (item.status() == ItemStatus.ACCEPTED && item.contentHash() == StateChange.DELETE_CONTENT) {
                    keptDeletes.add(state.key(identity));
                } else {
                    byStatus.get(item.status()).put(state.key(identity), item.contentHash());
                }
            }
        }
        return new HeldState(byStatus, keptDeletes, contentHashes);
    }

    /** The accepted items and their content hashes. */
    Map<ItemKey, Long> accepted() {
        return byStatus.get(ItemStatus.ACCEPTED);
    }

    /** How many items have a status. */
    int count(ItemStatus status) {
        return byStatus.get(status).size();
    }

    /**
     * The accepted items the gateway does not hold with the accepted content, and the kept deletes it still holds:
     * must always be empty, whatever failed or crashed.
     */
    List<ItemKey> acceptedButNotHeld(Feed feed, List<Map<String, Object>> gatewayItems) {
        ItemHasher hasher = new ItemHasher(contentHashes);
        Map<ItemKey, Long> held = new HashMap<>();
        for (Map<String, Object> item : gatewayItems) {
            held.put(ItemKey.ofItem(feed, item), hasher.contentHash(item));
        }
        List<ItemKey> unsafe = new ArrayList<>(accepted().entrySet().stream()
                .filter(entry -> !entry.getValue().equals(held.get(entry.getKey())))
                .map(Map.Entry::getKey).toList());
        keptDeletes.stream().filter(held::containsKey).forEach(unsafe::add);
        return unsafe;
    }
}

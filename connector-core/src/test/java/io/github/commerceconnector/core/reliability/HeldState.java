package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sync state says about a feed, read straight from the state store between calls, set against what the
 * gateway holds.
 *
 * @param byStatus every item the state holds, by status, keyed by identity with its content hash
 */
record HeldState(Map<ItemStatus, Map<ItemKey, Long>> byStatus) {

    /** Reads the state of a feed (the store must not be open elsewhere). */
    static HeldState read(SyncStateStore store, String dataSpaceId, Feed feed) {
        Map<ItemStatus, Map<ItemKey, Long>> byStatus = new HashMap<>();
        for (ItemStatus status : ItemStatus.values()) {
            byStatus.put(status, new HashMap<>());
        }
        try (FeedSyncState state = store.open(dataSpaceId, feed)) {
            for (long identity : state.unseen()) {
                StoredItem item = state.find(identity);
                byStatus.get(item.status()).put(state.key(identity), item.contentHash());
            }
        }
        return new HeldState(byStatus);
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
     * The accepted items the gateway does not hold with the accepted content: must always be empty, whatever
     * failed or crashed.
     */
    List<ItemKey> acceptedButNotHeld(Feed feed, List<Map<String, Object>> gatewayItems) {
        ItemHasher hasher = new ItemHasher();
        Map<ItemKey, Long> held = new HashMap<>();
        for (Map<String, Object> item : gatewayItems) {
            held.put(ItemKey.ofItem(feed, item), hasher.contentHash(item));
        }
        return accepted().entrySet().stream()
                .filter(entry -> !entry.getValue().equals(held.get(entry.getKey())))
                .map(Map.Entry::getKey).toList();
    }
}

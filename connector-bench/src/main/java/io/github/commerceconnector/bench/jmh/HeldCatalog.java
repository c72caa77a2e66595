package io.github.commerceconnector.bench.jmh;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.bench.Directories;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * The default file-backed sync state of a benchmark, in a temporary directory, holding a catalog of products as
 * accepted (recorded in batches of 10,000), with their keys and identity hashes at hand. Closing it deletes it.
 */
final class HeldCatalog implements AutoCloseable {
    private final Path directory;
    private final FeedSyncState state;
    private final ItemKey[] keys;
    private final long[] identities;

    /**
     * Records {@code items} products.
     *
     * @param content the content hash held for the product at an index
     */
    HeldCatalog(int items, IntToLongFunction content) {
        directory = Directories.create("bench-state-");
        state = new FileSyncStateStore(directory).open("data-space", Feed.PRODUCTS);
        ItemHasher hasher = new ItemHasher();
        keys = new ItemKey[items];
        identities = new long[items];
        Instant now = Instant.now();
        List<StateChange> changes = new ArrayList<>();
        for (int index = 0; index < items; index++) {
            keys[index] = ItemKey.of(Feed.PRODUCTS, CatalogGenerator.sku(index), "default");
            identities[index] = hasher.identityHash(keys[index]);
            changes.add(StateChange.accepted(keys[index], identities[index], content.applyAsLong(index)));
            if (changes.size() == 10_000) {
                state.record(changes, now);
                changes.clear();
            }
        }
        state.record(changes, now);
    }

    /** The open state. */
    FeedSyncState state() {
        return state;
    }

    /** The key of the product at an index. */
    ItemKey key(int index) {
        return keys[index];
    }

    /** The identity hash of the product at an index. */
    long identity(int index) {
        return identities[index];
    }

    @Override
    public void close() {
        state.close();
        Directories.deleteTree(directory);
    }
}

package io.github.commerceconnector.api.spi;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.exception.SyncLockedException;

/**
 * Where the catalog sync client keeps what it sent: per data space and feed, each item's identity, the
 * hash of the content the gateway holds, its status and, for retryable items, the payload to resend.
 * State is keyed by data space id, so switching data space starts from empty state for the new one.
 *
 * <p>Implementations: a crash-safe file store in {@code connector-core} (the default when the client has
 * a state directory), a store in PostgreSQL shared by many workers in {@code connector-jdbc}, and
 * {@link InMemorySyncStateStore}. Implementations must be thread-safe and pass the testkit's
 * {@code SyncStateStoreContract}; {@link ItemIndex} keeps a feed's items off the heap for them.
 */
public interface SyncStateStore {

    /**
     * Opens the state of one feed in one data space, exclusively: until the returned state is closed, a
     * second open of the same data space and feed, from this process or another one, fails at once.
     *
     * @throws SyncLockedException if the state is open elsewhere, naming the feed and data space
     */
    FeedSyncState open(String dataSpaceId, Feed feed);

    /**
     * Forgets everything recorded for a data space (all feeds), then runs {@code erase} (the gateway's
     * cleanup of the data space) while every feed state of the data space stays locked, so that no sync
     * can record items in between. State is forgotten first: if {@code erase} fails, the next sync resends
     * everything, which is harmless.
     *
     * @param dataSpaceId the data space
     * @param erase       what erases the data on the gateway; may be a no-op
     * @throws SyncLockedException if a feed state of the data space is open
     */
    void resetDataSpace(String dataSpaceId, Runnable erase);
}

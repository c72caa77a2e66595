package io.github.commerceconnector.api.catalog;

import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import java.util.stream.Stream;

/**
 * Syncs catalog feeds into the selected data space, sending only what changed and reporting per
 * item. Items stream through: a catalog larger than memory is fine. Bad items are rejected one by
 * one with their identity and reason, never taking the batch down. An item is recorded as accepted
 * only after the gateway accepted it.
 *
 * <p>Every call needs a selected data space and obeys the data-space guard
 * ({@link DataSpaceGuardException}). Two calls on the same feed and data space, in one process or
 * two, are refused with {@link SyncLockedException}. Thread-safe.
 */
public interface CatalogSyncClient {

    /**
     * Syncs the full catalog of one feed: sends new and changed items, skips unchanged ones, and
     * deletes the items that disappeared since the last sync.
     */
    default SyncReport sync(Feed feed, Iterable<? extends FeedItem> items) {
        return sync(feed, items, SyncListener.NONE);
    }

    /** As {@link #sync(Feed, Iterable)}, with a progress listener. */
    SyncReport sync(Feed feed, Iterable<? extends FeedItem> items, SyncListener listener);

    /** As {@link #sync(Feed, Iterable)}, from a stream (which is consumed once and closed). */
    default SyncReport sync(Feed feed, Stream<? extends FeedItem> items) {
        return sync(feed, items, SyncListener.NONE);
    }

    /** As {@link #sync(Feed, Iterable, SyncListener)}, from a stream (which is consumed once and closed). */
    default SyncReport sync(Feed feed, Stream<? extends FeedItem> items, SyncListener listener) {
        try (Stream<? extends FeedItem> stream = items) {
            Iterable<FeedItem> iterable = stream.<FeedItem>map(item -> item)::iterator;
            return sync(feed, iterable, listener);
        }
    }

    /** Sends new and changed items; deletes nothing. */
    default SyncReport upsert(Feed feed, Iterable<? extends FeedItem> items) {
        return upsert(feed, items, SyncListener.NONE);
    }

    /** As {@link #upsert(Feed, Iterable)}, with a progress listener. */
    SyncReport upsert(Feed feed, Iterable<? extends FeedItem> items, SyncListener listener);

    /** As {@link #upsert(Feed, Iterable)}, from a stream (which is consumed once and closed). */
    default SyncReport upsert(Feed feed, Stream<? extends FeedItem> items) {
        try (Stream<? extends FeedItem> stream = items) {
            Iterable<FeedItem> iterable = stream.<FeedItem>map(item -> item)::iterator;
            return upsert(feed, iterable, SyncListener.NONE);
        }
    }

    /**
     * Deletes items by identity: sends each key's identity fields (as strings) with {@code "deleted": true}
     * and forgets the item once the gateway accepted the delete. {@link #sync} sends the same deletes for
     * the items that disappeared from the catalog.
     */
    default SyncReport delete(Feed feed, Iterable<ItemKey> keys) {
        return delete(feed, keys, SyncListener.NONE);
    }

    /** As {@link #delete(Feed, Iterable)}, with a progress listener. */
    SyncReport delete(Feed feed, Iterable<ItemKey> keys, SyncListener listener);

    /**
     * Forced resend of every item, whatever the state says; optionally erasing the data space's data
     * first, or only reporting what would be sent, resending only some keys, or continuing an interrupted resync
     * from its checkpoint ({@link ResyncOptions}).
     *
     * @throws IllegalStateException if asked to resume and the feed has no interrupted resync
     */
    SyncReport resync(Feed feed, Iterable<? extends FeedItem> items, ResyncOptions options);

    /**
     * Marks items as changed in the sync state, sending nothing now: the next {@link #sync} or {@link #upsert}
     * that has them sends them, whatever their content (the exporter's "resend these items"). Items left
     * retryable stay so, and {@link #retryFailed} sends them as before; the state holds no content for the others,
     * so only a sync or upsert can send those. Keys are read in chunks of a thousand, so a million keys need no
     * more memory than a thousand. A key the state holds no item for is counted as unknown and nothing is
     * recorded for it. Marking twice is harmless.
     *
     * @param feed the feed
     * @param keys the keys, built with {@link ItemKey#of(Feed, String...)}
     * @return how many keys were marked and how many were unknown
     * @throws IllegalArgumentException naming the position of a null key or a key of other identity fields; the
     *                                  chunks before it stay marked
     */
    ResendReport resend(Feed feed, Iterable<ItemKey> keys);

    /** Resends the items (and deletes) left retryable by earlier calls, as they were. */
    default SyncReport retryFailed(Feed feed) {
        return retryFailed(feed, SyncListener.NONE);
    }

    /** As {@link #retryFailed(Feed)}, with a progress listener. */
    SyncReport retryFailed(Feed feed, SyncListener listener);

    /** Counts by status, the last sync time and the rejected items with reasons. */
    FeedStatus status(Feed feed);
}

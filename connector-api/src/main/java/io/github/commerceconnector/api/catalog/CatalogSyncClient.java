package io.github.commerceconnector.api.catalog;

import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
     *
     * <p>Which threads call the input's iterator is the implementation's. The HTTP client's own preparing threads
     * call it as well as the calling thread (each preparing what it read), in order, one call at a time and never
     * concurrently, so the iterator needs no thread safety; what it throws ends the call as it was thrown. Its
     * {@code CatalogSyncSettings.withReadInputOnCallingThread(true)} keeps the reading on the calling thread, for
     * an input tied to it (a thread-bound transaction, thread-local context). The same holds for {@code upsert}.
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
     * As {@link #sync(Feed, Iterable)}, without holding the calling thread: see
     * {@link #syncAsync(Feed, Iterable, SyncListener)}.
     */
    default CompletableFuture<SyncReport> syncAsync(Feed feed, Iterable<? extends FeedItem> items) {
        return syncAsync(feed, items, SyncListener.NONE);
    }

    /**
     * As {@link #sync(Feed, Iterable, SyncListener)}, without holding the calling thread for the call. The future
     * completes with the report, or exceptionally with what {@code sync} would have thrown (a
     * {@link io.github.commerceconnector.api.exception.SyncDeadlineExceededException} with its report, a
     * {@link SyncLockedException}, ...).
     *
     * <p>Which threads run the call is the implementation's. The HTTP client built on a shared
     * {@code CommerceServicesRuntime} checks the selected data space and the guard and opens the feed's state on
     * the calling thread before it returns (a refusal there fails the future rather than being thrown), then reads
     * the input in steps on the runtime's preparing threads and holds no thread while a batch waits for the
     * gateway, so hundreds of calls can be in progress on a few dozen threads.
     * The input's iterator is then called on those threads, one call at a time and never concurrently, and must
     * not block for long (read a database cursor page by page ahead of it, not per item). Without a runtime, the
     * HTTP client runs the call on one thread of its own. This default runs {@code sync} on the calling thread
     * and returns a completed future: right for implementations whose calls do not wait, like the in-memory fake.
     *
     * <p>Cancelling the future stops reading the input; the batches in flight finish and are recorded, so
     * nothing is lost (the next sync sends what was not confirmed), and the feed's state is released once they
     * have.
     *
     * @param feed     the feed
     * @param items    the full catalog of the feed
     * @param listener told of progress, from the threads that run the call, one call at a time
     * @return the report, once the call is over
     * @throws NullPointerException if an argument is null (the only failure thrown rather than carried)
     */
    default CompletableFuture<SyncReport> syncAsync(Feed feed, Iterable<? extends FeedItem> items,
            SyncListener listener) {
        requireArguments(feed, items, listener);
        return completed(() -> sync(feed, items, listener));
    }

    /**
     * As {@link #upsert(Feed, Iterable)}, without holding the calling thread: see
     * {@link #upsertAsync(Feed, Iterable, SyncListener)}.
     */
    default CompletableFuture<SyncReport> upsertAsync(Feed feed, Iterable<? extends FeedItem> items) {
        return upsertAsync(feed, items, SyncListener.NONE);
    }

    /**
     * As {@link #upsert(Feed, Iterable, SyncListener)}, without holding the calling thread for the call: the
     * threads, the input's iterator, cancelling and this default are as for
     * {@link #syncAsync(Feed, Iterable, SyncListener)}.
     *
     * @param feed     the feed
     * @param items    the new and changed items
     * @param listener told of progress, from the threads that run the call, one call at a time
     * @return the report, once the call is over
     * @throws NullPointerException if an argument is null (the only failure thrown rather than carried)
     */
    default CompletableFuture<SyncReport> upsertAsync(Feed feed, Iterable<? extends FeedItem> items,
            SyncListener listener) {
        requireArguments(feed, items, listener);
        return completed(() -> upsert(feed, items, listener));
    }

    /** A blocking call's outcome as a completed future: its report, or what it threw. */
    private static CompletableFuture<SyncReport> completed(Supplier<SyncReport> call) {
        try {
            return CompletableFuture.completedFuture(call.get());
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /**
     * Refuses a null argument of an asynchronous call at once, naming it.
     *
     * @throws NullPointerException naming the null argument
     */
    private static void requireArguments(Feed feed, Iterable<? extends FeedItem> items, SyncListener listener) {
        if (feed == null || items == null || listener == null) {
            throw new NullPointerException((feed == null ? "feed" : items == null ? "items" : "listener")
                    + " is null: pass a feed, its items and a listener (SyncListener.NONE for none)");
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

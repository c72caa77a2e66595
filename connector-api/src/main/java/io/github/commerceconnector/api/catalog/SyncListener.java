package io.github.commerceconnector.api.catalog;

import java.time.Duration;

/**
 * Progress of a catalog call, reported after every batch (from the thread that sent it) and at least every
 * few seconds, with {@link #waiting} and {@link #resumed} when the gateway makes the call wait; calls never
 * overlap. {@link #finished} is called once, on the calling thread. Keep them quick. All default to doing
 * nothing.
 */
public interface SyncListener {

    /** A listener that ignores everything. */
    SyncListener NONE = new SyncListener() { };

    /** Running totals so far. */
    default void progress(SyncProgress progress) {
    }

    /**
     * The call is holding its requests back (throttled, a failing endpoint, an open circuit breaker) and says for
     * how long it expects to; called when a wait starts or its reason changes, not for every request held.
     */
    default void waiting(SyncWait wait) {
    }

    /**
     * The gateway accepted a request again after a {@link #waiting} report: the call goes on at full pace.
     *
     * @param feed   the feed being synced
     * @param waited how long the call waited, from the first {@link #waiting} report to this request's success
     */
    default void resumed(Feed feed, Duration waited) {
    }

    /** The call finished (also when it failed part way: the report then says what was done). */
    default void finished(SyncReport report) {
    }
}

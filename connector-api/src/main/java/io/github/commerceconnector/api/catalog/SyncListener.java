package io.github.commerceconnector.api.catalog;

/**
 * Progress of a catalog call, reported after every batch (from the thread that sent it) and at least every
 * few seconds; calls never overlap. {@link #finished} is called once, on the calling thread. Keep both
 * quick. Both default to doing nothing.
 */
public interface SyncListener {

    /** A listener that ignores everything. */
    SyncListener NONE = new SyncListener() { };

    /** Running totals so far. */
    default void progress(SyncProgress progress) {
    }

    /** The call finished (also when it failed part way: the report then says what was done). */
    default void finished(SyncReport report) {
    }
}

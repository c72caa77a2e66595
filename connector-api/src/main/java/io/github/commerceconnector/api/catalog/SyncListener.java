package io.github.commerceconnector.api.catalog;

/**
 * Progress of a catalog call, reported after every batch and at least every few seconds. Called on
 * the syncing thread; keep it quick. Both methods default to doing nothing.
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

package io.github.commerceconnector.api.observation;

import io.github.commerceconnector.api.catalog.SyncListener;

/**
 * Follows one catalog call: its progress, waits and end as a {@link SyncListener} (whose {@code finished} comes
 * with the report), and {@link #failed} when the call throws, with or without a report before.
 */
public interface SyncObservation extends SyncListener {

    /** Ignores everything. */
    SyncObservation NONE = new SyncObservation() { };

    /**
     * The call ended by throwing; after {@link #finished} when it had a report, alone when it failed before it
     * started (a locked state store, for example).
     *
     * @param failure what it threw
     */
    default void failed(RuntimeException failure) {
    }
}

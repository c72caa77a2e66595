package io.github.commerceconnector.api.catalog;

/**
 * Options of a forced {@link CatalogSyncClient#resync resync}.
 *
 * @param cleanup  erase the data space's synced data first (registry cleanup) and reset the client's
 *                 sync state
 * @param dryRun   report what would be sent, send nothing and change no state
 * @param listener progress listener, never {@code null}
 */
public record ResyncOptions(boolean cleanup, boolean dryRun, SyncListener listener) {

    /** Replaces a null listener with {@link SyncListener#NONE}. */
    public ResyncOptions {
        listener = listener == null ? SyncListener.NONE : listener;
    }

    /** Resend everything, no cleanup, for real. */
    public static ResyncOptions defaults() {
        return new ResyncOptions(false, false, SyncListener.NONE);
    }

    /** A copy with cleanup on or off. */
    public ResyncOptions withCleanup(boolean value) {
        return new ResyncOptions(value, dryRun, listener);
    }

    /** A copy with dry-run on or off. */
    public ResyncOptions withDryRun(boolean value) {
        return new ResyncOptions(cleanup, value, listener);
    }

    /** A copy with another listener. */
    public ResyncOptions withListener(SyncListener value) {
        return new ResyncOptions(cleanup, dryRun, value);
    }
}

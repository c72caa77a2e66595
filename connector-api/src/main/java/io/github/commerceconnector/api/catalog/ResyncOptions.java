package io.github.commerceconnector.api.catalog;

/**
 * Options of a forced {@link CatalogSyncClient#resync resync}.
 *
 * <p>A resync records how far it got in the caller's item order (a checkpoint in the sync state: the count of
 * leading items whose outcome is final). {@link #resume()} continues an interrupted resync from there, with the
 * items given in the same order: it skips the leading items the checkpoint covers and every later item the
 * interrupted run had already had accepted or refused, and sends the rest. {@link #withOnlyKeys} resends just
 * some items, picked by key from the caller's items.
 *
 * @param cleanup           erase the data space's synced data first (registry cleanup) and reset the client's
 *                          sync state
 * @param dryRun            report what would be sent, send nothing and change no state
 * @param listener          progress listener, never {@code null}
 * @param onlyKeys          resend only the items with these keys (the other items are read and skipped, and
 *                          nothing is deleted); {@code null} for every item
 * @param resumeInterrupted continue the interrupted resync of the feed from its checkpoint
 */
public record ResyncOptions(boolean cleanup, boolean dryRun, SyncListener listener, Iterable<ItemKey> onlyKeys,
        boolean resumeInterrupted) {

    /**
     * Replaces a null listener with {@link SyncListener#NONE}; refuses combinations that make no sense.
     *
     * @throws IllegalArgumentException if cleanup is combined with only-keys or resume, or only-keys with resume
     */
    public ResyncOptions {
        listener = listener == null ? SyncListener.NONE : listener;
        if (cleanup && (onlyKeys != null || resumeInterrupted)) {
            throw new IllegalArgumentException("A resync with cleanup erases the whole data space, so it cannot "
                    + (onlyKeys != null ? "resend only some keys" : "resume an interrupted resync")
                    + ": drop withCleanup(true), or resend everything");
        }
        if (onlyKeys != null && resumeInterrupted) {
            throw new IllegalArgumentException("A resync of only some keys cannot also resume an interrupted "
                    + "resync: run one, then the other");
        }
    }

    /** The options of earlier versions: every item, no resume. */
    public ResyncOptions(boolean cleanup, boolean dryRun, SyncListener listener) {
        this(cleanup, dryRun, listener, null, false);
    }

    /** Resend everything, no cleanup, for real. */
    public static ResyncOptions defaults() {
        return new ResyncOptions(false, false, SyncListener.NONE);
    }

    /** Continue the interrupted resync of the feed from its checkpoint (see {@link #withResume}). */
    public static ResyncOptions resume() {
        return defaults().withResume(true);
    }

    /** A copy with cleanup on or off. */
    public ResyncOptions withCleanup(boolean value) {
        return new ResyncOptions(value, dryRun, listener, onlyKeys, resumeInterrupted);
    }

    /** A copy with dry-run on or off. */
    public ResyncOptions withDryRun(boolean value) {
        return new ResyncOptions(cleanup, value, listener, onlyKeys, resumeInterrupted);
    }

    /** A copy with another listener. */
    public ResyncOptions withListener(SyncListener value) {
        return new ResyncOptions(cleanup, dryRun, value, onlyKeys, resumeInterrupted);
    }

    /**
     * A copy that resends only the items with these keys, read from the caller's items; the other items are
     * skipped (counted as unchanged) and nothing is deleted. The keys are read once, before any item, and kept as
     * 8-byte hashes (a million keys take 8 MB); a key that no item has is logged and
     * ignored.
     *
     * @param keys the keys, built with {@link ItemKey#of(Feed, String...)}; {@code null} for every item
     * @return the copy
     */
    public ResyncOptions withOnlyKeys(Iterable<ItemKey> keys) {
        return new ResyncOptions(cleanup, dryRun, listener, keys, resumeInterrupted);
    }

    /**
     * A copy that continues (or not) the interrupted resync of the feed from its checkpoint, sending nothing the
     * interrupted run had already had accepted or refused. The items must come in the same order as in the
     * interrupted run; the leading items the checkpoint covers are still read (their identities count for the
     * deletes at the end) but not sent. With no interrupted resync to continue, the resync fails with
     * {@link IllegalStateException}.
     *
     * @param value whether to resume
     * @return the copy
     */
    public ResyncOptions withResume(boolean value) {
        return new ResyncOptions(cleanup, dryRun, listener, onlyKeys, value);
    }

    /** Shows the options, not the keys (which may be a million). */
    @Override
    public String toString() {
        return "ResyncOptions[cleanup=" + cleanup + ", dryRun=" + dryRun + ", onlyKeys=" + (onlyKeys == null ? "all"
                : "given") + ", resume=" + resumeInterrupted + "]";
    }
}

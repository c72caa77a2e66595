package io.github.commerceconnector.jdbc;

import io.github.commerceconnector.api.exception.SyncLockedException;
import java.time.Instant;

/**
 * This worker's lease on a feed's sync state is gone: another worker took it over after it expired (this worker
 * was paused, partitioned from the database or too slow to renew). The state refuses every further write of this
 * worker, so that only the new holder writes; {@link #owner()} names it. Stop this sync: the other worker carries
 * it on, and what this one sent without recording is sent again.
 */
public class LeaseLostException extends SyncLockedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message     what was lost and what to do
     * @param owner       the worker that holds the lease now, or {@code null} if none does
     * @param lockedUntil when its lease ends, or {@code null}
     */
    public LeaseLostException(String message, String owner, Instant lockedUntil) {
        super(message, owner, lockedUntil);
    }
}

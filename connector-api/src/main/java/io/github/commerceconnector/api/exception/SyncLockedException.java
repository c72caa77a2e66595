package io.github.commerceconnector.api.exception;

import java.time.Instant;
import java.util.Optional;

/**
 * Another sync of the same feed and data space is running, in this process or another one. Wait for
 * it to finish; if no other sync runs, the lock holder died and the lock is released with it (a lease-based
 * store: when its lease ends, see {@link #lockedUntil()}).
 */
public class SyncLockedException extends ConnectorClientException {
    private static final long serialVersionUID = 1L;

    private final String owner;
    private final Instant lockedUntil;

    /** Creates the exception, for a lock whose holder is not known by name. */
    public SyncLockedException(String message) {
        this(message, null, null);
    }

    /**
     * Creates the exception for a lock held by a named owner until a given time.
     *
     * @param message     what is locked and what to do
     * @param owner       who holds the lock (a worker id), or {@code null} when unknown
     * @param lockedUntil when the holder's lease ends unless it is renewed, or {@code null} when unknown
     */
    public SyncLockedException(String message, String owner, Instant lockedUntil) {
        super(message, null, true);
        this.owner = owner;
        this.lockedUntil = lockedUntil;
    }

    /** Who holds the lock, when the store knows (a lease-based store names the worker). */
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    /** When the holder's lease ends unless it renews it, when the store knows. */
    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }
}

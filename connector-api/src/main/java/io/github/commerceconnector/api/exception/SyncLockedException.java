package io.github.commerceconnector.api.exception;

/**
 * Another sync of the same feed and data space is running, in this process or another one. Wait for
 * it to finish; if no other sync runs, the lock holder died and the lock is released with it.
 */
public class SyncLockedException extends ConnectorClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public SyncLockedException(String message) {
        super(message, null, true);
    }
}

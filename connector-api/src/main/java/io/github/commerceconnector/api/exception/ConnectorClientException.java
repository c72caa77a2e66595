package io.github.commerceconnector.api.exception;

/**
 * No usable answer came from the gateway: an I/O error, a timeout, an open circuit breaker, bad
 * configuration or bad key material. {@link #isRetryable()} tells whether trying again later may help.
 */
public class ConnectorClientException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /** Creates a non-retryable client exception. */
    public ConnectorClientException(String message) {
        this(message, null, false);
    }

    /** Creates a non-retryable client exception with a cause. */
    public ConnectorClientException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** Creates a client exception stating whether a later retry may succeed. */
    public ConnectorClientException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether repeating the call later may succeed (true for I/O errors and timeouts). */
    public boolean isRetryable() {
        return retryable;
    }
}

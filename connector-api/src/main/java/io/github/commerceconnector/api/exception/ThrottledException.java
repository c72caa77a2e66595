package io.github.commerceconnector.api.exception;

import java.time.Duration;

/** The gateway is rate-limiting this client (`429`). {@link #retryAfter()} says how long it asked to wait. */
public class ThrottledException extends ConnectorServiceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link ConnectorServiceException#ConnectorServiceException}. */
    public ThrottledException(String message, int statusCode, String requestId, String errorCode, Duration retryAfter) {
        super(message, statusCode, requestId, errorCode, retryAfter);
    }
}

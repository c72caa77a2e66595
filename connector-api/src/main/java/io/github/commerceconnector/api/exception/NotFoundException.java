package io.github.commerceconnector.api.exception;

import java.time.Duration;

/** The project, data space or route does not exist (`404`). */
public class NotFoundException extends ConnectorServiceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link ConnectorServiceException#ConnectorServiceException}. */
    public NotFoundException(String message, int statusCode, String requestId, String errorCode, Duration retryAfter) {
        super(message, statusCode, requestId, errorCode, retryAfter);
    }
}

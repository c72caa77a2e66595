package io.github.commerceconnector.api.exception;

import java.time.Duration;

/** The gateway refused a change that conflicts with existing state (`409`): a project name already in use, or a create beyond the license's data-space allowance. */
public class ConflictException extends ConnectorServiceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link ConnectorServiceException#ConnectorServiceException}. */
    public ConflictException(String message, int statusCode, String requestId, String errorCode, Duration retryAfter) {
        super(message, statusCode, requestId, errorCode, retryAfter);
    }
}

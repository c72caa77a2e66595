package io.github.commerceconnector.api.exception;

import java.time.Duration;

/** The gateway refused the API keys (`401`, `403`, or a "JWT is invalid" / "Client ID is invalid" reply). Check the environment's public API key and its private key. */
public class AuthenticationException extends ConnectorServiceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link ConnectorServiceException#ConnectorServiceException}. */
    public AuthenticationException(String message, int statusCode, String requestId, String errorCode, Duration retryAfter) {
        super(message, statusCode, requestId, errorCode, retryAfter);
    }
}

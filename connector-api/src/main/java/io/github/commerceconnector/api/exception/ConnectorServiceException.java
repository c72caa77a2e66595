package io.github.commerceconnector.api.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * The gateway answered with an error. Carries the HTTP status, the gateway's request id (quote it
 * to Adobe support), its error code when one was given, whether retrying may help and how long the
 * gateway asked to wait.
 */
public class ConnectorServiceException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String requestId;
    private final String errorCode;
    private final Duration retryAfter;

    /**
     * Creates a service exception.
     *
     * @param message    what happened and what to do next
     * @param statusCode the HTTP status
     * @param requestId  the gateway's request id, or {@code null}
     * @param errorCode  the gateway's error code or status text, or {@code null}
     * @param retryAfter how long the gateway asked to wait, or {@code null}
     */
    public ConnectorServiceException(String message, int statusCode, String requestId, String errorCode,
            Duration retryAfter) {
        super(decorate(message, statusCode, requestId));
        this.statusCode = statusCode;
        this.requestId = requestId;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    private static String decorate(String message, int statusCode, String requestId) {
        return message + " (HTTP " + statusCode + (requestId == null ? "" : ", request id " + requestId) + ")";
    }

    /** The HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /** The gateway's request id, if it sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The gateway's error code or status text, if it sent one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** How long the gateway asked to wait before retrying, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether repeating the request later may succeed: {@code 408}, {@code 429} and {@code 5xx}. */
    public boolean isRetryable() {
        return statusCode == 408 || statusCode == 429 || statusCode >= 500;
    }
}

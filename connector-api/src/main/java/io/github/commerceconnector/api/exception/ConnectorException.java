package io.github.commerceconnector.api.exception;

/**
 * The root of every exception the connector throws. Unchecked. The message says what went wrong
 * and what to do next, and never contains key material, tokens or API key values.
 */
public class ConnectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public ConnectorException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the cause (which must not carry secrets in its message). */
    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}

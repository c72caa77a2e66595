package io.github.commerceconnector.testkit.internal.gateway;

/** A request that cannot be read as HTTP/1.1; answered with {@link #status()} and the connection closed. */
final class MalformedRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    MalformedRequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}

package io.github.commerceconnector.core.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * An attempt got no usable reply (connect failure, reset, malformed reply, timeout). Lives only inside
 * {@link HttpGatewayCaller}, which turns it into a {@code ConnectorClientException}.
 */
final class TransportFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransportFailure(IOException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    /** The I/O error itself. */
    IOException io() {
        return (IOException) getCause();
    }

    /**
     * Whether the request may have reached the gateway. Only a failure to connect proves it did not; a reset
     * or a timeout after sending looks the same whether or not the gateway acted on the request.
     */
    boolean requestMayHaveArrived() {
        IOException io = io();
        return !(io instanceof ConnectException || io instanceof HttpConnectTimeoutException
                || io instanceof UnknownHostException || io instanceof NotSent);
    }

    /** An attempt given up before its request left: the request cannot have arrived. */
    static final class NotSent extends IOException {
        private static final long serialVersionUID = 1L;

        NotSent(String message) {
            super(message);
        }
    }

    /** Whether the attempt ran out of time. */
    boolean isTimeout() {
        return io() instanceof HttpTimeoutException;
    }
}

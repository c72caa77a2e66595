package io.github.commerceconnector.api.spi;

import java.io.IOException;
import java.time.Duration;

/**
 * Sends one HTTP request and returns the whole reply. The connector signs, retries, throttles and
 * maps errors around this single seam; an implementation only moves bytes. The default is built on
 * the JDK {@code HttpClient}. Implementations must be thread-safe.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends a request and reads the whole reply body.
     *
     * @param request  the request, body already encoded
     * @param deadline the whole-call deadline: headers <em>and</em> body must arrive within it
     * @return the reply, whatever its status
     * @throws IOException on any transport failure (connect, reset, timeout, malformed reply)
     */
    TransportResponse send(TransportRequest request, Duration deadline) throws IOException;

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {
    }
}

package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.internal.http.JdkHttpTransport;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connector's own default transport (JDK {@code HttpClient}, HTTP/1.1), counting the attempts the connector
 * makes through it. The JDK client may put more requests on the wire than attempts (it repeats a GET once when a
 * connection closes before any byte of the reply); the gateway's own count shows those.
 */
final class CountingTransport implements HttpTransport {
    private final JdkHttpTransport delegate = new JdkHttpTransport(Duration.ofSeconds(2), null,
            HttpClient.Version.HTTP_1_1);
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public TransportResponse send(TransportRequest request, Duration deadline) throws IOException {
        attempts.incrementAndGet();
        return delegate.send(request, deadline);
    }

    /** Attempts made so far. */
    int attempts() {
        return attempts.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

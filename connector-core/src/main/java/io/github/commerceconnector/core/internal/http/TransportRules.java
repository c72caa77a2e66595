package io.github.commerceconnector.core.internal.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What the connector's two transports on the JDK's HTTP clients ({@link JdkHttpTransport}, {@link
 * UrlConnectionTransport}) do alike: which request headers they pass on, how a reply body is decoded, and how a
 * reply that missed its deadline is reported.
 */
final class TransportRules {
    /** Headers the JDK clients set themselves, refuse or ignore from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private TransportRules() {
    }

    /** Whether a request header of the caller's is passed on to the JDK client. */
    static boolean passesOn(String headerName) {
        return !RESTRICTED.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /** A reply body as sent, un-gzipped when its {@code Content-Encoding} (may be {@code null}) says gzip. */
    static byte[] decode(byte[] body, String contentEncoding) throws IOException {
        if (contentEncoding == null || !contentEncoding.equalsIgnoreCase("gzip") || body.length == 0) {
            return body;
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return gzip.readAllBytes();
        }
    }

    /** The failure of a reply that did not arrive whole within its deadline. */
    static HttpTimeoutException late(Duration deadline) {
        return new HttpTimeoutException("The reply did not arrive completely within " + deadline.toMillis() + " ms");
    }
}

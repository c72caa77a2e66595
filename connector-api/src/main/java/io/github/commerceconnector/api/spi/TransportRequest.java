package io.github.commerceconnector.api.spi;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request as handed to an {@link HttpTransport}. The body is a byte array so that a retry
 * can send it again unchanged.
 *
 * @param method  the HTTP method
 * @param uri     the absolute URI
 * @param headers header names (case-insensitive) to values; unmodifiable
 * @param body    the encoded body, empty for none
 */
public record TransportRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    /** Copies the headers into a case-insensitive, unmodifiable map. */
    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Shows method and URI only: headers carry signatures and are never printed. */
    @Override
    public String toString() {
        return "TransportRequest[" + method + " " + uri + ", " + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

package io.github.commerceconnector.api.spi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP reply as returned by an {@link HttpTransport}.
 *
 * @param statusCode the HTTP status
 * @param headers    header names (case-insensitive) to values; unmodifiable
 * @param body       the whole body, already decoded from any {@code Content-Encoding}
 */
public record TransportResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {

    /** Copies the headers into a case-insensitive, unmodifiable map. */
    public TransportResponse {
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

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TransportResponse[" + statusCode + ", " + body.length + " bytes]";
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

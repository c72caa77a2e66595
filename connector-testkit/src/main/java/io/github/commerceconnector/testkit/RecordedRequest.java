package io.github.commerceconnector.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request a {@link FakeGateway} received, with its body decoded (gunzipped) for assertions, and
 * what the gateway answered. Headers are available for assertions but {@link #toString()} never
 * shows them: they carry the API key and the signed JWT. Created by the fake gateway; immutable.
 */
public final class RecordedRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant at;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final byte[] wireBody;
    private final byte[] decodedBody;
    private final int status;
    private final NetworkFault fault;
    private final String requestId;
    private final boolean insideRetryAfterWindow;

    /**
     * Records a request; the fake gateway calls this.
     *
     * @param at          when it arrived, by the account clock
     * @param method      the HTTP method
     * @param path        the path without the leading {@code /} and the query
     * @param query       the raw query, or {@code null}
     * @param headers     the headers, names in any case
     * @param wireBody    the body as received (compressed when {@code Content-Encoding: gzip})
     * @param decodedBody the body after content decoding, or {@code null} when it was not decoded
     * @param status      the status answered, or {@code -1} when no status was answered
     * @param fault       the network fault produced instead of (or after) a reply, or {@code null}
     * @param requestId   the {@code x-request-id} answered, or {@code null}
     */
    public RecordedRequest(Instant at, String method, String path, String query, Map<String, List<String>> headers,
            byte[] wireBody, byte[] decodedBody, int status, NetworkFault fault, String requestId) {
        this(at, method, path, query, headers, wireBody, decodedBody, status, fault, requestId, false);
    }

    /**
     * Records a request; the fake gateway calls this.
     *
     * @param at                     when it arrived, by the account clock
     * @param method                 the HTTP method
     * @param path                   the path without the leading {@code /} and the query
     * @param query                  the raw query, or {@code null}
     * @param headers                the headers, names in any case
     * @param wireBody               the body as received (compressed when {@code Content-Encoding: gzip})
     * @param decodedBody            the body after content decoding, or {@code null} when it was not decoded
     * @param status                 the status answered, or {@code -1} when no status was answered
     * @param fault                  the network fault produced instead of (or after) a reply, or {@code null}
     * @param requestId              the {@code x-request-id} answered, or {@code null}
     * @param insideRetryAfterWindow whether it arrived while a {@code Retry-After} window of its data space ran
     */
    public RecordedRequest(Instant at, String method, String path, String query, Map<String, List<String>> headers,
            byte[] wireBody, byte[] decodedBody, int status, NetworkFault fault, String requestId,
            boolean insideRetryAfterWindow) {
        this.at = Objects.requireNonNull(at, "at");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.query = query;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.wireBody = wireBody.clone();
        this.decodedBody = decodedBody == null ? null : decodedBody.clone();
        this.status = status;
        this.fault = fault;
        this.requestId = requestId;
        this.insideRetryAfterWindow = insideRetryAfterWindow;
    }

    /**
     * Whether this feed request arrived while a {@code Retry-After} window of its data space ran: more than 100 ms
     * after the gateway sent a {@code 429} and before that {@code 429}'s {@code Retry-After} ran out. A client
     * that honours {@code Retry-After} never sends one.
     */
    public boolean insideRetryAfterWindow() {
        return insideRetryAfterWindow;
    }

    /** When it arrived, by the account clock. */
    public Instant at() {
        return at;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path without the leading {@code /} and the query, e.g. {@code merchant-registry/v1/registry}. */
    public String path() {
        return path;
    }

    /** The raw query string, if any. */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /** Every header; names are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header (case-insensitive), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body bytes as they came over the wire (compressed when gzip was used). */
    public byte[] wireBody() {
        return wireBody.clone();
    }

    /** The body after content decoding (gunzipped) as UTF-8 text; empty when it was not decoded. */
    public String bodyText() {
        return decodedBody == null ? "" : new String(decodedBody, StandardCharsets.UTF_8);
    }

    /**
     * The decoded body parsed as JSON: {@link Map}, {@link List}, {@link String}, {@link Number},
     * {@link Boolean} or {@code null} for an empty body.
     *
     * @throws IllegalStateException if the body is not JSON
     */
    public Object json() {
        if (decodedBody == null || decodedBody.length == 0) {
            return null;
        }
        try {
            return JSON.readValue(decodedBody, Object.class);
        } catch (IOException notJson) {
            throw new IllegalStateException("The body of " + method + " /" + path + " is not JSON: "
                    + (notJson instanceof JsonProcessingException
                            ? ((JsonProcessingException) notJson).getOriginalMessage() : "unreadable"));
        }
    }

    /**
     * The items of a feed request: the JSON array's objects, in order (an element that is not an
     * object is left out).
     *
     * @throws IllegalStateException if the body is not a JSON array
     */
    public List<Map<String, Object>> items() {
        Object json = json();
        if (!(json instanceof List<?>)) {
            throw new IllegalStateException("The body of " + method + " /" + path + " is not a JSON array");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object element : (List<?>) json) {
            if (element instanceof Map<?, ?>) {
                Map<String, Object> item = new LinkedHashMap<>();
                ((Map<?, ?>) element).forEach((key, value) -> item.put(String.valueOf(key), value));
                items.add(Collections.unmodifiableMap(item));
            }
        }
        return Collections.unmodifiableList(items);
    }

    /** The status answered, or {@code -1} when the gateway answered no status (a network fault or a hang). */
    public int status() {
        return status;
    }

    /** The network fault produced for this request, if any. */
    public Optional<NetworkFault> fault() {
        return Optional.ofNullable(fault);
    }

    /** The {@code x-request-id} answered, if any. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Method, path, body size and outcome; never headers or body. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " /" + path + ", " + wireBody.length + " bytes, "
                + (fault != null ? fault.name() : status < 0 ? "no reply" : String.valueOf(status)) + "]";
    }
}

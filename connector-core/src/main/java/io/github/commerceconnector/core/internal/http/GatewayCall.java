package io.github.commerceconnector.core.internal.http;

import java.util.Map;
import java.util.Objects;

/**
 * One call to the gateway, before signing.
 *
 * @param method       the HTTP method
 * @param path         the path relative to the gateway base URL, e.g. {@code merchant-registry/v1/registry}
 * @param extraHeaders headers beyond authentication and {@code User-Agent} (e.g. {@code Content-Encoding})
 * @param body         the encoded body, or an empty array
 * @param retryPolicy  how failures of this call may be retried
 * @param observer     told of every attempt and its outcome (for adaptive rate limiting); never null
 * @param gate         where every attempt waits before it leaves (a data space's rate limiter), or {@code null}
 *                     for none: retries then only wait for their backoff
 * @param label        what the call is for, as a {@code ConnectorObserver} is told; {@code null} to derive it from
 *                     the method and path
 */
public record GatewayCall(String method, String path, Map<String, String> extraHeaders, byte[] body,
        RetryPolicy retryPolicy, AttemptObserver observer, RequestGate gate, RequestLabel label) {

    /** Fills defaults. */
    public GatewayCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
        body = body == null ? new byte[0] : body;
        retryPolicy = retryPolicy == null ? RetryPolicy.IDEMPOTENT : retryPolicy;
        observer = observer == null ? AttemptObserver.NONE : observer;
        label = label == null ? RequestLabel.of(method, path) : label;
    }

    /** A call labelled from its method and path. */
    public GatewayCall(String method, String path, Map<String, String> extraHeaders, byte[] body,
            RetryPolicy retryPolicy, AttemptObserver observer, RequestGate gate) {
        this(method, path, extraHeaders, body, retryPolicy, observer, gate, null);
    }

    /** A call whose attempts wait for no gate. */
    public GatewayCall(String method, String path, Map<String, String> extraHeaders, byte[] body,
            RetryPolicy retryPolicy, AttemptObserver observer) {
        this(method, path, extraHeaders, body, retryPolicy, observer, null, null);
    }

    /** A GET of a path, retried as idempotent. */
    public static GatewayCall get(String path) {
        return new GatewayCall("GET", path, Map.of(), new byte[0], RetryPolicy.IDEMPOTENT, AttemptObserver.NONE);
    }

    /** How failures of a call may be retried. */
    public enum RetryPolicy {
        /** Retry I/O errors, 408, 429 and 5xx with backoff: repeating the call is harmless. */
        IDEMPOTENT,
        /**
         * Retry only failures where the request certainly did not reach the gateway (connect refused,
         * 429, 503 answered before processing); an ambiguous failure is thrown at once so the caller
         * can check what the first attempt did.
         */
        NOT_IDEMPOTENT,
        /** Never retry: the caller handles failures itself. */
        NONE
    }

    /** Observes attempts. */
    @FunctionalInterface
    public interface AttemptObserver {
        /** Ignores everything. */
        AttemptObserver NONE = (attempt, status, retryAfterMillis) -> { };

        /**
         * Called after each attempt.
         *
         * @param attempt          1 for the first attempt
         * @param status           the HTTP status, or -1 for a transport failure
         * @param retryAfterMillis the {@code Retry-After} the gateway sent, in milliseconds and cut to the retry
         *                         settings' {@code maxRetryAfter}, or -1
         */
        void attempted(int attempt, int status, long retryAfterMillis);
    }
}

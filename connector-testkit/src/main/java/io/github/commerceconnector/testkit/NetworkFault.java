package io.github.commerceconnector.testkit;

/**
 * Connection-level failures a {@link FakeGateway} can produce instead of an HTTP reply, in the spirit
 * of OkHttp MockWebServer's {@code SocketPolicy}. The in-memory clients of {@link FakeCommerceServices}
 * turn each into what the real HTTP client would throw: a retryable
 * {@link io.github.commerceconnector.api.exception.ConnectorClientException}, except
 * {@link #SLOW_BODY}, which only slows the wire and therefore succeeds in memory.
 */
public enum NetworkFault {
    /** The connection is reset (TCP RST) after the request was read; the request is not applied. */
    CONNECTION_RESET,
    /** The reply body arrives a few bytes at a time over a while; the request is applied. */
    SLOW_BODY,
    /**
     * The request is read <em>and applied</em>, then the connection is closed without a reply: the
     * ambiguous outcome after which a create must be checked before it is repeated.
     */
    DROP_AFTER_REQUEST,
    /**
     * The request is read <em>and applied</em>, then the connection is reset (TCP RST) without a reply: what a
     * flaky gateway does when it fails between its work and its answer.
     */
    RESET_AFTER_APPLYING,
    /** The connection is closed without a single reply byte; the request is not applied. */
    EMPTY_REPLY,
    /** Bytes that are not HTTP are written, then the connection is closed; the request is not applied. */
    GARBAGE_THEN_CLOSE,
    /**
     * A {@code 200} head announcing a chunked body, then a chunk whose size line is not hexadecimal, then the
     * connection is closed; the request is not applied.
     */
    MALFORMED_CHUNK
}

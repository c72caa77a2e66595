package io.github.commerceconnector.core.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.commerceconnector.testkit.NetworkFault;
import java.time.Duration;

/** The faults of the fault matrix, each as WireMock and as the testkit's {@code FakeGateway} produce it. */
enum WireFault {
    /** The connection is reset once the request was read. */
    CONNECTION_RESET,
    /** The connection closes without a byte of reply. */
    EMPTY_REPLY,
    /** A chunked body whose chunk is malformed. */
    MALFORMED_CHUNK,
    /** Bytes that are not HTTP, then the connection closes. */
    GARBAGE_THEN_CLOSE,
    /** {@code 503 Service Unavailable}. */
    SERVER_ERROR,
    /** {@code 429} with {@code Retry-After: 1}. */
    THROTTLED,
    /** No reply head for longer than the attempt timeout. */
    SLOW_HEADERS,
    /** The head at once, then a body that trickles on past the attempt timeout and the call deadline. */
    SLOW_BODY;

    /** What {@code Retry-After} the throttling fault sends. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How long the slow faults take: far beyond every deadline of the matrix. */
    static final Duration SLOW = Duration.ofSeconds(5);

    /** Whether the fault is about time rather than a broken reply. */
    boolean isSlow() {
        return this == SLOW_HEADERS || this == SLOW_BODY;
    }

    /** WireMock's reply for the fault, given the normal reply's body. */
    ResponseDefinitionBuilder wireMock(String okBody) {
        return switch (this) {
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_REPLY -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            case MALFORMED_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
            case GARBAGE_THEN_CLOSE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
            case SERVER_ERROR -> aResponse().withStatus(503).withHeader("x-request-id", "wm-503")
                    .withBody("{\"status\":503,\"message\":\"upstream unavailable\"}");
            case THROTTLED -> aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(
                    RETRY_AFTER.toSeconds())).withBody("{\"status\":429,\"message\":\"Too many requests\"}");
            case SLOW_HEADERS -> aResponse().withStatus(200).withBody(okBody).withFixedDelay((int) SLOW.toMillis());
            case SLOW_BODY -> aResponse().withStatus(200).withBody(okBody)
                    .withChunkedDribbleDelay(Math.max(2, okBody.length()), (int) SLOW.toMillis());
        };
    }

    /** The fake gateway's fault. */
    io.github.commerceconnector.testkit.Fault fake() {
        return switch (this) {
            case CONNECTION_RESET -> io.github.commerceconnector.testkit.Fault.network(NetworkFault.CONNECTION_RESET);
            case EMPTY_REPLY -> io.github.commerceconnector.testkit.Fault.network(NetworkFault.EMPTY_REPLY);
            case MALFORMED_CHUNK -> io.github.commerceconnector.testkit.Fault.network(NetworkFault.MALFORMED_CHUNK);
            case GARBAGE_THEN_CLOSE -> io.github.commerceconnector.testkit.Fault.network(
                    NetworkFault.GARBAGE_THEN_CLOSE);
            case SERVER_ERROR -> io.github.commerceconnector.testkit.Fault.status(503, "upstream unavailable");
            case THROTTLED -> io.github.commerceconnector.testkit.Fault.throttle(RETRY_AFTER);
            case SLOW_HEADERS -> io.github.commerceconnector.testkit.Fault.timeout(SLOW);
            case SLOW_BODY -> io.github.commerceconnector.testkit.Fault.slowBody(SLOW);
        };
    }
}

package io.github.commerceconnector.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.testsupport.FuzzJson;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzes what the connector reads from an error reply: the body (in the gateway's known shapes or anything),
 * the request id header and {@code Retry-After}. Every reply becomes a {@link ConnectorServiceException} with
 * its status, a printable message of bounded length and a wait that is never negative. Nothing else comes out.
 */
class ErrorReplyFuzzProperties {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final List<String> KEYS = List.of("status", "statusText", "message", "requestId", "error", "code",
            "error_description", "request_id");
    private static final List<Object> VALUES = List.of("JWT is invalid", "Client ID is invalid", "Not Found", 404,
            "req-1", "\u0000\u0007control", "x".repeat(5000), Map.of("message", "Client ID is invalid"), "", 503);
    private final GatewayErrors errors = new GatewayErrors(Environment.SANDBOX, GatewayErrors.KEY_PAIR_ADVICE);

    @Provide
    Arbitrary<byte[]> bodies() {
        return FuzzJson.bodies(KEYS, VALUES);
    }

    @Provide
    Arbitrary<String> retryAfters() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("0", "-5", "1e3", "99999999999999999999", " 7 ", "Wed, 21 Oct 2015 07:28:00 GMT",
                        "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 15 Jan 2026 10:00:30 GMT", "today"));
    }

    @Property(tries = 600)
    void everyErrorReplyBecomesAServiceExceptionWithABoundedMessage(@ForAll("bodies") byte[] body,
            @ForAll @IntRange(min = 400, max = 599) int status, @ForAll("retryAfters") String retryAfter,
            @ForAll("retryAfters") String requestId) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Retry-After", List.of(retryAfter));
        headers.put("x-request-id", List.of(requestId));
        TransportResponse response = new TransportResponse(status, headers, body);

        ConnectorServiceException failure = errors.toException(GatewayCall.get("merchant-registry/v1/registry"),
                response, NOW);

        assertEquals(status, failure.statusCode());
        assertNotNull(failure.getMessage());
        assertTrue(failure.getMessage().length() < 2000, "message of " + failure.getMessage().length());
        assertFalse(failure.getMessage().chars().anyMatch(c -> c < 0x20), "no control character in the message");
        failure.retryAfter().ifPresent(wait -> assertFalse(wait.isNegative()));
        failure.retryAfter().ifPresent(wait -> assertTrue(wait.compareTo(Duration.ofDays(1)) <= 0));
        ReplyDetails details = ReplyDetails.of(response);
        if (details.message() != null) {
            assertTrue(details.message().length() <= 203);
        }
    }

    @Property(tries = 600)
    void retryAfterNeverFailsAndIsNeverNegative(@ForAll("retryAfters") String header) {
        RetryAfter.parse(header, NOW).ifPresent(wait -> assertFalse(wait.isNegative(), header));
    }
}

package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeGatewayAuthTest extends GatewayTestSupport {
    private static final String PING = "merchant-registry/v1/ping";

    private HttpResponse<String> pingWith(String apiKeyValue, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.baseUri().resolve(PING))
                .timeout(Duration.ofSeconds(10)).GET();
        if (apiKeyValue != null) {
            request.header("x-api-key", apiKeyValue);
        }
        if (token != null) {
            request.header("x-gw-signature", token);
        }
        return client.send(request.build());
    }

    @Test
    void acceptsAJwtSignedByTheRegisteredKey() {
        HttpResponse<String> reply = pingWith(apiKey.value(), SignedClient.jwt(keys, Instant.now()));

        assertEquals(200, reply.statusCode());
        assertTrue(reply.headers().firstValue("x-request-id").isPresent());
    }

    @Test
    void refusesAJwtSignedByAnotherKeyAsInvalidJwt() {
        HttpResponse<String> reply = pingWith(apiKey.value(), SignedClient.jwt(TestKeys.rsa(), Instant.now()));

        assertEquals(401, reply.statusCode());
        assertEquals(Map.of("message", "JWT is invalid"), object(reply.body()));
        assertTrue(reply.headers().firstValue("x-request-id").isPresent());
    }

    @Test
    void refusesAnExpiredJwtByTheAccountClock() {
        String token = SignedClient.jwt(keys, Instant.now());
        services.clock().advance(Duration.ofSeconds(301));

        HttpResponse<String> reply = pingWith(apiKey.value(), token);

        assertEquals(401, reply.statusCode());
        assertEquals(Map.of("message", "JWT is invalid"), object(reply.body()));
    }

    @Test
    void aGatewayClockAheadRefusesATokenTheAccountClockStillTakesForValid() {
        use(FakeGateway.builder().services(services).noRateLimit().clockAhead(Duration.ofSeconds(120)).start());
        Instant now = services.clock().instant();

        assertEquals(200, pingWith(apiKey.value(), SignedClient.jwt(keys, now)).statusCode());
        assertEquals(401, pingWith(apiKey.value(), SignedClient.jwt(keys, now.minusSeconds(200))).statusCode(),
                "expires 100 s from now by the account clock, 20 s ago by the gateway's");
        assertThrows(IllegalArgumentException.class, () -> FakeGateway.builder().clockAhead(Duration.ofSeconds(-1)));
    }

    @Test
    void refusesAJwtIssuedInTheFuture() {
        String token = JWT.create().withIssuedAt(Instant.now().plusSeconds(120))
                .withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.RSA256(keys.publicKey(), keys.privateKey()));

        assertEquals(401, pingWith(apiKey.value(), token).statusCode());
    }

    @Test
    void refusesAJwtWithoutExpiry() {
        String token = JWT.create().withIssuedAt(Instant.now().minusSeconds(30))
                .sign(Algorithm.RSA256(keys.publicKey(), keys.privateKey()));

        assertEquals(401, pingWith(apiKey.value(), token).statusCode());
    }

    @Test
    void refusesAJwtSignedWithAnotherAlgorithm() {
        String token = JWT.create().withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.HMAC256("a shared secret the gateway does not use"));

        assertEquals(401, pingWith(apiKey.value(), token).statusCode());
    }

    @Test
    void refusesAMissingOrMalformedSignature() {
        assertEquals(401, pingWith(apiKey.value(), null).statusCode());
        assertEquals(401, pingWith(apiKey.value(), "not.a.jwt").statusCode());
    }

    @Test
    void refusesAnUnknownApiKeyAsInvalidClient() {
        HttpResponse<String> reply = pingWith(TestKeys.apiKey().value(), SignedClient.jwt(keys, Instant.now()));

        assertEquals(403, reply.statusCode());
        assertEquals(Map.of("error", Map.of("message", "Client ID is invalid")), object(reply.body()));
    }

    @Test
    void refusesAMissingApiKeyAsInvalidClient() {
        assertEquals(403, pingWith(null, SignedClient.jwt(keys, Instant.now())).statusCode());
    }

    @Test
    void refusedRequestsAreLoggedButNeverReachTheAccount() {
        pingWith(apiKey.value(), "not.a.jwt");

        assertEquals(401, gateway.lastRequest().orElseThrow().status());
        assertTrue(services.calls().stream().noneMatch(call -> call.is(FakeOperation.PING)));
    }

    @Test
    void anUnregisteredKeyIsRefusedFromThenOn() {
        services.unregisterKey(apiKey);

        assertEquals(403, pingWith(apiKey.value(), SignedClient.jwt(keys, Instant.now())).statusCode());
    }
}

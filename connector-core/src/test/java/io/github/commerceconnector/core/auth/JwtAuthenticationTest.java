package io.github.commerceconnector.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.JwtCheck;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.RsaKeys;
import io.github.commerceconnector.core.gateway.TestClients;
import io.github.commerceconnector.core.gateway.TestCredentialStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default authentication: API key headers and an RS256 JWT, verified with the public half of the key. */
@Timeout(30)
class JwtAuthenticationTest {
    private static final String PING = "/merchant-registry/v1/ping";
    private static final String IMS = "https://ims-na1.adobelogin.com";

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private final CredentialStore store = TestClients.store(0);
    private CommerceServicesClient services;

    @BeforeEach
    void startClient() {
        gateway.stubFor(get(PING).willReturn(aResponse().withStatus(200).withBody("{}")));
        services = TestClients.builder(gateway.baseUrl(), store, clock, new RecordingSleeper(clock)).build();
    }

    @AfterEach
    void closeClient() {
        services.close();
    }

    @Test
    void sendsApiKeyHeadersAndAJwtSignedWithThePrivateKey() {
        KeyCheck check = services.credentials().validate(Environment.SANDBOX);

        assertTrue(check.valid() && check.gatewayConfirmed(), check.message());
        LoggedRequest request = onlyRequest();
        assertEquals("GET", request.getMethod().getName());
        assertEquals(TestClients.API_KEY, request.getHeader("x-api-key"));
        assertEquals(TestClients.API_KEY, request.getHeader("magento-api-key"));
        assertTrue(request.getHeader("User-Agent").matches("commerce-services-connector-java/\\S+ \\(Java \\S+\\)"),
                request.getHeader("User-Agent"));
        JsonNode claims = JwtCheck.verifiedClaims(request.getHeader("x-gw-signature"), RsaKeys.publicKey(0));
        long now = clock.instant().getEpochSecond();
        assertEquals(now + 300, claims.get("exp").asLong());
        assertEquals(now - 30, claims.get("iat").asLong());
        assertEquals("8E6307BF5D775FA00A495EF9@AdobeOrg", claims.get("iss").asText());
        assertEquals("3181519E5E2714990A495E2E@techacct.adobe.com", claims.get("sub").asText());
        assertEquals(IMS + "/c/9ec9d05f79eb443e8f76ce477b1e413c", claims.get("aud").asText());
        for (String scope : List.of("ent_reactor_sdk", "asset_compute_meta", "ent_adobeio_sdk", "event_receiver_api")) {
            assertTrue(claims.get(IMS + "/s/" + scope).asBoolean(), scope);
        }
    }

    @Test
    void jwtVerifiesWithJavaJwtAtTheGatewaysTime() {
        services.credentials().validate(Environment.SANDBOX);

        String token = onlyRequest().getHeader("x-gw-signature");
        Algorithm publicOnly = Algorithm.RSA256(RsaKeys.publicKey(0), null);
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(publicOnly)).build(clock);
        assertEquals("8E6307BF5D775FA00A495EF9@AdobeOrg", verifier.verify(token).getIssuer());
    }

    @Test
    void reusesOneTokenForManyCalls() {
        for (int i = 0; i < 20; i++) {
            services.credentials().validate(Environment.SANDBOX);
            clock.advance(Duration.ofSeconds(10));
        }

        Set<String> tokens = signatures();
        assertEquals(20, gateway.getAllServeEvents().size());
        assertEquals(1, tokens.size(), "20 calls over 200 s must share one signature");
    }

    @Test
    void concurrentCallsShareOneSignature() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<KeyCheck>> checks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                checks.add(pool.submit(() -> services.credentials().validate(Environment.SANDBOX)));
            }
            for (Future<KeyCheck> check : checks) {
                assertTrue(check.get().valid());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(40, gateway.getAllServeEvents().size());
        assertEquals(1, signatures().size(), "40 concurrent calls must share one signature");
    }

    @Test
    void signsAgainSixtySecondsBeforeExpiry() {
        services.credentials().validate(Environment.SANDBOX);
        clock.advance(Duration.ofSeconds(239));
        services.credentials().validate(Environment.SANDBOX);
        clock.advance(Duration.ofSeconds(1));
        services.credentials().validate(Environment.SANDBOX);

        List<String> inOrder = gateway.getAllServeEvents().stream()
                .map(event -> event.getRequest().getHeader("x-gw-signature")).collect(Collectors.toList());
        assertEquals(2, Set.copyOf(inOrder).size());
        JsonNode renewed = JwtCheck.verifiedClaims(newestRequestToken(), RsaKeys.publicKey(0));
        assertEquals(clock.instant().getEpochSecond() + 300, renewed.get("exp").asLong());
    }

    @Test
    void signsWithTheNewKeyRightAfterARotation() {
        services.credentials().validate(Environment.SANDBOX);
        store.put(TestClients.credentials(1));
        services.credentials().validate(Environment.SANDBOX);

        assertTrue(JwtCheck.verifies(oldestRequestToken(), RsaKeys.publicKey(0)));
        String second = newestRequestToken();
        assertTrue(JwtCheck.verifies(second, RsaKeys.publicKey(1)), "the second call must use the new key");
        assertFalse(JwtCheck.verifies(second, RsaKeys.publicKey(0)));
    }

    @Test
    void noticesChangedKeysEvenWhenTheStoreDoesNotTell() {
        TestCredentialStore silent = TestCredentialStore.with(TestClients.credentials(0));
        services.close();
        services = TestClients.builder(gateway.baseUrl(), silent, clock, new RecordingSleeper(clock)).build();
        services.credentials().validate(Environment.SANDBOX);
        silent.replaceSilently(TestClients.credentials(1));
        services.credentials().validate(Environment.SANDBOX);

        assertTrue(JwtCheck.verifies(newestRequestToken(), RsaKeys.publicKey(1)));
    }

    @Test
    void sendsAReplacementClaimSet() {
        services.close();
        services = TestClients.builder(gateway.baseUrl(), store, clock, new RecordingSleeper(clock))
                .jwtClaims(JwtClaimSet.of(Map.of("iss", "ABCDEF0123456789ABCDEF01@AdobeOrg", "custom", true)))
                .build();

        services.credentials().validate(Environment.SANDBOX);

        JsonNode claims = JwtCheck.verifiedClaims(onlyRequest().getHeader("x-gw-signature"), RsaKeys.publicKey(0));
        assertEquals("ABCDEF0123456789ABCDEF01@AdobeOrg", claims.get("iss").asText());
        assertTrue(claims.get("custom").asBoolean());
        assertFalse(claims.has("sub"));
        assertTrue(claims.has("exp") && claims.has("iat"));
    }

    @Test
    void stopsListeningToTheStoreWhenClosed() {
        TestCredentialStore counted = TestCredentialStore.with(TestClients.credentials(0));
        CommerceServicesClient client = TestClients.builder(gateway.baseUrl(), counted, clock,
                new RecordingSleeper(clock)).build();
        assertEquals(1, counted.listenerCount());

        client.close();

        assertEquals(0, counted.listenerCount());
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = gateway.findAll(getRequestedFor(urlEqualTo(PING)));
        assertEquals(1, requests.size());
        return requests.get(0);
    }

    private Set<String> signatures() {
        return gateway.getAllServeEvents().stream().map(event -> event.getRequest().getHeader("x-gw-signature"))
                .collect(Collectors.toSet());
    }

    private String newestRequestToken() {
        return gateway.getAllServeEvents().get(0).getRequest().getHeader("x-gw-signature");
    }

    private String oldestRequestToken() {
        List<ServeEvent> events = gateway.getAllServeEvents();
        String token = events.get(events.size() - 1).getRequest().getHeader("x-gw-signature");
        assertNotEquals(null, token);
        return token;
    }
}

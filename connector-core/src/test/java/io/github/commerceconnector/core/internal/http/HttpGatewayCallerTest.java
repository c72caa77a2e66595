package io.github.commerceconnector.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.internal.http.GatewayCall.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway caller on its own: retry policies, headers, bodies, attempt observers and per-endpoint breakers. */
@Timeout(60)
class HttpGatewayCallerTest {
    private static final String FEED = "feeds/catalog/v2/products/ds-1";

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(2), null,
            HttpClient.Version.HTTP_1_1);

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    private HttpGatewayCaller caller(String baseUrl, CircuitBreakerSettings breaker) {
        return caller(baseUrl, breaker, transport);
    }

    private HttpGatewayCaller caller(String baseUrl, CircuitBreakerSettings breaker, HttpTransport through) {
        GatewaySettings settings = new GatewaySettings(URI.create(baseUrl + "/"), "test-agent/1",
                Timeouts.defaults().withAttempt(Duration.ofSeconds(5)), RetrySettings.defaults(), breaker);
        return new HttpGatewayCaller(settings, through, () -> Map.of("x-api-key", "key-for-tests"),
                new GatewayErrors(Environment.SANDBOX, GatewayErrors.KEY_PAIR_ADVICE), clock, sleeper);
    }

    private HttpGatewayCaller caller() {
        return caller(gateway.baseUrl(), CircuitBreakerSettings.defaults());
    }

    private static GatewayCall postCall(String path, byte[] body, RetryPolicy policy) {
        return new GatewayCall("POST", path, Map.of(), body, policy, null);
    }

    private int posts(String path) {
        return gateway.findAll(postRequestedFor(urlEqualTo("/" + path))).size();
    }

    @Test
    void aPostWithoutABodySaysItIsJsonRatherThanLeavingTheTransportToCallItAForm() {
        gateway.stubFor(post("/" + FEED).willReturn(aResponse().withStatus(200).withBody("{}")));

        try (UrlConnectionTransport blocking = new UrlConnectionTransport(Duration.ofSeconds(2), null,
                () -> transport)) {
            caller(gateway.baseUrl(), CircuitBreakerSettings.defaults(), blocking)
                    .call(postCall(FEED, new byte[0], RetryPolicy.IDEMPOTENT));
        }

        gateway.verify(1, postRequestedFor(urlEqualTo("/" + FEED))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void anAmbiguousFailureOfANonIdempotentCallIsNotRepeated() {
        gateway.stubFor(post("/" + FEED).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ConnectorClientException failure = assertThrows(ConnectorClientException.class,
                () -> caller().call(postCall(FEED, "[]".getBytes(StandardCharsets.UTF_8), RetryPolicy.NOT_IDEMPOTENT)));

        assertTrue(failure.getMessage().contains("after 1 attempt"), failure.getMessage());
        assertEquals(1, posts(FEED));
    }

    @Test
    void aNonIdempotentCallIsRepeatedWhenTheGatewayDidNotProcessIt() {
        stubPostSequence(aResponse().withStatus(503), aResponse().withStatus(429), aResponse().withStatus(200));

        TransportResponse response = caller().call(postCall(FEED, new byte[] {'[', ']'}, RetryPolicy.NOT_IDEMPOTENT));

        assertEquals(200, response.statusCode());
        assertEquals(3, posts(FEED));
    }

    @Test
    void aServerErrorOfANonIdempotentCallIsThrownAtOnce() {
        gateway.stubFor(post("/" + FEED).willReturn(aResponse().withStatus(500)));

        ConnectorServiceException failure = assertThrows(ConnectorServiceException.class,
                () -> caller().call(postCall(FEED, new byte[] {'[', ']'}, RetryPolicy.NOT_IDEMPOTENT)));

        assertEquals(500, failure.statusCode());
        assertEquals(1, posts(FEED));
    }

    @Test
    void aNonIdempotentCallIsRepeatedWhenItCouldNotConnect() {
        HttpGatewayCaller unreachable = caller("http://127.0.0.1:9", CircuitBreakerSettings.defaults());

        ConnectorClientException failure = assertThrows(ConnectorClientException.class,
                () -> unreachable.call(postCall(FEED, new byte[] {'[', ']'}, RetryPolicy.NOT_IDEMPOTENT)));

        assertTrue(failure.getMessage().contains("after 4 attempts"), failure.getMessage());
        assertEquals(3, sleeper.waits().size());
    }

    @Test
    void policyNoneMakesOneAttempt() {
        gateway.stubFor(post("/" + FEED).willReturn(aResponse().withStatus(503)));

        assertThrows(ConnectorServiceException.class,
                () -> caller().call(postCall(FEED, new byte[] {'[', ']'}, RetryPolicy.NONE)));

        assertEquals(1, posts(FEED));
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void sendsTheBodyBytesUnchangedWithAuthUserAgentAndExtraHeaders() throws IOException {
        byte[] gzipped = gzip("[{\"sku\":\"A-1\"}]");
        gateway.stubFor(post("/" + FEED).willReturn(aResponse().withStatus(200)));

        caller().call(new GatewayCall("POST", FEED, Map.of("Content-Encoding", "gzip"), gzipped,
                RetryPolicy.IDEMPOTENT, null));

        LoggedRequest request = gateway.findAll(postRequestedFor(urlEqualTo("/" + FEED))).get(0);
        assertEquals("key-for-tests", request.getHeader("x-api-key"));
        assertEquals("test-agent/1", request.getHeader("User-Agent"));
        assertEquals("application/json", request.getHeader("Content-Type"));
        assertEquals("application/json", request.getHeader("Accept"));
        assertEquals("gzip", request.getHeader("Content-Encoding"));
        assertEquals(String.valueOf(gzipped.length), request.getHeader("Content-Length"));
        assertEquals("[{\"sku\":\"A-1\"}]", request.getBodyAsString(), "WireMock shows the body decompressed");
    }

    @Test
    void aRetriedBodyIsSentAgainWhole() throws IOException {
        byte[] gzipped = gzip("[{\"sku\":\"A-2\"}]");
        stubPostSequence(aResponse().withStatus(502), aResponse().withStatus(200));

        caller().call(new GatewayCall("POST", FEED, Map.of("Content-Encoding", "gzip"), gzipped,
                RetryPolicy.IDEMPOTENT, null));

        List<LoggedRequest> requests = gateway.findAll(postRequestedFor(urlEqualTo("/" + FEED)));
        assertEquals(2, requests.size());
        for (LoggedRequest request : requests) {
            assertEquals(String.valueOf(gzipped.length), request.getHeader("Content-Length"));
            assertEquals("[{\"sku\":\"A-2\"}]", request.getBodyAsString());
        }
    }

    @Test
    void tellsTheObserverOfEveryAttempt() {
        stubPostSequence(aResponse().withStatus(429).withHeader("Retry-After", "3"), aResponse().withStatus(200));
        List<String> seen = new ArrayList<>();

        caller().call(new GatewayCall("POST", FEED, Map.of(), new byte[] {'[', ']'}, RetryPolicy.IDEMPOTENT,
                (attempt, status, retryAfterMillis) -> seen.add(attempt + ":" + status + ":" + retryAfterMillis)));

        assertEquals(List.of("1:429:3000", "2:200:-1"), seen);
    }

    @Test
    void decodesAGzipReply() throws IOException {
        gateway.stubFor(get("/merchant-registry/v1/ping").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Encoding", "gzip").withBody(gzip("{\"ok\":true}"))));

        TransportResponse response = caller().call(GatewayCall.get("merchant-registry/v1/ping"));

        assertArrayEquals("{\"ok\":true}".getBytes(StandardCharsets.UTF_8), response.body());
    }

    @Test
    void keepsOneBreakerPerEndpoint() {
        HttpGatewayCaller caller = caller(gateway.baseUrl(), CircuitBreakerSettings.defaults().withWindow(2, 2));
        gateway.stubFor(get("/merchant-registry/v1/registry").willReturn(aResponse().withStatus(500)));
        gateway.stubFor(post("/" + FEED).willReturn(aResponse().withStatus(200)));
        GatewayCall list = new GatewayCall("GET", "merchant-registry/v1/registry", Map.of(), null, RetryPolicy.NONE,
                null);
        assertThrows(ConnectorServiceException.class, () -> caller.call(list));
        assertThrows(ConnectorServiceException.class, () -> caller.call(list));

        ConnectorClientException open = assertThrows(ConnectorClientException.class, () -> caller.call(list));

        assertTrue(open.getMessage().contains("merchant-registry/v1"), open.getMessage());
        assertEquals(200, caller.call(postCall(FEED, new byte[] {'[', ']'}, RetryPolicy.NONE)).statusCode());
    }

    @Test
    void namesTheEndpointOfAPathUpToItsVersion() {
        assertEquals("merchant-registry/v1", HttpGatewayCaller.endpointOf("merchant-registry/v1/registry/projects/p"));
        assertEquals("feeds/catalog/v2", HttpGatewayCaller.endpointOf("/feeds/catalog/v2/products/ds-1"));
        assertEquals("feeds/categories/v1", HttpGatewayCaller.endpointOf("feeds/categories/v1/ds-1"));
        assertEquals("health", HttpGatewayCaller.endpointOf("health"));
        assertEquals("feeds/v12", HttpGatewayCaller.endpointOf("feeds/v12/products"));
        assertEquals("feeds/v/vx2/version/V3/products", HttpGatewayCaller.endpointOf("feeds/v/vx2/version/V3/products"),
                "only v and digits is a version");
    }

    @Test
    void anInterruptedCallIsNeitherRetriedNorRetryable() {
        gateway.stubFor(get("/merchant-registry/v1/ping").willReturn(aResponse().withStatus(200).withFixedDelay(1000)));
        Thread.currentThread().interrupt();
        try {
            ConnectorClientException failure = assertThrows(ConnectorClientException.class,
                    () -> caller().call(GatewayCall.get("merchant-registry/v1/ping")));

            assertFalse(failure.isRetryable());
            assertTrue(failure.getMessage().contains("interrupted"), failure.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
            assertTrue(sleeper.waits().isEmpty());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesCallsOnceClosed() {
        HttpGatewayCaller caller = caller();
        caller.close();

        assertThrows(IllegalStateException.class, () -> caller.call(GatewayCall.get("merchant-registry/v1/ping")));
    }

    private void stubPostSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = i == replies.length - 1 ? state : "step " + (i + 1);
            gateway.stubFor(post("/" + FEED).inScenario("post").whenScenarioStateIs(state).willReturn(replies[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}

package io.github.commerceconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConflictException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.exception.ThrottledException;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.TestClients;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault matrix: every kind of broken reply ends in the right exception, or in success after the right
 * number of attempts, with every wait recorded by the sleeper instead of slept.
 */
@Timeout(60)
class GatewayFaultTest {
    private static final String LIST = "/merchant-registry/v1/registry";
    private static final String REGISTRY_REPLY = Registry.results(Registry.standardProject());

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final CredentialStore store = TestClients.store(0);
    private CommerceServicesClient services;

    @AfterEach
    void closeClient() {
        if (services != null) {
            services.close();
        }
    }

    private CommerceServicesClient client() {
        return client(builder());
    }

    private CommerceServicesClient client(CommerceServicesClient.Builder builder) {
        services = builder.build();
        return services;
    }

    private CommerceServicesClient.Builder builder() {
        return TestClients.builder(gateway.baseUrl(), store, clock, sleeper);
    }

    private int listRequests() {
        return gateway.findAll(getRequestedFor(urlEqualTo(LIST))).size();
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(REGISTRY_REPLY);
    }

    /** Stubs the list call to answer with the replies in turn, the last one from then on. */
    private void stubSequence(ResponseDefinitionBuilder... replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = i == replies.length - 1 ? state : "step " + (i + 1);
            gateway.stubFor(get(LIST).inScenario("sequence").whenScenarioStateIs(state).willReturn(replies[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    /**
     * Whether the JDK client itself sends a GET a second time after this fault. It repeats an idempotent request
     * once when the connection closes before any byte of the reply, because it cannot tell a dead server from a
     * pooled connection the server had already closed; the connector's own attempts count on top of that.
     */
    private static boolean jdkRepeatsGetAfter(Fault fault) {
        return fault == Fault.CONNECTION_RESET_BY_PEER || fault == Fault.EMPTY_RESPONSE;
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
        "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void transportFaultsAreRetriedThenReportedAsRetryableClientErrors(Fault fault) {
        gateway.stubFor(get(LIST).willReturn(aResponse().withFault(fault)));

        ConnectorClientException failure = assertThrows(ConnectorClientException.class,
                () -> client().projects().list());

        assertTrue(failure.isRetryable());
        assertTrue(failure.getMessage().contains("after 4 attempts"), failure.getMessage());
        assertInstanceOf(IOException.class, failure.getCause());
        assertEquals(jdkRepeatsGetAfter(fault) ? 8 : 4, listRequests());
        assertBackoffWaits(3);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
        "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void succeedsWhenTheGatewayRecoversFromTransportFaults(Fault fault) {
        stubSequence(aResponse().withFault(fault), aResponse().withFault(fault), ok());

        List<SaasProject> projects = client().projects().list();

        assertEquals(1, projects.size());
        assertEquals(3, listRequests());
        assertBackoffWaits(jdkRepeatsGetAfter(fault) ? 1 : 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetriedThenThrownWithStatusAndRequestId(int status) {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(status)
                .withHeader("x-request-id", "req-" + status).withBody("{\"message\":\"upstream trouble\"}")));

        ConnectorServiceException failure = assertThrows(ConnectorServiceException.class,
                () -> client().projects().list());

        assertEquals(status, failure.statusCode());
        assertEquals("req-" + status, failure.requestId().orElseThrow());
        assertTrue(failure.getMessage().contains("req-" + status), failure.getMessage());
        assertTrue(failure.isRetryable());
        assertEquals(4, listRequests());
        assertBackoffWaits(3);
    }

    @Test
    void succeedsOnTheThirdAttemptAfterTwoUnavailableReplies() {
        stubSequence(aResponse().withStatus(503), aResponse().withStatus(502), ok());

        assertEquals(Registry.PROJECT, client().projects().list().get(0).id());

        assertEquals(3, listRequests());
        assertBackoffWaits(2);
    }

    @Test
    void honoursRetryAfterInSeconds() {
        stubSequence(aResponse().withStatus(429).withHeader("Retry-After", "7"), ok());

        client().projects().list();

        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits());
        assertEquals(2, listRequests());
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        String inNineSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().plusSeconds(9).atOffset(ZoneOffset.UTC));
        stubSequence(aResponse().withStatus(429).withHeader("Retry-After", inNineSeconds), ok());

        client().projects().list();

        assertEquals(List.of(Duration.ofSeconds(9)), sleeper.waits());
    }

    @Test
    void capsALongRetryAfter() {
        stubSequence(aResponse().withStatus(503).withHeader("Retry-After", "3600"), ok());

        client(builder().retry(RetrySettings.defaults().withMaxRetryAfter(Duration.ofSeconds(5)))).projects().list();

        assertEquals(List.of(Duration.ofSeconds(5)), sleeper.waits());
    }

    @Test
    void throttlingThatOutlastsTheRetriesEndsInThrottledExceptionWithRetryAfter() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withBody("{\"status\":429,\"message\":\"Too many requests\",\"requestId\":\"body-id-1\"}")));

        ThrottledException failure = assertThrows(ThrottledException.class, () -> client().projects().list());

        assertEquals(Duration.ofSeconds(2), failure.retryAfter().orElseThrow());
        assertEquals("body-id-1", failure.requestId().orElseThrow());
        assertEquals(4, listRequests());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeper.waits());
    }

    @Test
    void stopsRetryingWhenTheNextWaitWouldPassTheCallDeadline() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "15")));

        ConnectorServiceException failure = assertThrows(ConnectorServiceException.class,
                () -> client().projects().list());

        assertEquals(503, failure.statusCode());
        assertEquals(2, listRequests(), "15 s + 15 s passes the 20 s call deadline: only one retry fits");
        assertEquals(List.of(Duration.ofSeconds(15)), sleeper.waits());
    }

    @Test
    void aReplySlowerThanTheAttemptTimeoutIsARetryableTimeout() {
        gateway.stubFor(get(LIST).willReturn(ok().withFixedDelay(1500)));

        ConnectorClientException failure = assertThrows(ConnectorClientException.class, () -> client(builder()
                .timeouts(Timeouts.defaults().withAttempt(Duration.ofMillis(300)))
                .retry(RetrySettings.defaults().withMaxAttempts(2))).projects().list());

        assertTrue(failure.isRetryable());
        assertTrue(failure.getMessage().contains("within the attempt timeout (300 ms)"), failure.getMessage());
        assertEquals(2, listRequests());
    }

    @Test
    void aBodyThatTricklesPastTheDeadlineTimesOut() {
        gateway.stubFor(get(LIST).willReturn(ok().withChunkedDribbleDelay(20, 4000)));
        long started = System.nanoTime();

        ConnectorClientException failure = assertThrows(ConnectorClientException.class, () -> client(builder()
                .timeouts(Timeouts.defaults().withAttempt(Duration.ofMillis(700)))
                .retry(RetrySettings.none())).projects().list());

        assertTrue(failure.getMessage().contains("no complete reply"), failure.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(3500)) < 0,
                "the client must give up at the deadline, not when the body ends");
    }

    @Test
    void aBodyThatTricklesWithinTheDeadlineArrivesWhole() {
        gateway.stubFor(get(LIST).willReturn(ok().withChunkedDribbleDelay(5, 300)));

        assertEquals(3, client().projects().list().get(0).dataSpaces().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"401:{\"message\":\"JWT is invalid\"}",
        "403:{\"error\":{\"message\":\"Client ID is invalid\"}}", "400:{\"message\":\"JWT is invalid\"}",
        "500:{\"error\":{\"message\":\"Client ID is invalid\"}}", "401:", "403:{\"message\":\"Forbidden\"}"})
    void keysNotValidRepliesAreAuthenticationFailuresWithoutRetry(String statusAndBody) {
        int status = Integer.parseInt(statusAndBody.substring(0, 3));
        String body = statusAndBody.substring(4);
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(status).withBody(body)
                .withHeader("x-request-id", "auth-1")));

        AuthenticationException failure = assertThrows(AuthenticationException.class,
                () -> client().projects().list());

        assertEquals(status, failure.statusCode());
        assertTrue(failure.getMessage().contains("check the environment's API key and private key"),
                failure.getMessage());
        assertEquals("auth-1", failure.requestId().orElseThrow());
        assertEquals(1, listRequests());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void notFoundIsNotRetried() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(404).withBody(
                "{\"status\":404,\"statusText\":\"Not Found\",\"message\":\"Merchant registry not found\","
                        + "\"requestId\":\"nf-1\"}")));

        NotFoundException failure = assertThrows(NotFoundException.class, () -> client().projects().list());

        assertEquals("nf-1", failure.requestId().orElseThrow());
        assertEquals("Not Found", failure.errorCode().orElseThrow());
        assertTrue(failure.getMessage().contains("Merchant registry not found"), failure.getMessage());
        assertFalse(failure.isRetryable());
        assertEquals(1, listRequests());
    }

    @Test
    void conflictIsNotRetried() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(409).withBody("{\"message\":\"in use\"}")));

        ConflictException failure = assertThrows(ConflictException.class, () -> client().projects().list());

        assertEquals(409, failure.statusCode());
        assertEquals(1, listRequests());
    }

    @Test
    void aMalformedSuccessReplyIsAServiceErrorNamingTheShape() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200).withBody("<html>proxy login</html>")));

        ConnectorServiceException failure = assertThrows(ConnectorServiceException.class,
                () -> client().projects().list());

        assertEquals("MALFORMED_REPLY", failure.errorCode().orElseThrow());
        assertTrue(failure.getMessage().contains("not JSON"), failure.getMessage());
    }

    @Test
    void anUnreachableGatewayIsARetryableClientError() {
        ConnectorClientException failure = assertThrows(ConnectorClientException.class, () -> client(builder()
                .endpoint(URI.create("http://127.0.0.1:9/"))).projects().list());

        assertTrue(failure.isRetryable());
        assertInstanceOf(IOException.class, failure.getCause());
    }

    private void assertBackoffWaits(int expected) {
        List<Duration> waits = sleeper.waits();
        assertEquals(expected, waits.size(), "waits " + waits);
        for (int i = 0; i < waits.size(); i++) {
            Duration ceiling = Duration.ofMillis(500L << i);
            assertTrue(!waits.get(i).isNegative() && waits.get(i).compareTo(ceiling) <= 0,
                    "wait " + (i + 1) + " " + waits.get(i) + " must be within [0, " + ceiling + "]");
        }
    }
}

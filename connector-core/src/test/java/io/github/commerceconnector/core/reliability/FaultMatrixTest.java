package io.github.commerceconnector.core.reliability;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.exception.ThrottledException;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.reliability.FaultServer.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: every fault of {@link WireFault}, from WireMock and from the testkit's fake gateway, against a
 * registry call and against a feed batch. A fault that passes ends in success after the expected attempts; a
 * fault that lasts ends in the documented outcome (a registry call throws the documented exception, a feed batch
 * leaves its items retryable and {@code retryFailed} sends them once the gateway is back) within the whole-call
 * deadline, also for a body that trickles past it. Waits between attempts are virtual ({@link VirtualTime}); the
 * slow faults cost real time up to the deadlines.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultMatrixTest {
    /** Attempt 800 ms, whole call 2.5 s: a slow reply is cut at 800 ms, and the call ends by 2.5 s. */
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(800),
            Duration.ofMillis(2500));
    /** 4 attempts, backoff drawn below 100, 200, 400 ms. */
    static final RetrySettings RETRY = RetrySettings.defaults().withBackoff(Duration.ofMillis(100),
            Duration.ofMillis(400));
    /** Slack for scheduling on a loaded machine, on top of a deadline. */
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final int BATCH = 5;
    private static final int PASSING_FAULTS = 2;

    private static final List<String> FIGURES = new ArrayList<>();
    private static WireMockServer wireMock;

    private final VirtualTime time = new VirtualTime();
    private final CountingTransport transport = new CountingTransport();
    private final List<AutoCloseable> open = new ArrayList<>();

    /** The two gateways. */
    enum Server {
        WIREMOCK, FAKE_GATEWAY
    }

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stopWireMockAndReport() {
        wireMock.stop();
        synchronized (FIGURES) {
            System.out.println("Fault matrix (server, call, fault, outcome, connector attempts, requests on the wire, ms):");
            FIGURES.forEach(System.out::println);
        }
    }

    private void figure(Server kind, Call call, WireFault fault, String outcome, int attempts, FaultServer server,
            long startedNanos) {
        synchronized (FIGURES) {
            FIGURES.add(String.join(" | ", kind.name(), call.name(), fault.name(), outcome, String.valueOf(attempts),
                    String.valueOf(server.requests(call)),
                    String.valueOf(Duration.ofNanos(System.nanoTime() - startedNanos).toMillis())));
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        transport.close();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Server server : Server.values()) {
            for (Call call : Call.values()) {
                for (WireFault fault : WireFault.values()) {
                    cases.add(Arguments.of(server, call, fault));
                }
            }
        }
        return cases.stream();
    }

    private FaultServer server(Server kind) {
        FaultServer server = kind == Server.WIREMOCK ? new WireMockFaultServer(wireMock) : new FakeGatewayFaultServer();
        open.add(server);
        return server;
    }

    private CommerceServicesClient client(FaultServer server) {
        CommerceServicesClient client = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(server.credentials())
                .installation(Installation.NON_PRODUCTION)
                .endpoint(server.baseUri())
                .httpTransport(transport)
                .timeouts(TIMEOUTS)
                .retry(RETRY)
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withMaxInFlight(1)
                        .withSyncDeadline(Duration.ZERO))
                .clock(time.clock())
                .sleeper(time.sleeper())
                .build();
        open.add(0, client);
        client.dataSpaces().select(server.projectId(), server.dataSpaceId());
        return client;
    }

    private static List<FeedItem> batch() {
        return IntStream.range(0, BATCH).<FeedItem>mapToObj(n -> Product.builder().sku("FAULT-" + n)
                .storeViewCode("default").name("Fault matrix product " + n).build()).toList();
    }

    /** The connector's attempts when the first two requests on the wire fail. */
    private static int attemptsToRecover(Call call, WireFault fault) {
        boolean jdkRepeatsTheGet = call == Call.REGISTRY
                && (fault == WireFault.CONNECTION_RESET || fault == WireFault.EMPTY_REPLY);
        return jdkRepeatsTheGet ? 2 : 3;
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("matrix")
    void aPassingFaultEndsInSuccessAfterTheExpectedAttempts(Server kind, Call call, WireFault fault) {
        FaultServer server = server(kind);
        CommerceServicesClient client = client(server);
        int before = transport.attempts();
        server.fail(call, fault, PASSING_FAULTS);
        long started = System.nanoTime();

        if (call == Call.REGISTRY) {
            assertEquals(1, client.projects().list().size());
        } else {
            SyncReport report = client.catalog().upsert(Feed.PRODUCTS, batch());
            assertEquals(BATCH, report.sent(), report.toString());
            assertTrue(report.isComplete(), report.toString());
            assertTrue(server.itemsHeld() == -1 || server.itemsHeld() == BATCH);
        }

        figure(kind, call, fault, "passing: success", transport.attempts() - before, server, started);
        assertEquals(attemptsToRecover(call, fault), transport.attempts() - before, "attempts");
        assertEquals(PASSING_FAULTS + 1, server.requests(call), "requests on the wire");
        assertWithin(started, TIMEOUTS.call().plus(SLACK));
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("matrix")
    void aLastingFaultEndsInTheDocumentedOutcomeWithinTheDeadline(Server kind, Call call, WireFault fault) {
        FaultServer server = server(kind);
        CommerceServicesClient client = client(server);
        int before = transport.attempts();
        server.fail(call, fault, 0);
        long started = System.nanoTime();

        if (call == Call.REGISTRY) {
            ConnectorException failure = assertThrows(ConnectorException.class, () -> client.projects().list());
            assertWithin(started, TIMEOUTS.call().plus(SLACK));
            figure(kind, call, fault, "lasting: " + failure.getClass().getSimpleName(), transport.attempts() - before,
                    server, started);
            assertDocumentedFailure(fault, failure);
            assertAttempts(fault, transport.attempts() - before, 1);
        } else {
            SyncDeadlineExceededException ended = assertThrows(SyncDeadlineExceededException.class,
                    () -> client.catalog().upsert(Feed.PRODUCTS, batch()));
            SyncReport report = ended.report();
            assertWithin(started, TIMEOUTS.call().plus(SLACK));
            figure(kind, call, fault, "lasting: " + report.retryable() + " retryable", transport.attempts() - before,
                    server, started);
            assertTrue(ended.isRetryable());
            assertEquals(ended.getMessage(), report.stopReason().orElseThrow());
            assertTrue(ended.getMessage().contains("Nothing is lost"), ended.getMessage());
            assertEquals(0, report.sent(), report.toString());
            assertEquals(BATCH, report.retryable(), report.toString());
            assertEquals(BATCH, client.catalog().status(Feed.PRODUCTS).retryable());
            assertEquals(0, client.catalog().status(Feed.PRODUCTS).accepted());
            assertAttempts(fault, transport.attempts() - before, 1);

            server.heal();
            assertEquals(BATCH, client.catalog().retryFailed(Feed.PRODUCTS).sent(), "resent once the gateway is back");
            assertEquals(0, client.catalog().status(Feed.PRODUCTS).retryable());
            assertTrue(server.itemsHeld() == -1 || server.itemsHeld() == BATCH);
        }
    }

    private static void assertDocumentedFailure(WireFault fault, ConnectorException failure) {
        switch (fault) {
            case SERVER_ERROR -> {
                ConnectorServiceException service = assertInstanceOf(ConnectorServiceException.class, failure);
                assertEquals(503, service.statusCode());
                assertTrue(service.isRetryable());
            }
            case THROTTLED -> {
                ThrottledException throttled = assertInstanceOf(ThrottledException.class, failure);
                assertEquals(WireFault.RETRY_AFTER, throttled.retryAfter().orElseThrow());
            }
            default -> {
                assertSame(ConnectorClientException.class, failure.getClass(), failure.toString());
                assertTrue(((ConnectorClientException) failure).isRetryable());
                assertTrue(failure.getMessage().contains("got no usable reply"), failure.getMessage());
                if (fault.isSlow()) {
                    assertTrue(failure.getMessage().contains("no complete reply within the attempt timeout"),
                            failure.getMessage());
                }
            }
        }
    }

    /**
     * A lasting fault: 4 attempts per delivery; a 1 s {@code Retry-After} lets only 3 fit in the 2.5 s deadline; a
     * slow reply costs up to 800 ms per attempt, so the deadline ends the call after 3 or 4.
     */
    private static void assertAttempts(WireFault fault, int attempts, int deliveries) {
        if (fault.isSlow()) {
            assertTrue(attempts >= 3 && attempts <= 4, "attempts " + attempts);
        } else {
            int perDelivery = fault == WireFault.THROTTLED ? 3 : RETRY.maxAttempts();
            assertEquals(perDelivery * deliveries, attempts, "attempts");
        }
    }

    private static void assertWithin(long startedNanos, Duration limit) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        assertTrue(took.compareTo(limit) <= 0, "took " + took.toMillis() + " ms, more than " + limit.toMillis() + " ms");
    }
}

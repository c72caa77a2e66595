package io.github.commerceconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.TestClients;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The circuit breaker: a dead gateway endpoint opens it, calls then fail fast without a request, and after the
 * open period trial calls close it again. Only transport failures and 5xx count against an endpoint.
 */
@Timeout(60)
class CircuitBreakerTest {
    private static final String LIST = "/merchant-registry/v1/registry";

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private CommerceServicesClient services;

    @BeforeEach
    void startClient() {
        services = TestClients.builder(gateway.baseUrl(), TestClients.store(0), clock,
                        new RecordingSleeper(clock))
                .retry(RetrySettings.none())
                .circuitBreaker(CircuitBreakerSettings.defaults().withWindow(4, 4)
                        .withOpenDuration(Duration.ofSeconds(30)).withHalfOpenCalls(2))
                .build();
    }

    @AfterEach
    void closeClient() {
        services.close();
    }

    private int listRequests() {
        return gateway.findAll(getRequestedFor(urlEqualTo(LIST))).size();
    }

    private void failFourTimes() {
        for (int i = 0; i < 4; i++) {
            assertThrows(ConnectorClientException.class, () -> services.projects().list());
        }
    }

    @Test
    void opensOnADeadGatewayAndFailsFastWithoutARequest() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        failFourTimes();
        int sent = listRequests();

        ConnectorClientException fast = assertThrows(ConnectorClientException.class, () -> services.projects().list());

        assertTrue(fast.getMessage().contains("circuit breaker open"), fast.getMessage());
        assertTrue(fast.isRetryable());
        assertEquals(sent, listRequests(), "an open breaker sends nothing");
    }

    @Test
    void closesAgainOnceTheGatewayRecoversAfterTheOpenPeriod() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 4; i++) {
            assertThrows(RuntimeException.class, () -> services.projects().list());
        }
        assertThrows(ConnectorClientException.class, () -> services.projects().list());
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200)
                .withBody(Registry.results(Registry.standardProject()))));

        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 10; i++) {
            assertEquals(1, services.projects().list().size());
        }

        assertEquals(14, listRequests(), "4 failures, then 2 trial calls and 8 calls through the closed breaker");
    }

    @Test
    void staysOpenWhileTheOpenPeriodLasts() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 4; i++) {
            assertThrows(RuntimeException.class, () -> services.projects().list());
        }

        clock.advance(Duration.ofSeconds(29));

        assertThrows(ConnectorClientException.class, () -> services.projects().list());
        assertEquals(4, listRequests());
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(404)));

        for (int i = 0; i < 10; i++) {
            assertThrows(NotFoundException.class, () -> services.projects().list());
        }

        assertEquals(10, listRequests());
    }

    @Test
    void callsArrivingWhileTheTrialCallRunsWaitForItInsteadOfBeingRefused() throws Exception {
        try (CommerceServicesClient oneTrial = TestClients.builder(gateway.baseUrl(), TestClients.store(0), clock,
                        new RecordingSleeper(clock))
                .retry(RetrySettings.none())
                .circuitBreaker(CircuitBreakerSettings.defaults().withWindow(4, 4)
                        .withOpenDuration(Duration.ofSeconds(30)).withHalfOpenCalls(1))
                .build()) {
            gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(503)));
            for (int i = 0; i < 4; i++) {
                assertThrows(RuntimeException.class, () -> oneTrial.projects().list());
            }
            gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200).withFixedDelay(400)
                    .withBody(Registry.results(Registry.standardProject()))));
            clock.advance(Duration.ofSeconds(31));
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(threads.submit(() -> {
                        start.await();
                        return oneTrial.projects().list().size();
                    }));
                }
                start.countDown();
                for (Future<Integer> call : calls) {
                    assertEquals(1, call.get(30, TimeUnit.SECONDS), "no call is refused while the trial runs");
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /**
     * A call that waited for a half-open breaker's trial call gets what is left of its own deadline for its attempt,
     * not a whole attempt timeout worked out before the wait. Real time here: the deadline is what is tested.
     */
    @Test
    void aCallThatWaitedForTheTrialCallStillEndsAtItsOwnDeadline() throws Exception {
        try (CommerceServicesClient oneTrial = TestClients.builder(gateway.baseUrl(), TestClients.store(0), clock,
                        new RecordingSleeper(clock))
                .clock(Clock.systemUTC())
                .sleeper(Sleeper.SYSTEM)
                .retry(RetrySettings.none())
                .timeouts(Timeouts.defaults().withAttempt(Duration.ofSeconds(4)).withCall(Duration.ofSeconds(4)))
                .circuitBreaker(CircuitBreakerSettings.defaults().withWindow(4, 4)
                        .withOpenDuration(Duration.ofMillis(500)).withHalfOpenCalls(1))
                .build()) {
            gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(503)));
            for (int i = 0; i < 4; i++) {
                assertThrows(RuntimeException.class, () -> oneTrial.projects().list());
            }
            gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                    .withBody(Registry.results(Registry.standardProject()))));
            Thread.sleep(700);
            ExecutorService threads = Executors.newFixedThreadPool(1);
            try {
                Future<Integer> trial = threads.submit(() -> oneTrial.projects().list().size());
                Thread.sleep(1_000);
                assertThrows(ConnectorClientException.class, () -> oneTrial.projects().list(),
                        "its reply comes 3 s after the trial's, past what is left of its 4 s deadline");
                assertEquals(1, trial.get(30, TimeUnit.SECONDS), "the trial call itself completes");
            } finally {
                threads.shutdownNow();
            }
        }
    }
}

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
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.TestClients;
import java.time.Duration;
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
}

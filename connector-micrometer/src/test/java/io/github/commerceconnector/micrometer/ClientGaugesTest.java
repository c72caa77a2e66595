package io.github.commerceconnector.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.observation.BreakerState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each client's gauges are its own on a shared registry, and leave it when the client closes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientGaugesTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void twoNamedObserversOnOneRegistryReportTheirOwnBreakerAndItemsInFlight() {
        MicrometerConnectorObserver sandbox = observer("sandbox");
        MicrometerConnectorObserver production = observer("production");
        sandbox.itemsInFlight(() -> 0);
        sandbox.circuitBreakerCreated("feeds/catalog/v2", () -> BreakerState.CLOSED);
        production.itemsInFlight(() -> 42);
        production.circuitBreakerCreated("feeds/catalog/v2", () -> BreakerState.OPEN);

        assertEquals(0.0, breaker("sandbox"));
        assertEquals(2.0, breaker("production"));
        assertEquals(0.0, itemsInFlight("sandbox"));
        assertEquals(42.0, itemsInFlight("production"));
    }

    @Test
    void closingTheFirstClientRemovesItsGaugesAndKeepsTheSecondOnes() {
        try (GatewayFixture first = new GatewayFixture(0, observer("sandbox"));
                GatewayFixture second = new GatewayFixture(0, observer("production"))) {
            first.client.catalog().sync(Feed.PRODUCTS, GatewayFixture.products(0, 5));
            second.client.catalog().sync(Feed.PRODUCTS, GatewayFixture.products(0, 5));
            assertEquals(1, meters.find(ConnectorMetrics.LIMITER_RATE).tag(ConnectorMetrics.CLIENT, "sandbox")
                    .gauges().size());

            first.client.close();

            assertTrue(meters.find(ConnectorMetrics.ITEMS_IN_FLIGHT).tag(ConnectorMetrics.CLIENT, "sandbox")
                    .gauges().isEmpty(), meters::getMetersAsString);
            assertTrue(meters.find(ConnectorMetrics.BREAKER_STATE).tag(ConnectorMetrics.CLIENT, "sandbox")
                    .gauges().isEmpty(), meters::getMetersAsString);
            assertTrue(meters.find(ConnectorMetrics.LIMITER_RATE).tag(ConnectorMetrics.CLIENT, "sandbox")
                    .gauges().isEmpty(), meters::getMetersAsString);
            assertEquals(0.0, itemsInFlight("production"));
            assertEquals(0.0, breaker("production"));
            assertEquals(0.0, meters.get(ConnectorMetrics.LIMITER_RATE).tag(ConnectorMetrics.CLIENT, "production")
                    .gauge().value());
        }
    }

    @Test
    void aClientRebuiltUnderTheSameNameReportsTheNewClientOnceTheOldOneCloses() {
        MicrometerConnectorObserver old = MicrometerConnectorObserver.create(ObservationRegistry.NOOP, meters);
        MicrometerConnectorObserver rebuilt = MicrometerConnectorObserver.create(ObservationRegistry.NOOP, meters);
        old.itemsInFlight(() -> 7);
        rebuilt.itemsInFlight(() -> 3);

        assertEquals(3.0, itemsInFlight(MicrometerConnectorObserver.DEFAULT_CLIENT));
        old.clientClosed();
        assertEquals(3.0, itemsInFlight(MicrometerConnectorObserver.DEFAULT_CLIENT));
    }

    @Test
    void aClosedClientsGaugeDoesNotKeepItReachable() throws InterruptedException {
        MicrometerConnectorObserver observer = observer("sandbox");
        LongSupplier closedClient = new Counter();
        WeakReference<LongSupplier> reference = new WeakReference<>(closedClient);
        observer.itemsInFlight(closedClient);
        closedClient = null;

        observer.clientClosed();

        for (int attempt = 0; attempt < 50 && reference.get() != null; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(reference.get(), "the registry or the observer still holds the closed client");
    }

    private MicrometerConnectorObserver observer(String client) {
        return MicrometerConnectorObserver.create(ObservationRegistry.NOOP, meters, client);
    }

    private double breaker(String client) {
        return meters.get(ConnectorMetrics.BREAKER_STATE).tag(ConnectorMetrics.CLIENT, client)
                .tag(ConnectorMetrics.ENDPOINT, "feeds/catalog/v2").gauge().value();
    }

    private double itemsInFlight(String client) {
        return meters.get(ConnectorMetrics.ITEMS_IN_FLIGHT).tag(ConnectorMetrics.CLIENT, client).gauge().value();
    }

    /** Stands for a client's state: an object only the gauge refers to. */
    private static final class Counter implements LongSupplier {
        @Override
        public long getAsLong() {
            return 0;
        }
    }
}

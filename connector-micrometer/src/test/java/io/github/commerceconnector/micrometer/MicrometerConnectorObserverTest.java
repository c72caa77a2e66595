package io.github.commerceconnector.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The observer's observations, counters and gauges match what the fake gateway counted and the reports say. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MicrometerConnectorObserverTest {
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final MeterRegistry meters = new SimpleMeterRegistry();

    MicrometerConnectorObserverTest() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    }

    @Test
    void countsEachFeedRequestAndEachItemAsTheGatewayCountedThem() {
        try (GatewayFixture fixture = new GatewayFixture(0, MicrometerConnectorObserver.create(observations, meters))) {
            SyncReport first = fixture.client.catalog().sync(Feed.PRODUCTS, GatewayFixture.products(0, 25));
            SyncReport second = fixture.client.catalog().sync(Feed.PRODUCTS, GatewayFixture.products(0, 30));

            assertEquals(4, fixture.feedRequestsReceived());
            assertEquals(fixture.feedRequestsReceived(), requests(fixture).tag("status.class", "2xx").timer().count());
            assertEquals(fixture.feedRequestsReceived(), requests(fixture).timers().stream().mapToLong(Timer::count).sum());
            assertEquals(55.0, items(fixture, "read"));
            assertEquals(30.0, items(fixture, "sent"));
            assertEquals(25.0, items(fixture, "unchanged"));
            assertEquals(first.bytesSent() + second.bytesSent(), bytes(fixture));
            assertEquals(fixture.gateway.bytesReceived(), bytes(fixture));
            assertEquals(2, meters.get(ConnectorMetrics.SYNC).tag("outcome", "complete")
                    .tag("data.space", fixture.dataSpaceId).timer().count());
        }
    }

    @Test
    void observesRegistryRequestsWithTheirOperationAndNoFeed() {
        try (GatewayFixture fixture = new GatewayFixture(0, MicrometerConnectorObserver.create(observations, meters))) {
            fixture.client.projects().list();

            assertTrue(meters.get(ConnectorMetrics.REQUESTS).tag("operation", "projects.list").tag("feed", "none")
                    .tag("attempt", "1").tag("status.class", "2xx").timer().count() >= 1);
            TestObservationRegistryAssert.assertThat(observations).hasAnObservation(observation -> observation
                    .hasNameEqualTo(ConnectorMetrics.REQUESTS).hasLowCardinalityKeyValue("operation", "projects.list")
                    .hasLowCardinalityKeyValue("data.space", "none"));
        }
    }

    @Test
    void countsTheWaitsForAThrottlingGatewayAndTheRequestsItRefused() {
        try (GatewayFixture fixture = new GatewayFixture(2.0, MicrometerConnectorObserver.create(observations, meters))) {
            SyncReport report = fixture.client.catalog().sync(Feed.PRODUCTS, GatewayFixture.products(0, 60));

            assertEquals(60, report.sent());
            long refused = fixture.gateway.requests().stream().filter(request -> request.path().startsWith("feeds/"))
                    .count() - 6;
            assertTrue(refused > 0, "the gateway refused no request");
            assertEquals(refused, requests(fixture).tag("status.class", "4xx").timers().stream()
                    .mapToLong(Timer::count).sum(), "every refused request observed as 4xx, whatever its attempt");
            assertTrue(meters.get(ConnectorMetrics.SYNC_WAITS).tag("reason", "throttled").counter().count() >= 1);
            assertEquals(meters.get(ConnectorMetrics.SYNC_WAITS).counter().count(),
                    meters.get(ConnectorMetrics.SYNC_WAITED).timer().count());
        }
    }

    @Test
    void gaugesReadTheLimiterTheBreakerAndTheItemsInFlight() {
        try (GatewayFixture fixture = new GatewayFixture(0, MicrometerConnectorObserver.create(observations, meters))) {
            fixture.client.catalog().sync(Feed.PRODUCTS, GatewayFixture.products(0, 5));

            assertEquals(0.0, meters.get(ConnectorMetrics.LIMITER_RATE).tag("data.space", fixture.dataSpaceId)
                    .gauge().value());
            assertEquals(0.0, meters.get(ConnectorMetrics.BREAKER_STATE).tag("endpoint", "feeds/catalog/v2")
                    .gauge().value());
            assertEquals(0.0, meters.get(ConnectorMetrics.ITEMS_IN_FLIGHT).gauge().value());
        }
    }

    private Search requests(GatewayFixture fixture) {
        return meters.find(ConnectorMetrics.REQUESTS).tag("operation", "feeds.send").tag("feed", "products")
                .tag("data.space", fixture.dataSpaceId);
    }

    private double items(GatewayFixture fixture, String result) {
        return meters.get(ConnectorMetrics.SYNC_ITEMS).tag("result", result).tag("data.space", fixture.dataSpaceId)
                .counter().count();
    }

    private long bytes(GatewayFixture fixture) {
        return (long) meters.get(ConnectorMetrics.SYNC_BYTES).tag("data.space", fixture.dataSpaceId).counter().count();
    }
}

package io.github.commerceconnector.micrometer;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.observation.BreakerState;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.api.observation.GatewayRequest;
import io.github.commerceconnector.api.observation.RequestObservation;
import io.github.commerceconnector.api.observation.SyncObservation;
import io.github.commerceconnector.micrometer.internal.ConnectorGauges;
import io.github.commerceconnector.micrometer.internal.RequestObservations;
import io.github.commerceconnector.micrometer.internal.SyncObservations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link ConnectorObserver} for Micrometer: one {@link ConnectorMetrics#REQUESTS} observation per gateway
 * request and one {@link ConnectorMetrics#SYNC} observation per catalog call (timers through the registry's meter
 * handler, spans through Micrometer Tracing; a call's feed requests are its children), counters of the calls'
 * items, bytes and waits, and gauges of the rate limiters, circuit breakers and items in flight.
 *
 * <pre>{@code
 * CommerceServicesClient.builder()
 *         ...
 *         .observer(MicrometerConnectorObserver.create(observationRegistry, meterRegistry))
 *         .build();
 * }</pre>
 *
 * <p>Give each client its own observer. Thread-safe.
 */
public final class MicrometerConnectorObserver implements ConnectorObserver {
    private final SyncObservations syncs;
    private final RequestObservations requests;
    private final ConnectorGauges gauges;

    private MicrometerConnectorObserver(ObservationRegistry observations, MeterRegistry meters) {
        this.syncs = new SyncObservations(observations, meters);
        this.requests = new RequestObservations(observations, syncs);
        this.gauges = new ConnectorGauges(meters);
    }

    /**
     * An observer reporting to these registries.
     *
     * @param observations where observations go; register a {@code DefaultMeterObservationHandler} on it for
     *                     timers and a tracing handler for spans (Spring Boot does both)
     * @param meters       where the counters and gauges go
     * @return the observer
     */
    public static MicrometerConnectorObserver create(ObservationRegistry observations, MeterRegistry meters) {
        return new MicrometerConnectorObserver(Objects.requireNonNull(observations, "observations"),
                Objects.requireNonNull(meters, "meters"));
    }

    @Override
    public RequestObservation requestStarted(GatewayRequest request) {
        return requests.start(request);
    }

    @Override
    public SyncObservation syncStarted(Feed feed, String dataSpaceId) {
        return syncs.start(feed, dataSpaceId);
    }

    @Override
    public void rateLimiterCreated(String dataSpaceId, DoubleSupplier requestsPerSecond) {
        gauges.limiter(dataSpaceId, requestsPerSecond);
    }

    @Override
    public void circuitBreakerCreated(String endpoint, Supplier<BreakerState> state) {
        gauges.breaker(endpoint, state);
    }

    @Override
    public void itemsInFlight(LongSupplier items) {
        gauges.itemsInFlight(items);
    }

    /** Names the class only. */
    @Override
    public String toString() {
        return "MicrometerConnectorObserver";
    }
}

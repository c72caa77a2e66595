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
 * items, bytes and waits, and gauges of the rate limiters, circuit breakers and items in flight, tagged with the
 * observer's {@linkplain ConnectorMetrics#CLIENT client name} and removed from the registry when the client closes.
 *
 * <pre>{@code
 * CommerceServicesClient.builder()
 *         ...
 *         .observer(MicrometerConnectorObserver.create(observationRegistry, meterRegistry, "production"))
 *         .build();
 * }</pre>
 *
 * <p>Give each client its own observer, and clients open at the same time on one meter registry their own names:
 * gauges of the same name replace each other's, the last registered showing (as when a client is rebuilt before
 * the old one closes). Thread-safe.
 */
public final class MicrometerConnectorObserver implements ConnectorObserver {
    /** The client name of an observer created without one. */
    public static final String DEFAULT_CLIENT = "default";

    private final SyncObservations syncs;
    private final RequestObservations requests;
    private final ConnectorGauges gauges;

    private MicrometerConnectorObserver(ObservationRegistry observations, MeterRegistry meters, String client) {
        this.syncs = new SyncObservations(observations, meters);
        this.requests = new RequestObservations(observations, syncs);
        this.gauges = new ConnectorGauges(meters, client);
    }

    /**
     * An observer reporting to these registries, its gauges tagged with the client name {@value #DEFAULT_CLIENT}.
     *
     * @param observations where observations go; register a {@code DefaultMeterObservationHandler} on it for
     *                     timers and a tracing handler for spans (Spring Boot does both)
     * @param meters       where the counters and gauges go
     * @return the observer
     */
    public static MicrometerConnectorObserver create(ObservationRegistry observations, MeterRegistry meters) {
        return create(observations, meters, DEFAULT_CLIENT);
    }

    /**
     * An observer reporting to these registries, its gauges tagged with this client name.
     *
     * @param observations where observations go; register a {@code DefaultMeterObservationHandler} on it for
     *                     timers and a tracing handler for spans (Spring Boot does both)
     * @param meters       where the counters and gauges go
     * @param client       the value of the gauges' {@link ConnectorMetrics#CLIENT} tag, e.g. the environment; one
     *                     of a few fixed names, never an id made per client
     * @return the observer
     * @throws IllegalArgumentException if the name is blank
     */
    public static MicrometerConnectorObserver create(ObservationRegistry observations, MeterRegistry meters,
            String client) {
        if (Objects.requireNonNull(client, "client").isBlank()) {
            throw new IllegalArgumentException("The observer's client name is blank; give one such as \"sandbox\"");
        }
        return new MicrometerConnectorObserver(Objects.requireNonNull(observations, "observations"),
                Objects.requireNonNull(meters, "meters"), client);
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

    /** Removes the client's gauges from the meter registry; the counters and timers stay, as they do. */
    @Override
    public void clientClosed() {
        gauges.removeAll();
    }

    /** Names the class only. */
    @Override
    public String toString() {
        return "MicrometerConnectorObserver";
    }
}

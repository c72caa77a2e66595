package io.github.commerceconnector.micrometer.internal;

import io.github.commerceconnector.api.observation.BreakerState;
import io.github.commerceconnector.micrometer.ConnectorMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Registers the gauges of a client's live state; each holds its supplier strongly, as nothing else may. */
public final class ConnectorGauges {
    private final MeterRegistry meters;

    /**
     * Gauges in a registry.
     *
     * @param meters where they go
     */
    public ConnectorGauges(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * The rate of a data space's limiter.
     *
     * @param dataSpaceId       the data space
     * @param requestsPerSecond reads the rate
     */
    public void limiter(String dataSpaceId, DoubleSupplier requestsPerSecond) {
        Gauge.builder(ConnectorMetrics.LIMITER_RATE, requestsPerSecond, DoubleSupplier::getAsDouble)
                .tag(ConnectorMetrics.DATA_SPACE, dataSpaceId).baseUnit("requests.per.second")
                .description("The rate a data space's limiter lets catalog requests out at (0: no limit)")
                .strongReference(true).register(meters);
    }

    /**
     * The state of an endpoint's breaker: 0 closed, 1 half open, 2 open.
     *
     * @param endpoint the endpoint
     * @param state    reads the state
     */
    public void breaker(String endpoint, Supplier<BreakerState> state) {
        Gauge.builder(ConnectorMetrics.BREAKER_STATE, state, read -> read.get().ordinal())
                .tag(ConnectorMetrics.ENDPOINT, endpoint)
                .description("The circuit breaker of a gateway endpoint: 0 closed, 1 half open, 2 open")
                .strongReference(true).register(meters);
    }

    /**
     * The items in flight.
     *
     * @param items reads them
     */
    public void itemsInFlight(LongSupplier items) {
        Gauge.builder(ConnectorMetrics.ITEMS_IN_FLIGHT, items, LongSupplier::getAsLong).baseUnit("items")
                .description("Items read and queued for the gateway whose outcome is not recorded yet")
                .strongReference(true).register(meters);
    }
}

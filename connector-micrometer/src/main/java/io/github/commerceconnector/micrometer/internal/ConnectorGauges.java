package io.github.commerceconnector.micrometer.internal;

import io.github.commerceconnector.api.observation.BreakerState;
import io.github.commerceconnector.micrometer.ConnectorMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Registers the gauges of one client's live state, tagged with the client's name, and removes them when the
 * client closes. Each gauge holds its reader strongly, as nothing else may; removal is what lets a closed client
 * go. A gauge already in the registry under the same name and tags (a client of the same name not closed yet, as
 * in a rebuild) gives way to the new one, since a registry keeps the first gauge of an id and ignores the next.
 */
public final class ConnectorGauges {
    private final MeterRegistry meters;
    private final Tags client;
    private final List<Gauge> registered = new ArrayList<>();

    /**
     * Gauges in a registry.
     *
     * @param meters where they go
     * @param client the client's name, the value of their {@link ConnectorMetrics#CLIENT} tag
     */
    public ConnectorGauges(MeterRegistry meters, String client) {
        this.meters = meters;
        this.client = Tags.of(ConnectorMetrics.CLIENT, client);
    }

    /**
     * The rate of a data space's limiter.
     *
     * @param dataSpaceId       the data space
     * @param requestsPerSecond reads the rate
     */
    public void limiter(String dataSpaceId, DoubleSupplier requestsPerSecond) {
        String name = ConnectorMetrics.LIMITER_RATE;
        register(name, Gauge.builder(name, requestsPerSecond, DoubleSupplier::getAsDouble)
                .baseUnit("requests.per.second")
                .description("The rate a data space's limiter lets catalog requests out at (0: no limit)"),
                Tag.of(ConnectorMetrics.DATA_SPACE, dataSpaceId));
    }

    /**
     * The state of an endpoint's breaker: 0 closed, 1 half open, 2 open.
     *
     * @param endpoint the endpoint
     * @param state    reads the state
     */
    public void breaker(String endpoint, Supplier<BreakerState> state) {
        String name = ConnectorMetrics.BREAKER_STATE;
        register(name, Gauge.builder(name, state, read -> read.get().ordinal())
                .description("The circuit breaker of a gateway endpoint: 0 closed, 1 half open, 2 open"),
                Tag.of(ConnectorMetrics.ENDPOINT, endpoint));
    }

    /**
     * The items in flight.
     *
     * @param items reads them
     */
    public void itemsInFlight(LongSupplier items) {
        String name = ConnectorMetrics.ITEMS_IN_FLIGHT;
        register(name, Gauge.builder(name, items, LongSupplier::getAsLong).baseUnit("items")
                .description("Items read and queued for the gateway whose outcome is not recorded yet"));
    }

    /** Removes this client's gauges from the registry, except those a client of the same name has replaced. */
    public synchronized void removeAll() {
        for (Gauge gauge : registered) {
            Meter current = meters.find(gauge.getId().getName()).tags(gauge.getId().getTags()).meter();
            if (current == gauge) {
                meters.remove(gauge);
            }
        }
        registered.clear();
    }

    private synchronized void register(String name, Gauge.Builder<?> builder, Tag... tags) {
        Tags all = client.and(tags);
        Gauge previous = meters.find(name).tags(all).gauge();
        if (previous != null) {
            meters.remove(previous);
            registered.remove(previous);
        }
        registered.add(builder.tags(all).strongReference(true).register(meters));
    }
}

package io.github.commerceconnector.api.observation;

import io.github.commerceconnector.api.catalog.Feed;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Told what a client does, for metrics and traces: each gateway request, each catalog call, once, how to read
 * its live state, and that the client closed. Give one to the client's builder ({@code observer(...)}); the
 * methods are called from the threads that do the work, so keep them quick and thread-safe. All default to doing
 * nothing.
 */
public interface ConnectorObserver {

    /** An observer that ignores everything. */
    ConnectorObserver NONE = new ConnectorObserver() { };

    /**
     * A request is about to go to the gateway (each attempt of a call is one request; a call refused by an open
     * circuit breaker sends none).
     *
     * @param request what is sent, with bounded values and no secret
     * @return told how the request ended
     */
    default RequestObservation requestStarted(GatewayRequest request) {
        return RequestObservation.NONE;
    }

    /**
     * A catalog call ({@code sync}, {@code upsert}, {@code delete}, {@code resync}, {@code retryFailed}) starts
     * on the calling thread.
     *
     * @param feed        the feed
     * @param dataSpaceId the data space it writes to
     * @return told of the call's progress, waits and end, besides the caller's own listener
     */
    default SyncObservation syncStarted(Feed feed, String dataSpaceId) {
        return SyncObservation.NONE;
    }

    /**
     * A data space's rate limiter was created (on its first catalog call).
     *
     * @param dataSpaceId       the data space
     * @param requestsPerSecond reads the rate it currently lets requests out at
     */
    default void rateLimiterCreated(String dataSpaceId, DoubleSupplier requestsPerSecond) {
    }

    /**
     * A gateway endpoint's circuit breaker was created (on the first request to it).
     *
     * @param endpoint the endpoint, e.g. {@code feeds/catalog/v2} or {@code merchant-registry/v1}
     * @param state    reads its current state
     */
    default void circuitBreakerCreated(String endpoint, Supplier<BreakerState> state) {
    }

    /**
     * Called once, when the client is built.
     *
     * @param items reads how many items, over all running catalog calls, were read and queued for the gateway
     *              without their outcome being recorded yet
     */
    default void itemsInFlight(LongSupplier items) {
    }

    /**
     * The client closed: the readers given to {@link #rateLimiterCreated}, {@link #circuitBreakerCreated} and
     * {@link #itemsInFlight} read a closed client from now on. Drop them (e.g. remove the gauges that read them)
     * so that the closed client is neither reported nor kept in memory. Called once, by the client's
     * {@code close()}.
     */
    default void clientClosed() {
    }
}

package io.github.commerceconnector.micrometer.internal;

import io.github.commerceconnector.api.observation.GatewayRequest;
import io.github.commerceconnector.api.observation.RequestObservation;
import io.github.commerceconnector.micrometer.ConnectorMetrics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Starts a {@link ConnectorMetrics#REQUESTS} observation per gateway request, as a child of its catalog call's
 * observation when it sends a feed, and stops it with the reply's status class.
 */
public final class RequestObservations {
    private static final int MAX_ATTEMPT_TAG = 5;

    private final ObservationRegistry registry;
    private final SyncObservations syncs;

    /**
     * Observations in a registry.
     *
     * @param registry where they go
     * @param syncs    the running catalog calls, parents of their feed requests
     */
    public RequestObservations(ObservationRegistry registry, SyncObservations syncs) {
        this.registry = registry;
        this.syncs = syncs;
    }

    /**
     * Starts the observation of a request.
     *
     * @param request the request
     * @return stops it
     */
    public RequestObservation start(GatewayRequest request) {
        Observation observation = Observation.createNotStarted(ConnectorMetrics.REQUESTS, registry)
                .contextualName(request.operation())
                .lowCardinalityKeyValue(ConnectorMetrics.OPERATION, request.operation())
                .lowCardinalityKeyValue(ConnectorMetrics.FEED, request.feed())
                .lowCardinalityKeyValue(ConnectorMetrics.DATA_SPACE, request.dataSpaceId())
                .lowCardinalityKeyValue(ConnectorMetrics.ATTEMPT, attempt(request.attempt()))
                .highCardinalityKeyValue("http.request.method", request.method());
        Observation parent = syncs.running(request.feed(), request.dataSpaceId());
        if (parent != null) {
            observation.parentObservation(parent);
        }
        observation.start();
        return status -> observation.lowCardinalityKeyValue(ConnectorMetrics.STATUS_CLASS, statusClass(status))
                .stop();
    }

    static String attempt(int attempt) {
        return attempt < MAX_ATTEMPT_TAG ? Integer.toString(attempt) : MAX_ATTEMPT_TAG + "+";
    }

    static String statusClass(int status) {
        return status < 100 || status > 599 ? "none" : status / 100 + "xx";
    }
}

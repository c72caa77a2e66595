package io.github.commerceconnector.micrometer.internal;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.observation.GatewayRequest;
import io.github.commerceconnector.api.observation.SyncObservation;
import io.github.commerceconnector.micrometer.ConnectorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts a {@link ConnectorMetrics#SYNC} observation per catalog call and keeps the running ones, one per feed and
 * data space (the state store lets no two calls of a feed write to a data space at once; a second one, refused,
 * does not take the first one's place).
 */
public final class SyncObservations {
    private final ObservationRegistry registry;
    private final MeterRegistry meters;
    private final Map<String, Observation> running = new ConcurrentHashMap<>();

    /**
     * Observations and meters in these registries.
     *
     * @param registry where observations go
     * @param meters   where the call's counters go
     */
    public SyncObservations(ObservationRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
    }

    /**
     * Starts the observation of a catalog call.
     *
     * @param feed        the feed
     * @param dataSpaceId the data space
     * @return follows the call and stops the observation when it ends
     */
    public SyncObservation start(Feed feed, String dataSpaceId) {
        Observation observation = Observation.createNotStarted(ConnectorMetrics.SYNC, registry)
                .contextualName("sync " + feed.name())
                .lowCardinalityKeyValue(ConnectorMetrics.FEED, feed.name())
                .lowCardinalityKeyValue(ConnectorMetrics.DATA_SPACE, dataSpaceId)
                .start();
        String key = key(feed.name(), dataSpaceId);
        running.putIfAbsent(key, observation);
        return new SyncFigures(observation, new SyncMeters(meters, feed.name(), dataSpaceId),
                () -> running.remove(key, observation));
    }

    /**
     * The observation of the catalog call running for a feed and data space.
     *
     * @param feed        the feed's name, or {@link GatewayRequest#NONE}
     * @param dataSpaceId the data space
     * @return its observation, or {@code null} when none runs
     */
    Observation running(String feed, String dataSpaceId) {
        return GatewayRequest.NONE.equals(feed) ? null : running.get(key(feed, dataSpaceId));
    }

    private static String key(String feed, String dataSpaceId) {
        return feed + '\n' + dataSpaceId;
    }
}

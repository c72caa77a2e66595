package io.github.commerceconnector.micrometer.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.observation.GatewayRequest;
import io.github.commerceconnector.api.observation.SyncObservation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

/** The running call of a feed and data space is the parent of its requests until it ends. */
class SyncObservationsTest {
    private final SyncObservations syncs = new SyncObservations(TestObservationRegistry.create(),
            new SimpleMeterRegistry());

    @Test
    void aSecondCallRefusedWhileOneRunsDoesNotTakeItsPlace() {
        syncs.start(Feed.PRODUCTS, "ds-1");
        Observation first = syncs.running("products", "ds-1");

        SyncObservation refused = syncs.start(Feed.PRODUCTS, "ds-1");
        refused.failed(new SyncLockedException("locked"));

        assertSame(first, syncs.running("products", "ds-1"));
    }

    @Test
    void aCallThatEndedIsNoLongerAParentAndRegistryRequestsHaveNone() {
        SyncObservation call = syncs.start(Feed.PRODUCTS, "ds-1");
        call.failed(new IllegalStateException("no data space selected"));

        assertNull(syncs.running("products", "ds-1"));
        assertNull(syncs.running(GatewayRequest.NONE, "ds-1"));
    }
}

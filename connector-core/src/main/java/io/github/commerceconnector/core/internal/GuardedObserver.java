package io.github.commerceconnector.core.internal;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.observation.BreakerState;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.api.observation.GatewayRequest;
import io.github.commerceconnector.api.observation.RequestObservation;
import io.github.commerceconnector.api.observation.SyncObservation;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's observer, kept from harming the work it observes: whatever it throws is logged at WARN (its type
 * only) and ignored, so a failing metrics backend never fails a request or a sync.
 */
public final class GuardedObserver implements ConnectorObserver {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedObserver.class);

    private final ConnectorObserver observer;

    private GuardedObserver(ConnectorObserver observer) {
        this.observer = observer;
    }

    /**
     * Guards an observer.
     *
     * @param observer the user's observer, or null for none
     * @return the guarded observer, or {@link ConnectorObserver#NONE}
     */
    public static ConnectorObserver of(ConnectorObserver observer) {
        return observer == null || observer == ConnectorObserver.NONE ? ConnectorObserver.NONE
                : new GuardedObserver(observer);
    }

    @Override
    public RequestObservation requestStarted(GatewayRequest request) {
        RequestObservation started = guard("requestStarted", () -> observer.requestStarted(request));
        return started == null ? RequestObservation.NONE
                : status -> run("RequestObservation.finished", () -> started.finished(status));
    }

    @Override
    public SyncObservation syncStarted(Feed feed, String dataSpaceId) {
        SyncObservation started = guard("syncStarted", () -> observer.syncStarted(feed, dataSpaceId));
        return started == null ? SyncObservation.NONE : new GuardedSync(started);
    }

    @Override
    public void rateLimiterCreated(String dataSpaceId, DoubleSupplier requestsPerSecond) {
        run("rateLimiterCreated", () -> observer.rateLimiterCreated(dataSpaceId, requestsPerSecond));
    }

    @Override
    public void circuitBreakerCreated(String endpoint, Supplier<BreakerState> state) {
        run("circuitBreakerCreated", () -> observer.circuitBreakerCreated(endpoint, state));
    }

    @Override
    public void itemsInFlight(LongSupplier items) {
        run("itemsInFlight", () -> observer.itemsInFlight(items));
    }

    @Override
    public void clientClosed() {
        run("clientClosed", observer::clientClosed);
    }

    private static <T> T guard(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException failed) {
            LOG.warn("The connector's observer failed in {} ({}); the connector goes on without it", what,
                    failed.getClass().getName());
            return null;
        }
    }

    private static void run(String what, Runnable call) {
        guard(what, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    /** A sync observation whose failures are ignored. */
    private static final class GuardedSync implements SyncObservation {
        private final SyncObservation sync;

        GuardedSync(SyncObservation sync) {
            this.sync = sync;
        }

        @Override
        public void progress(SyncProgress progress) {
            run("SyncObservation.progress", () -> sync.progress(progress));
        }

        @Override
        public void waiting(SyncWait wait) {
            run("SyncObservation.waiting", () -> sync.waiting(wait));
        }

        @Override
        public void resumed(Feed feed, Duration waited) {
            run("SyncObservation.resumed", () -> sync.resumed(feed, waited));
        }

        @Override
        public void finished(SyncReport report) {
            run("SyncObservation.finished", () -> sync.finished(report));
        }

        @Override
        public void failed(RuntimeException failure) {
            run("SyncObservation.failed", () -> sync.failed(failure));
        }
    }
}

package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.internal.http.Backoff;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every delivery of one catalog call's batches shares, whichever threads deliver them: whether the call was
 * stopped and why, the records of each outcome in the sync state (only once the gateway answered), the request
 * counts, how a refusal settles a batch, and how long a batch that failed waits before it is delivered again.
 * Thread-safe.
 */
final class FeedDeliveries {
    private static final Logger LOG = LoggerFactory.getLogger(FeedDeliveries.class);
    /** The backoff between deliveries of a batch that keeps failing: from up to 1 s, doubling, up to 30 s. */
    private static final Backoff DELIVERY_BACKOFF = new Backoff(RetrySettings.defaults()
            .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    /** The shortest wait before probing an endpoint whose breaker refused a call. */
    private static final Duration SHORTEST_PROBE_WAIT = Duration.ofMillis(250);

    /** How a refusal settles a batch. */
    enum Settlement {
        /** Recorded (refused or left retryable), or the call stopped: nothing more to do. */
        DONE,
        /** Send its halves, one after the other. */
        SPLIT,
        /** A retryable refusal: deliver it again after a wait. */
        AGAIN
    }

    private final GatewayCaller caller;
    private final String path;
    private final CatalogSyncSettings settings;
    private final AdaptiveRateLimiter limiter;
    private final FeedSyncState state;
    private final SyncTally tally;
    private final PendingIdentities pending;
    private final Clock clock;
    private final SyncPatience patience;
    private final ThrottleBackoff throttleBackoff;
    private volatile BiConsumer<List<BatchItem>, List<StateChange>> onRecorded = (batch, changes) -> { };
    private volatile RuntimeException failure;

    /**
     * The shared state of one call's deliveries.
     *
     * @param throttleBackoff the least a batch answered {@code 429} waits before its next delivery, beside the
     *                        {@code Retry-After} window: {@link ThrottleBackoff#NONE} when the transport's retries
     *                        back off within each delivery
     */
    FeedDeliveries(GatewayCaller caller, String path, CatalogSyncSettings settings, AdaptiveRateLimiter limiter,
            FeedSyncState state, SyncTally tally, PendingIdentities pending, Clock clock, SyncPatience patience,
            ThrottleBackoff throttleBackoff) {
        this.caller = caller;
        this.path = path;
        this.settings = settings;
        this.limiter = limiter;
        this.state = state;
        this.tally = tally;
        this.pending = pending;
        this.clock = clock;
        this.patience = patience;
        this.throttleBackoff = throttleBackoff;
    }

    String path() {
        return path;
    }

    String feedName() {
        return state.feed().name();
    }

    AdaptiveRateLimiter limiter() {
        return limiter;
    }

    SyncPatience patience() {
        return patience;
    }

    /** What stopped the call, or {@code null} while it goes on. */
    RuntimeException failure() {
        return failure;
    }

    /** Whether the call must stop. */
    boolean stopped() {
        return failure != null;
    }

    /** Stops the call, keeping the first cause. */
    void stop(RuntimeException cause) {
        synchronized (this) {
            if (failure == null) {
                failure = cause;
                return;
            }
        }
        if (failure != cause) {
            LOG.debug("A further failure after the catalog call stopped: {}", cause.toString());
        }
    }

    /** Records that the batch is about to go out, so a crash before its answer leaves it unconfirmed. */
    void markSending(List<BatchItem> batch) {
        List<StateChange> changes = new ArrayList<>(batch.size());
        for (BatchItem item : batch) {
            changes.add(StateChange.sending(item.key(), item.identityHash(), item.contentHash()));
        }
        state.record(changes, clock.instant());
    }

    /** Counts an attempt and tells the limiter and the patience how it went. */
    void observe(int bytes, int status, long retryAfterMillis) {
        tally.requests.incrementAndGet();
        tally.bytesSent.addAndGet(bytes);
        if (status == 429) {
            limiter.throttled(retryAfterMillis);
            patience.waiting(SyncWait.Reason.THROTTLED, limiter.pausedFor(), patience.failingFor());
        } else if (status >= 200 && status < 300) {
            limiter.accepted();
        }
    }

    /**
     * Handles a refusal: records it when it settles the batch (refused, left retryable) or stops the call, and
     * says whether the batch is to be split or delivered again ({@code 429}, {@code 408}, {@code 5xx}).
     */
    Settlement settle(List<BatchItem> batch, ConnectorServiceException e) {
        int status = e.statusCode();
        if (status == 401 || status == 403) {
            stop(e);
        } else if (status == 413 && batch.size() > 1) {
            patience.succeeded();
            LOG.debug("{} items were too many for one request to {} (413): sending halves", batch.size(), path);
            return Settlement.SPLIT;
        } else if ((status == 400 || status == 422) && batch.size() > 1 && settings.splitRejectedBatches()) {
            patience.succeeded();
            LOG.debug("{} refused a batch of {} as a whole ({}): sending halves to find the bad items", path,
                    batch.size(), status);
            return Settlement.SPLIT;
        } else if (status == 400 || status == 422) {
            patience.succeeded();
            rejected(batch, e);
        } else if (status == 413) {
            patience.succeeded();
            retryable(batch, e);
        } else if (!e.isRetryable()) {
            stop(e);
        } else {
            return Settlement.AGAIN;
        }
        return Settlement.DONE;
    }

    /**
     * A delivery failed with a retryable outcome: how long to wait before delivering again (the {@code Retry-After}
     * window, or the throttle backoff when none was asked for, a backoff, or a probe wait after which the open
     * breaker lets a trial through), telling the listener; past the sync deadline, leaves the batch retryable, stops
     * the call and returns {@code null}.
     */
    Duration holdOn(List<BatchItem> batch, SyncWait.Reason reason, ConnectorException cause, int failedDeliveries) {
        Duration failingFor = patience.failed();
        if (patience.exhausted(failingFor)) {
            retryable(batch, cause);
            stop(new PatienceExhausted(reason, failingFor, cause));
            return null;
        }
        Duration expected = switch (reason) {
            case THROTTLED -> throttledWait();
            case BREAKER_OPEN -> probeWait(failedDeliveries);
            case ENDPOINT_FAILING -> DELIVERY_BACKOFF.jittered(failedDeliveries);
        };
        patience.waiting(reason, expected, failingFor);
        Duration left = patience.left(failingFor);
        LOG.debug("{} items to {} wait {} ms before they are sent again ({}: {})", batch.size(), path,
                expected.toMillis(), reason, cause.getMessage());
        return expected.compareTo(left) < 0 ? expected : left;
    }

    /**
     * The {@code Retry-After} window the gateway asked for; when it asked for none (no header, {@code 0}, a date
     * already past), the throttle backoff by the data space's {@code 429}s in a row.
     */
    private Duration throttledWait() {
        Duration window = limiter.pausedFor();
        return window.isZero() ? throttleBackoff.after(limiter.throttledInARow()) : window;
    }

    /**
     * How long to wait before probing an endpoint whose breaker is open: one interval of the data space's rate,
     * doubling with each delivery of the batch that failed, and never longer than the breaker's open period. So a
     * gateway that answers most requests is probed again at the sync's own pace, and a dead one ever more rarely.
     */
    private Duration probeWait(int failedDeliveries) {
        double rate = limiter.rate() > 0 ? limiter.rate() : settings.requestsPerSecond();
        long intervalMillis = rate > 0 ? Math.round(1000 / rate) : SHORTEST_PROBE_WAIT.toMillis();
        Duration wait = Duration.ofMillis(Math.max(SHORTEST_PROBE_WAIT.toMillis(), intervalMillis))
                .multipliedBy(1L << Math.min(Math.max(failedDeliveries - 1, 0), 16));
        Duration open = caller.untilPermitted(path);
        return open.compareTo(wait) < 0 ? (open.compareTo(SHORTEST_PROBE_WAIT) < 0 ? SHORTEST_PROBE_WAIT : open)
                : wait;
    }

    /** Records the gateway's answer to a batch: refused items with its reasons, the rest accepted or deleted. */
    void answered(List<BatchItem> batch, Map<Integer, FeedReply.Refusal> refusals) {
        List<StateChange> changes = new ArrayList<>(batch.size());
        int accepted = 0;
        int deletes = 0;
        for (int i = 0; i < batch.size(); i++) {
            BatchItem item = batch.get(i);
            FeedReply.Refusal refusal = refusals.get(i);
            if (refusal != null) {
                changes.add(StateChange.rejected(item.key(), item.identityHash(), item.contentHash(),
                        refusal.message()));
            } else if (item.delete()) {
                changes.add(settings.deletedRetention().isZero() ? StateChange.removed(item.key(), item.identityHash())
                        : StateChange.accepted(item.key(), item.identityHash(), StateChange.DELETE_CONTENT));
                deletes++;
            } else {
                changes.add(StateChange.accepted(item.key(), item.identityHash(), item.contentHash()));
                accepted++;
            }
        }
        record(batch, changes);
        tally.sent.addAndGet(accepted);
        tally.deleted.addAndGet(deletes);
        for (Map.Entry<Integer, FeedReply.Refusal> refusal : refusals.entrySet()) {
            BatchItem item = batch.get(refusal.getKey());
            tally.reject(new RejectedItem(item.key(), refusal.getValue().message(), refusal.getValue().code(),
                    refusal.getValue().field(), item.position()));
        }
    }

    private void rejected(List<BatchItem> batch, ConnectorServiceException e) {
        List<StateChange> changes = new ArrayList<>(batch.size());
        for (BatchItem item : batch) {
            changes.add(StateChange.rejected(item.key(), item.identityHash(), item.contentHash(), e.getMessage()));
        }
        record(batch, changes);
        String code = e.errorCode().orElse("HTTP_" + e.statusCode());
        for (BatchItem item : batch) {
            tally.reject(new RejectedItem(item.key(), e.getMessage(), code, null, item.position()));
        }
    }

    /** Leaves a batch retryable, with its payload, so that {@code retryFailed} or the next call sends it. */
    void retryable(List<BatchItem> batch, RuntimeException cause) {
        List<StateChange> changes = new ArrayList<>(batch.size());
        for (BatchItem item : batch) {
            changes.add(StateChange.retryable(item.key(), item.identityHash(), item.contentHash(), item.json()));
        }
        record(batch, changes);
        tally.retryable.addAndGet(batch.size());
        LOG.warn("{} items to {} are left retryable: {}", batch.size(), path,
                cause == null ? "the call stopped" : cause.getMessage());
    }

    private void record(List<BatchItem> batch, List<StateChange> changes) {
        state.record(changes, clock.instant());
        for (BatchItem item : batch) {
            pending.remove(item.identityHash());
        }
        onRecorded.accept(batch, changes);
    }

    /**
     * Tells a listener, on the sender's thread, of each batch's outcomes once recorded (a resync's checkpoint).
     *
     * @param listener given the items and their changes, in the same order
     */
    void onRecorded(BiConsumer<List<BatchItem>, List<StateChange>> listener) {
        this.onRecorded = listener;
    }

    /** The feed of the call. */
    Feed feed() {
        return state.feed();
    }
}

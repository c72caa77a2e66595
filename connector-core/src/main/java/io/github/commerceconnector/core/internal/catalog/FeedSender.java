package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.internal.http.Backoff;
import io.github.commerceconnector.core.internal.http.GatewayCall;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
import io.github.commerceconnector.core.internal.http.RequestLabel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the batches of one catalog call and records each outcome in the sync state, only once the gateway
 * answered: accepted items (and deletes) after its {@code 200}, refused ones with the gateway's reason,
 * retryable ones with their payload. At most {@code maxInFlight} batches are in flight; {@link #submit}
 * blocks the reading thread until a sender is free, so nothing is buffered without bound. Every attempt of every
 * request waits at the data space's {@link AdaptiveRateLimiter} (the caller passes it through the limiter, its own
 * retries included); while the endpoint's circuit breaker is not closed (recovering), requests go one at a time,
 * so that the breaker's trial calls are not raced by refusals.
 *
 * <p>Outcomes: {@code 200} with {@code invalidFeedItems} (those refused, the rest accepted); {@code 400} or
 * {@code 422} for the whole request (split in halves to isolate the bad items, then refused); {@code 413}
 * (split in halves, a single item left retryable); {@code 401}/{@code 403} and any other refusal stop the call,
 * recording nothing for the batch. A batch that failed after the transport's retries ({@code 429}, {@code 408},
 * {@code 5xx}, I/O errors, timeouts) or that an open circuit breaker held back is kept and sent again, after the
 * {@code Retry-After} window, a backoff, or a probe wait (one interval of the data space's rate, doubling with each
 * failed delivery, at most the breaker's open period; the probe then goes out as the breaker's trial), for as long
 * as the {@link SyncPatience} allows; past the sync deadline its items are left retryable and the call stops.
 */
final class FeedSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSender.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** The backoff between deliveries of a batch that keeps failing: from up to 1 s, doubling, up to 30 s. */
    private static final Backoff DELIVERY_BACKOFF = new Backoff(RetrySettings.defaults()
            .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    /** The shortest wait before probing an endpoint whose breaker refused a call. */
    private static final Duration SHORTEST_PROBE_WAIT = Duration.ofMillis(250);

    private final GatewayCaller caller;
    private final String path;
    private final RequestLabel label;
    private final Map<String, String> headers;
    private final CatalogSyncSettings settings;
    private final AdaptiveRateLimiter limiter;
    private final FeedSyncState state;
    private final SyncTally tally;
    private final Set<Long> pending;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final Semaphore probe = new Semaphore(1);
    private final Runnable afterBatch;
    private final SyncPatience patience;
    private volatile RuntimeException failure;
    private volatile BiConsumer<List<BatchItem>, List<StateChange>> onRecorded = (batch, changes) -> { };

    /**
     * A sender for one call.
     *
     * @param path       the feed route and data space, e.g. {@code feeds/catalog/v2/products/<id>}
     * @param label      the feed and data space, as observers are told of each request
     * @param headers    the extra request headers (content type and encoding, connector metadata)
     * @param pending    identities queued but not yet recorded; the sender removes them once recorded
     * @param patience   how long the call keeps trying while the gateway fails it
     * @param afterBatch called on the sender's thread after each batch's outcome is recorded (progress)
     */
    FeedSender(GatewayCaller caller, String path, RequestLabel label, Map<String, String> headers,
            CatalogSyncSettings settings,
            AdaptiveRateLimiter limiter, FeedSyncState state, SyncTally tally, Set<Long> pending, Clock clock,
            Sleeper sleeper, SyncPatience patience, Runnable afterBatch) {
        this.caller = caller;
        this.path = path;
        this.label = label;
        this.headers = Map.copyOf(headers);
        this.settings = settings;
        this.limiter = limiter;
        this.state = state;
        this.tally = tally;
        this.pending = pending;
        this.clock = clock;
        this.sleeper = sleeper;
        this.afterBatch = afterBatch;
        this.patience = patience;
        this.slots = new Semaphore(settings.maxInFlightFor(state.feed()));
        String name = "catalog-sync-" + state.feed().name() + "-";
        this.workers = Executors.newFixedThreadPool(settings.maxInFlightFor(state.feed()), task -> {
            Thread thread = new Thread(task, name + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Tells a listener, on the sender's thread, of each batch's outcomes once recorded (a resync's checkpoint).
     *
     * @param listener given the items and their changes, in the same order
     */
    void onRecorded(BiConsumer<List<BatchItem>, List<StateChange>> listener) {
        this.onRecorded = listener;
    }

    /** What stopped the call, or {@code null} while it goes on. */
    RuntimeException failure() {
        return failure;
    }

    /** Whether the call must stop reading its input. */
    boolean stopped() {
        return failure != null;
    }

    /**
     * Hands a batch to a free sender, waiting for one.
     *
     * @param whileWaiting called every progress interval while no sender is free
     * @throws InterruptedException if the reading thread is interrupted while waiting
     */
    void submit(List<BatchItem> batch, Runnable whileWaiting) throws InterruptedException {
        while (!slots.tryAcquire(settings.progressInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            whileWaiting.run();
        }
        if (stopped()) {
            slots.release();
            return;
        }
        workers.execute(() -> {
            try {
                if (!stopped()) {
                    markSending(batch);
                    deliver(batch);
                    afterBatch.run();
                }
            } catch (RuntimeException | Error e) {
                stop(e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Sending a batch failed: " + e, e));
            } finally {
                slots.release();
            }
        });
    }

    /**
     * Waits until every batch handed over has finished.
     *
     * @throws InterruptedException if the reading thread is interrupted while waiting
     */
    void awaitIdle(Runnable whileWaiting) throws InterruptedException {
        int all = settings.maxInFlightFor(state.feed());
        while (!slots.tryAcquire(all, settings.progressInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            whileWaiting.run();
        }
        slots.release(all);
    }

    /**
     * Lets the batches in flight finish (each within the caller's call deadline; they are not interrupted,
     * so their outcomes are recorded) and stops the senders.
     */
    @Override
    public void close() {
        workers.shutdown();
        awaitTermination();
    }

    private void awaitTermination() {
        boolean interrupted = false;
        while (true) {
            try {
                if (workers.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
                LOG.info("Still waiting for catalog requests in flight to {} to finish", path);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop(RuntimeException cause) {
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
    private void markSending(List<BatchItem> batch) {
        List<StateChange> changes = new ArrayList<>(batch.size());
        for (BatchItem item : batch) {
            changes.add(StateChange.sending(item.key(), item.identityHash(), item.contentHash()));
        }
        state.record(changes, clock.instant());
    }

    /**
     * Delivers a batch: until the gateway settles it, the call stops, or the sync deadline passes. A batch that the
     * stop of the call finds waiting is kept retryable when the deadline stopped it, and otherwise left as it was
     * marked before sending (unconfirmed: the next call sends it again), so that refused keys record nothing.
     */
    private void deliver(List<BatchItem> batch) {
        byte[] body = RequestBody.encode(batch, settings.gzip(), settings.gzipLevel());
        int failedDeliveries = 0;
        while (!stopped()) {
            AtomicInteger attempts = new AtomicInteger();
            GatewayCall call = new GatewayCall("POST", path, headers, body, GatewayCall.RetryPolicy.IDEMPOTENT,
                    (attempt, status, retryAfterMillis) -> {
                        attempts.incrementAndGet();
                        observe(body.length, status, retryAfterMillis);
                    }, limiter, label);
            TransportResponse response;
            try {
                response = send(call);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                retryable(batch, new ConnectorClientException("Interrupted before sending to " + path, e, true));
                return;
            } catch (AuthenticationException e) {
                stop(e);
                return;
            } catch (ConnectorServiceException e) {
                if (!settled(batch, e) && holdOn(batch, e.statusCode() == 429 ? SyncWait.Reason.THROTTLED
                        : SyncWait.Reason.ENDPOINT_FAILING, e, ++failedDeliveries)) {
                    continue;
                }
                return;
            } catch (ConnectorClientException e) {
                if (!e.isRetryable()) {
                    stop(e);
                } else if (holdOn(batch, attempts.get() == 0 ? SyncWait.Reason.BREAKER_OPEN
                        : SyncWait.Reason.ENDPOINT_FAILING, e, ++failedDeliveries)) {
                    continue;
                }
                return;
            }
            patience.succeeded();
            answered(batch, FeedReply.refusals(response, batch.size()));
            return;
        }
        if (failure instanceof PatienceExhausted) {
            retryable(batch, failure);
        }
    }

    /** Sends, one request at a time while the endpoint is recovering; the call's gate paces every attempt. */
    private TransportResponse send(GatewayCall call) throws InterruptedException {
        if (caller.isHealthy(path)) {
            return caller.call(call);
        }
        probe.acquire();
        try {
            return caller.call(call);
        } finally {
            probe.release();
        }
    }

    /**
     * A delivery failed with a retryable outcome: waits (the {@code Retry-After} window, a backoff, or a probe wait
     * after which the open breaker lets a trial through), telling the listener, and says to deliver again; past the
     * sync deadline, leaves the batch retryable, stops the call and says not to.
     */
    private boolean holdOn(List<BatchItem> batch, SyncWait.Reason reason, ConnectorException cause,
            int failedDeliveries) {
        Duration failingFor = patience.failed();
        if (patience.exhausted(failingFor)) {
            retryable(batch, cause);
            stop(new PatienceExhausted(reason, failingFor, cause));
            return false;
        }
        Duration expected = switch (reason) {
            case THROTTLED -> limiter.pausedFor();
            case BREAKER_OPEN -> probeWait(failedDeliveries);
            case ENDPOINT_FAILING -> DELIVERY_BACKOFF.jittered(failedDeliveries);
        };
        patience.waiting(reason, expected, failingFor);
        Duration left = patience.left(failingFor);
        LOG.debug("{} items to {} wait {} ms before they are sent again ({}: {})", batch.size(), path,
                expected.toMillis(), reason, cause.getMessage());
        try {
            sleeper.sleep(expected.compareTo(left) < 0 ? expected : left);
            if (reason == SyncWait.Reason.BREAKER_OPEN) {
                caller.allowTrial(path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryable(batch, cause);
            stop(new ConnectorClientException("The catalog call to " + path + " was interrupted while it waited for "
                    + "the gateway; the items in flight are kept retryable", e, true));
            return false;
        }
        return true;
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

    private void observe(int bytes, int status, long retryAfterMillis) {
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
     * Handles a refusal that settles the batch (split, rejected, left retryable, or the call stopped) and says
     * whether it did; a retryable refusal ({@code 429}, {@code 408}, {@code 5xx}) does not settle it.
     */
    private boolean settled(List<BatchItem> batch, ConnectorServiceException e) {
        int status = e.statusCode();
        if (status == 401 || status == 403) {
            stop(e);
        } else if (status == 413 && batch.size() > 1) {
            patience.succeeded();
            LOG.debug("{} items were too many for one request to {} (413): sending halves", batch.size(), path);
            split(batch);
        } else if ((status == 400 || status == 422) && batch.size() > 1 && settings.splitRejectedBatches()) {
            patience.succeeded();
            LOG.debug("{} refused a batch of {} as a whole ({}): sending halves to find the bad items", path,
                    batch.size(), status);
            split(batch);
        } else if (status == 400 || status == 422) {
            patience.succeeded();
            rejected(batch, e);
        } else if (status == 413) {
            patience.succeeded();
            retryable(batch, e);
        } else if (!e.isRetryable()) {
            stop(e);
        } else {
            return false;
        }
        return true;
    }

    private void split(List<BatchItem> batch) {
        int half = batch.size() / 2;
        deliver(batch.subList(0, half));
        if (!stopped()) {
            deliver(batch.subList(half, batch.size()));
        }
    }

    private void answered(List<BatchItem> batch, Map<Integer, FeedReply.Refusal> refusals) {
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

    private void retryable(List<BatchItem> batch, RuntimeException cause) {
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
}

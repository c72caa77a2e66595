package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.http.GatewayCall;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the batches of one catalog call and records each outcome in the sync state, only once the gateway
 * answered: accepted items (and deletes) after its {@code 200}, refused ones with the gateway's reason,
 * retryable ones with their payload. At most {@code maxInFlight} batches are in flight; {@link #submit}
 * blocks the reading thread until a sender is free, so nothing is buffered without bound. Every request
 * waits for its slot of the data space's {@link AdaptiveRateLimiter}.
 *
 * <p>Outcomes: {@code 200} with {@code invalidFeedItems} (those refused, the rest accepted); {@code 400} or
 * {@code 422} for the whole request (split in halves to isolate the bad items, then refused); {@code 413}
 * (split in halves, a single item left retryable); {@code 429} after the transport's retries (sent again up to
 * {@code throttledAttempts} times at the limiter's pace, then retryable); a batch the caller refused without
 * sending it (an open circuit breaker: sent again after a pause, up to {@code throttledAttempts} times, then
 * retryable); {@code 408}, {@code 5xx}, I/O errors and timeouts (retryable); {@code 401}/{@code 403} and any other refusal stop the call, recording nothing
 * for the batch.
 */
final class FeedSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSender.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Duration NOT_SENT_PAUSE = Duration.ofSeconds(1);

    private final GatewayCaller caller;
    private final String path;
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
    private final Runnable afterBatch;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile RuntimeException failure;

    /**
     * A sender for one call.
     *
     * @param path    the feed route and data space, e.g. {@code feeds/catalog/v2/products/<id>}
     * @param headers the extra request headers (content type and encoding, connector metadata)
     * @param pending    identities queued but not yet recorded; the sender removes them once recorded
     * @param afterBatch called on the sender's thread after each batch's outcome is recorded (progress)
     */
    FeedSender(GatewayCaller caller, String path, Map<String, String> headers, CatalogSyncSettings settings,
            AdaptiveRateLimiter limiter, FeedSyncState state, SyncTally tally, Set<Long> pending, Clock clock,
            Sleeper sleeper, Runnable afterBatch) {
        this.caller = caller;
        this.path = path;
        this.headers = Map.copyOf(headers);
        this.settings = settings;
        this.limiter = limiter;
        this.state = state;
        this.tally = tally;
        this.pending = pending;
        this.clock = clock;
        this.sleeper = sleeper;
        this.afterBatch = afterBatch;
        this.slots = new Semaphore(settings.maxInFlight());
        String name = "catalog-sync-" + state.feed().name() + "-";
        this.workers = Executors.newFixedThreadPool(settings.maxInFlight(), task -> {
            Thread thread = new Thread(task, name + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
                    deliver(batch, 0);
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
        int all = settings.maxInFlight();
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

    private void deliver(List<BatchItem> batch, int resends) {
        byte[] body = RequestBody.encode(batch, settings.gzip(), settings.gzipLevel());
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryable(batch, new ConnectorClientException("Interrupted before sending to " + path, e, true));
            return;
        }
        AtomicInteger attempts = new AtomicInteger();
        GatewayCall call = new GatewayCall("POST", path, headers, body, GatewayCall.RetryPolicy.IDEMPOTENT,
                (attempt, status, retryAfterMillis) -> {
                    attempts.incrementAndGet();
                    observe(body.length, status, retryAfterMillis);
                });
        TransportResponse response;
        try {
            response = caller.call(call);
        } catch (AuthenticationException e) {
            stop(e);
            return;
        } catch (ConnectorServiceException e) {
            refused(batch, resends, e);
            return;
        } catch (ConnectorClientException e) {
            if (e.isRetryable() && attempts.get() == 0 && resends < settings.throttledAttempts()) {
                notSent(batch, resends, e);
            } else if (e.isRetryable()) {
                retryable(batch, e);
            } else {
                stop(e);
            }
            return;
        }
        answered(batch, FeedReply.refusals(response, batch.size()));
    }

    /**
     * The caller refused the batch without sending it (an open circuit breaker): waits a little, doubling
     * each time, and tries again.
     */
    private void notSent(List<BatchItem> batch, int resends, ConnectorClientException cause) {
        Duration pause = NOT_SENT_PAUSE.multipliedBy(1L << resends);
        LOG.debug("{} items to {} were not sent ({}); trying again in {} ms", batch.size(), path, cause.getMessage(),
                pause.toMillis());
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryable(batch, cause);
            return;
        }
        deliver(batch, resends + 1);
    }

    private void observe(int bytes, int status, long retryAfterMillis) {
        tally.requests.incrementAndGet();
        tally.bytesSent.addAndGet(bytes);
        if (status == 429) {
            limiter.throttled(retryAfterMillis);
        } else if (status >= 200 && status < 300) {
            limiter.accepted();
        }
    }

    private void refused(List<BatchItem> batch, int resends, ConnectorServiceException e) {
        int status = e.statusCode();
        if (status == 401 || status == 403) {
            stop(e);
        } else if (status == 413 && batch.size() > 1) {
            LOG.debug("{} items were too many for one request to {} (413): sending halves", batch.size(), path);
            split(batch);
        } else if ((status == 400 || status == 422) && batch.size() > 1 && settings.splitRejectedBatches()) {
            LOG.debug("{} refused a batch of {} as a whole ({}): sending halves to find the bad items", path,
                    batch.size(), status);
            split(batch);
        } else if (status == 400 || status == 422) {
            rejected(batch, e);
        } else if (status == 429 && resends < settings.throttledAttempts()) {
            deliver(batch, resends + 1);
        } else if (status == 413 || e.isRetryable()) {
            retryable(batch, e);
        } else {
            stop(e);
        }
    }

    private void split(List<BatchItem> batch) {
        int half = batch.size() / 2;
        deliver(batch.subList(0, half), 0);
        if (!stopped()) {
            deliver(batch.subList(half, batch.size()), 0);
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
                changes.add(StateChange.removed(item.key(), item.identityHash()));
                deletes++;
            } else {
                changes.add(StateChange.accepted(item.key(), item.identityHash(), item.contentHash()));
                accepted++;
            }
        }
        record(batch, changes);
        failuresInARow.set(0);
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
        failuresInARow.set(0);
        String code = e.errorCode().orElse("HTTP_" + e.statusCode());
        for (BatchItem item : batch) {
            tally.reject(new RejectedItem(item.key(), e.getMessage(), code, null, item.position()));
        }
    }

    private void retryable(List<BatchItem> batch, ConnectorException cause) {
        List<StateChange> changes = new ArrayList<>(batch.size());
        for (BatchItem item : batch) {
            changes.add(StateChange.retryable(item.key(), item.identityHash(), item.contentHash(), item.json()));
        }
        record(batch, changes);
        tally.retryable.addAndGet(batch.size());
        LOG.warn("{} items to {} are left retryable: {}", batch.size(), path, cause.getMessage());
        if (failuresInARow.incrementAndGet() >= settings.maxConsecutiveFailures()) {
            stop(new ConnectorClientException("The gateway failed " + settings.maxConsecutiveFailures()
                    + " catalog requests to " + path + " in a row (last: " + cause.getMessage() + "). The call "
                    + "stopped reading its input; nothing is lost: the failed items are kept as retryable, so "
                    + "run retryFailed or the sync again later.", cause, true));
        }
    }

    private void record(List<BatchItem> batch, List<StateChange> changes) {
        state.record(changes, clock.instant());
        for (BatchItem item : batch) {
            pending.remove(item.identityHash());
        }
    }
}

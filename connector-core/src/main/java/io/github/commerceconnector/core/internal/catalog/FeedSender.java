package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.http.GatewayCall;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
import io.github.commerceconnector.core.internal.http.RequestLabel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * encodes the batch's body, then blocks the reading thread until a sender is free, so nothing is buffered without
 * bound. Every attempt of every
 * request waits at the data space's {@link AdaptiveRateLimiter} (the caller passes it through the limiter, its own
 * retries included); while the endpoint's circuit breaker is not closed (recovering), requests go one at a time,
 * so that the breaker's trial calls are not raced by refusals. This is the sender of a client without a shared
 * runtime: each call has {@code maxInFlight} threads of its own, which wait (for the limiter, the backoffs) while
 * they hold their batch; on a runtime, {@link PacedFeedSender} holds no thread while a batch waits.
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
final class FeedSender implements BatchSender {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSender.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final GatewayCaller caller;
    private final String path;
    private final RequestLabel label;
    private final Map<String, String> headers;
    private final CatalogSyncSettings settings;
    private final AdaptiveRateLimiter limiter;
    private final FeedDeliveries deliveries;
    private final Sleeper sleeper;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final Semaphore probe = new Semaphore(1);
    private final Runnable afterBatch;
    private final SyncPatience patience;
    /**
     * Encodes each batch's body on the reading thread before it waits for a free sender, so that the gzip runs
     * while the batches in flight are being answered instead of after; freed at {@link #close}.
     */
    private final RequestBody.Encoder callerEncoder;

    /**
     * A sender for one call.
     *
     * @param label      the feed and data space, as observers are told of each request
     * @param headers    the extra request headers (content type and encoding, connector metadata)
     * @param deliveries the call's shared delivery state: path, limiter, patience, outcome records
     * @param afterBatch called on the sender's thread after each batch's outcome is recorded (progress)
     */
    FeedSender(GatewayCaller caller, RequestLabel label, Map<String, String> headers, CatalogSyncSettings settings,
            FeedDeliveries deliveries, Sleeper sleeper, Runnable afterBatch) {
        this.caller = caller;
        this.path = deliveries.path();
        this.label = label;
        this.headers = Map.copyOf(headers);
        this.settings = settings;
        this.limiter = deliveries.limiter();
        this.deliveries = deliveries;
        this.sleeper = sleeper;
        this.afterBatch = afterBatch;
        this.patience = deliveries.patience();
        this.slots = new Semaphore(settings.maxInFlightFor(deliveries.feed()));
        this.callerEncoder = RequestBody.ownEncoder(settings.gzipLevel());
        String name = "catalog-sync-" + deliveries.feedName() + "-";
        this.workers = Executors.newFixedThreadPool(settings.maxInFlightFor(deliveries.feed()), task -> {
            Thread thread = new Thread(task, name + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public FeedDeliveries deliveries() {
        return deliveries;
    }

    /** Hands a batch to a free sender thread, waiting for one. */
    @Override
    public void submit(List<BatchItem> batch, Runnable whileWaiting) throws InterruptedException {
        byte[] body = callerEncoder.encode(batch, settings.gzip());
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
                    deliveries.markSending(batch);
                    deliver(batch, body);
                    afterBatch.run();
                }
            } catch (RuntimeException | Error e) {
                deliveries.stop(e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Sending a batch failed: " + e, e));
            } finally {
                slots.release();
            }
        });
    }

    @Override
    public void awaitIdle(Runnable whileWaiting) throws InterruptedException {
        int all = settings.maxInFlightFor(deliveries.feed());
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
        callerEncoder.close();
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

    /**
     * Delivers a batch: until the gateway settles it, the call stops, or the sync deadline passes. A batch that the
     * stop of the call finds waiting is kept retryable when the deadline stopped it, and otherwise left as it was
     * marked before sending (unconfirmed: the next call sends it again), so that refused keys record nothing.
     */
    private void deliver(List<BatchItem> batch) {
        deliver(batch, RequestBody.encode(batch, settings.gzip(), settings.gzipLevel()));
    }

    private void deliver(List<BatchItem> batch, byte[] body) {
        int failedDeliveries = 0;
        while (!stopped()) {
            AtomicInteger attempts = new AtomicInteger();
            GatewayCall call = new GatewayCall("POST", path, headers, body, GatewayCall.RetryPolicy.IDEMPOTENT,
                    (attempt, status, retryAfterMillis) -> {
                        attempts.incrementAndGet();
                        deliveries.observe(body.length, status, retryAfterMillis);
                    }, limiter, label);
            TransportResponse response;
            try {
                response = send(call);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                deliveries.retryable(batch, new ConnectorClientException("Interrupted before sending to " + path, e,
                        true));
                return;
            } catch (AuthenticationException e) {
                deliveries.stop(e);
                return;
            } catch (ConnectorServiceException e) {
                FeedDeliveries.Settlement settlement = deliveries.settle(batch, e);
                if (settlement == FeedDeliveries.Settlement.SPLIT) {
                    split(batch);
                } else if (settlement == FeedDeliveries.Settlement.AGAIN && holdOn(batch, e.statusCode() == 429
                        ? SyncWait.Reason.THROTTLED : SyncWait.Reason.ENDPOINT_FAILING, e, ++failedDeliveries)) {
                    continue;
                }
                return;
            } catch (ConnectorClientException e) {
                if (!e.isRetryable()) {
                    deliveries.stop(e);
                } else if (holdOn(batch, attempts.get() == 0 ? SyncWait.Reason.BREAKER_OPEN
                        : SyncWait.Reason.ENDPOINT_FAILING, e, ++failedDeliveries)) {
                    continue;
                }
                return;
            }
            patience.succeeded();
            deliveries.answered(batch, FeedReply.refusals(response, batch.size()));
            return;
        }
        if (failure() instanceof PatienceExhausted) {
            deliveries.retryable(batch, failure());
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
     * A delivery failed with a retryable outcome: waits as {@link FeedDeliveries#holdOn} says, then lets the open
     * breaker's trial through after a probe wait, and says to deliver again; past the sync deadline says not to.
     */
    private boolean holdOn(List<BatchItem> batch, SyncWait.Reason reason, ConnectorException cause,
            int failedDeliveries) {
        Duration wait = deliveries.holdOn(batch, reason, cause, failedDeliveries);
        if (wait == null) {
            return false;
        }
        try {
            sleeper.sleep(wait);
            if (reason == SyncWait.Reason.BREAKER_OPEN) {
                caller.allowTrial(path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliveries.retryable(batch, cause);
            deliveries.stop(new ConnectorClientException("The catalog call to " + path + " was interrupted while it "
                    + "waited for the gateway; the items in flight are kept retryable", e, true));
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
}

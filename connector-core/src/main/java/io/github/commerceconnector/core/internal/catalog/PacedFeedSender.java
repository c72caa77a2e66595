package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.http.GatewayCall;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
import io.github.commerceconnector.core.internal.http.RequestGate;
import io.github.commerceconnector.core.internal.http.RequestLabel;
import io.github.commerceconnector.core.internal.runtime.RuntimeResources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sender of a catalog call on a shared runtime: the same outcomes as {@link FeedSender} (see there), but a batch
 * holds a thread of the runtime's sending pool only while its request is sent and its outcome recorded. Each
 * delivery is one request (the caller does not retry it): it waits for its start slot at the data space's limiter,
 * and after a retryable failure for the {@code Retry-After} window, a backoff or a probe wait, on the runtime's
 * timer, then runs again on the sending pool. While the endpoint's breaker is not closed, the call's requests take
 * turns, queued without a thread. At most {@code maxInFlight} batches of the call and the runtime's
 * {@code maxRequestsInFlight} of all calls wait or are in flight; {@link #submit} blocks the reading thread
 * beyond either (backpressure), and a call in steps parks its next batch ({@link #offer}), which the release of a
 * place starts on the releasing thread. If the runtime is closed, the call stops with the runtime's exception and its
 * unanswered batches stay unconfirmed (the next call sends them again).
 */
final class PacedFeedSender implements SteppedSender {
    /** The gate of a request whose start slot was already waited for: it passes at once. */
    private static final RequestGate PASSED = notBefore -> { };
    /** How often a waiting reading thread checks whether the runtime was closed. */
    private static final long POLL_MILLIS = 100;
    /** How soon a parked batch is tried again when the runtime's requests, not the call's own, are all taken. */
    private static final long RUNTIME_FULL_RETRY_MILLIS = 10;

    private final GatewayCaller caller;
    private final String path;
    private final RequestLabel label;
    private final Map<String, String> headers;
    private final CatalogSyncSettings settings;
    private final AdaptiveRateLimiter limiter;
    private final FeedDeliveries deliveries;
    private final RuntimeResources runtime;
    private final Runnable afterBatch;
    private final Semaphore slots;
    private final int maxInFlight;
    private final Turns probe;
    private final AtomicReference<Parked> parked = new AtomicReference<>();
    private final AtomicReference<Runnable> idleWaiter = new AtomicReference<>();

    /**
     * A sender for one call on a runtime.
     *
     * @param label      the feed and data space, as observers are told of each request
     * @param headers    the extra request headers (content type and encoding, connector metadata)
     * @param deliveries the call's shared delivery state: path, limiter, patience, outcome records
     * @param runtime    the pools and timer to run on
     * @param afterBatch called on a sending thread after each batch's outcome is recorded (progress)
     */
    PacedFeedSender(GatewayCaller caller, RequestLabel label, Map<String, String> headers,
            CatalogSyncSettings settings, FeedDeliveries deliveries, RuntimeResources runtime, Runnable afterBatch) {
        this.caller = caller;
        this.path = deliveries.path();
        this.label = label;
        this.headers = Map.copyOf(headers);
        this.settings = settings;
        this.limiter = deliveries.limiter();
        this.deliveries = deliveries;
        this.runtime = runtime;
        this.afterBatch = afterBatch;
        this.maxInFlight = settings.maxInFlightFor(deliveries.feed());
        this.slots = new Semaphore(maxInFlight);
        this.probe = new Turns(runtime);
    }

    @Override
    public FeedDeliveries deliveries() {
        return deliveries;
    }

    @Override
    public void submit(List<BatchItem> batch, Runnable whileWaiting) throws InterruptedException {
        if (!await(() -> slots.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS), whileWaiting)) {
            return;
        }
        boolean permitted = false;
        try {
            permitted = await(() -> runtime.tryAcquireRequest(POLL_MILLIS), whileWaiting);
        } finally {
            if (!permitted) {
                slots.release();
            }
        }
        if (permitted) {
            start(batch);
        }
    }

    @Override
    public void offer(List<BatchItem> batch, Runnable resume) {
        parked.set(new Parked(batch, resume));
        startParked();
    }

    @Override
    public boolean hasParked() {
        return parked.get() != null;
    }

    /**
     * Starts the parked batch if its places are free now, taking them before unparking it (so the call never looks
     * idle in between), then resumes its call. A place taken by another batch meanwhile is left to its release; the
     * runtime's places being what is missing, the timer tries again shortly.
     */
    private void startParked() {
        if (parked.get() == null || !slots.tryAcquire()) {
            return;
        }
        boolean permitted;
        try {
            permitted = runtime.tryAcquireRequestNow();
        } catch (ConnectorClientException closed) {
            slots.release();
            deliveries.stop(closed);
            resumeParked(parked.getAndSet(null));
            return;
        }
        if (!permitted) {
            slots.release();
            retryParkedLater();
            return;
        }
        Parked waiting = parked.getAndSet(null);
        if (waiting == null) {
            release();
            return;
        }
        start(waiting.batch());
        resumeParked(waiting);
    }

    private static void resumeParked(Parked waiting) {
        if (waiting != null) {
            waiting.resume().run();
        }
    }

    private void retryParkedLater() {
        try {
            runtime.prepareStepAfter(RUNTIME_FULL_RETRY_MILLIS, this::startParked);
        } catch (ConnectorClientException closed) {
            deliveries.stop(closed);
        }
    }

    /** Starts the delivery of a batch holding its places (or gives them back if the call stopped). */
    private void start(List<BatchItem> batch) {
        if (stopped()) {
            release();
            return;
        }
        Batch root = new Batch();
        try {
            runtime.send(guarded(root, () -> {
                deliveries.markSending(batch);
                new Delivery(batch, root, root::delivered).next();
            }));
        } catch (ConnectorClientException closed) {
            deliveries.stop(closed);
            release();
        }
    }

    @Override
    public boolean idle() {
        return parked.get() == null && slots.availablePermits() == maxInFlight;
    }

    @Override
    public void whenIdle(Runnable resume) {
        idleWaiter.set(resume);
        if (idle() && idleWaiter.compareAndSet(resume, null)) {
            resume.run();
        }
    }

    @Override
    public void awaitIdle(Runnable whileWaiting) throws InterruptedException {
        if (await(() -> slots.tryAcquire(maxInFlight, POLL_MILLIS, TimeUnit.MILLISECONDS), whileWaiting)) {
            slots.release(maxInFlight);
        }
    }

    /** Waits for the batches in flight to finish (not interrupted, so their outcomes are recorded). */
    @Override
    public void close() {
        boolean interrupted = false;
        while (true) {
            try {
                awaitIdle(() -> { });
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A wait that gives up after {@link #POLL_MILLIS}. */
    @FunctionalInterface
    private interface Poll {
        boolean tryOnce() throws InterruptedException;
    }

    /**
     * Polls until it succeeds, running {@code whileWaiting} every progress interval; stops the call and returns
     * false if the runtime is closed meanwhile.
     */
    private boolean await(Poll poll, Runnable whileWaiting) throws InterruptedException {
        long intervalNanos = settings.progressInterval().toNanos();
        long lastReport = System.nanoTime();
        while (true) {
            if (runtime.isClosed()) {
                deliveries.stop(runtime.closedException());
                return false;
            }
            if (poll.tryOnce()) {
                return true;
            }
            if (System.nanoTime() - lastReport >= intervalNanos) {
                whileWaiting.run();
                lastReport = System.nanoTime();
            }
        }
    }

    /** Gives a batch's places back, then starts the parked batch, or wakes a call waiting for none in flight. */
    private void release() {
        runtime.releaseRequest();
        slots.release();
        startParked();
        if (idle()) {
            Runnable idleNow = idleWaiter.getAndSet(null);
            if (idleNow != null) {
                idleNow.run();
            }
        }
    }

    /** Runs a step of a batch's delivery; a failure it throws stops the call and ends the batch. */
    private Runnable guarded(Batch root, Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                deliveries.stop(e instanceof RuntimeException runtimeException ? runtimeException
                        : new IllegalStateException("Sending a batch failed: " + e, e));
                root.end();
            }
        };
    }

    /** Runs a step of a delivery on the sending pool after a delay, holding no thread meanwhile. */
    private void later(Batch root, long delayMillis, Runnable step) {
        try {
            runtime.sendAfter(delayMillis, guarded(root, step));
        } catch (ConnectorClientException closed) {
            deliveries.stop(closed);
            root.end();
        }
    }

    /** A batch handed over by the reading thread, with its places; ends once. */
    private final class Batch {
        private final AtomicBoolean ended = new AtomicBoolean();

        /** Its delivery is over: reports progress, then gives its places back. */
        void delivered() {
            try {
                afterBatch.run();
            } finally {
                end();
            }
        }

        /** Gives its places back, once. */
        void end() {
            if (ended.compareAndSet(false, true)) {
                release();
            }
        }
    }

    /** Delivers a batch (or a half of one being split) in steps on the sending pool and the timer. */
    private final class Delivery {
        private final List<BatchItem> batch;
        private final Batch root;
        private final Runnable done;
        private final byte[] body;
        private final AtomicInteger attempts = new AtomicInteger();
        private int failedDeliveries;

        Delivery(List<BatchItem> batch, Batch root, Runnable done) {
            this.batch = batch;
            this.root = root;
            this.done = done;
            this.body = RequestBody.encode(batch, settings.gzip(), settings.gzipLevel());
        }

        /**
         * Sends the batch again, unless the call stopped: a batch the stop found waiting is kept retryable when the
         * sync deadline stopped it, and otherwise left unconfirmed (as marked before sending).
         */
        void next() {
            if (stopped()) {
                if (failure() instanceof PatienceExhausted) {
                    deliveries.retryable(batch, failure());
                }
                done.run();
                return;
            }
            if (caller.isHealthy(path)) {
                awaitSlot(new AdaptiveRateLimiter.Slot(Instant.EPOCH), false);
            } else {
                probe.take(guarded(root, () -> awaitSlot(new AdaptiveRateLimiter.Slot(Instant.EPOCH), true)));
            }
        }

        private void awaitSlot(AdaptiveRateLimiter.Slot slot, boolean turn) {
            long waitMillis = limiter.millisUntil(slot);
            if (waitMillis > 0) {
                later(root, waitMillis, () -> awaitSlot(slot, turn));
                return;
            }
            TransportResponse response;
            try {
                response = send();
            } catch (ConnectorException failed) {
                failed(failed);
                return;
            } finally {
                if (turn) {
                    probe.release();
                }
            }
            deliveries.patience().succeeded();
            deliveries.answered(batch, FeedReply.refusals(response, batch.size()));
            done.run();
        }

        private TransportResponse send() {
            attempts.set(0);
            return caller.call(new GatewayCall("POST", path, headers, body, GatewayCall.RetryPolicy.NONE,
                    (attempt, status, retryAfterMillis) -> {
                        attempts.incrementAndGet();
                        deliveries.observe(body.length, status, retryAfterMillis);
                    }, PASSED, label));
        }

        private void failed(ConnectorException failure) {
            if (failure instanceof AuthenticationException) {
                deliveries.stop(failure);
                done.run();
            } else if (failure instanceof ConnectorServiceException refused) {
                FeedDeliveries.Settlement settlement = deliveries.settle(batch, refused);
                if (settlement == FeedDeliveries.Settlement.SPLIT) {
                    split();
                } else if (settlement == FeedDeliveries.Settlement.AGAIN) {
                    holdOn(refused.statusCode() == 429 ? SyncWait.Reason.THROTTLED
                            : SyncWait.Reason.ENDPOINT_FAILING, refused);
                } else {
                    done.run();
                }
            } else if (failure instanceof ConnectorClientException client && client.isRetryable()) {
                holdOn(attempts.get() == 0 ? SyncWait.Reason.BREAKER_OPEN : SyncWait.Reason.ENDPOINT_FAILING, client);
            } else {
                deliveries.stop(failure);
                done.run();
            }
        }

        /** Waits as {@link FeedDeliveries#holdOn} says, on the timer, then delivers again. */
        private void holdOn(SyncWait.Reason reason, ConnectorException cause) {
            Duration wait = deliveries.holdOn(batch, reason, cause, ++failedDeliveries);
            if (wait == null) {
                done.run();
                return;
            }
            later(root, wait.toMillis(), () -> {
                if (reason == SyncWait.Reason.BREAKER_OPEN) {
                    caller.allowTrial(path);
                }
                next();
            });
        }

        /** Sends the halves one after the other, each with its own waits. */
        private void split() {
            int half = batch.size() / 2;
            List<BatchItem> second = batch.subList(half, batch.size());
            new Delivery(batch.subList(0, half), root, () -> {
                if (stopped()) {
                    done.run();
                } else {
                    new Delivery(second, root, done).next();
                }
            }).next();
        }
    }

    /**
     * One request of the call at a time while its endpoint recovers: a step that finds the turn taken is queued,
     * holding no thread, and runs on the sending pool when the turn is given back.
     */
    private static final class Turns {
        private final RuntimeResources runtime;
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private boolean taken;

        Turns(RuntimeResources runtime) {
            this.runtime = runtime;
        }

        /** Runs the step now if the turn is free, else once it is given back. */
        void take(Runnable step) {
            synchronized (this) {
                if (taken) {
                    waiting.add(step);
                    return;
                }
                taken = true;
            }
            step.run();
        }

        /** Gives the turn back, to the next step waiting for it. */
        void release() {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    taken = false;
                    return;
                }
            }
            try {
                runtime.send(next);
            } catch (ConnectorClientException closed) {
                synchronized (this) {
                    waiting.clear();
                    taken = false;
                }
            }
        }
    }

    /** A batch waiting for its places, and what to wake once it has started. */
    private record Parked(List<BatchItem> batch, Runnable resume) {
    }
}

package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.runtime.RuntimeResources;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One catalog call on one open feed state: reads the input (never collecting it) and has each item validated,
 * hashed, looked up and written as JSON by an {@link ItemPreparer}: with up to four worker threads of its own, each
 * of them and the calling thread reading a chunk of the input and preparing it ({@link ReadingPipeline}); with the
 * reading kept on the calling thread ({@code readInputOnCallingThread}) or on a shared runtime, the calling thread
 * reads and the workers or the runtime's preparing pool prepare ({@link OrderedPipeline}); a bounded number of items
 * ahead either way. Then, in input order, it catches duplicates, skips what the gateway already holds, batches the
 * rest by count and bytes for the {@link FeedSender}, finds the items that disappeared (full syncs), and builds the
 * report. Progress goes to the listener after every batch (from the thread that sent it) and at least every
 * progress interval (from a reading thread), one call at a time. A sync or upsert on a shared runtime may instead
 * run in steps ({@link #itemsInSteps}): the same work, with the reading and preparing done a batch's worth at a
 * time on the runtime's preparing pool and no thread held between steps.
 */
final class SyncRun {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);
    private static final int LOCAL_REJECTIONS_PER_RECORD = 256;
    /**
     * Most worker threads preparing items (fields, validation, hashes, JSON) ahead of the run, beside the reading
     * thread, which prepares too ({@link OrderedPipeline}).
     */
    private static final int MAX_PREPARERS = 4;
    /** Items per preparation task (a quarter on a shared runtime). */
    private static final int PREPARE_CHUNK = 64;

    /** What the call does. */
    enum Mode {
        /** Full catalog: send new and changed, delete disappeared. */
        SYNC(true, false),
        /** Send new and changed only. */
        UPSERT(false, false),
        /** Full catalog, sending every item whatever the state says. */
        RESYNC(true, true),
        /** Some items, picked by key, whatever the state says. */
        SELECTED(false, true);

        final boolean full;
        final boolean forced;

        Mode(boolean full, boolean forced) {
            this.full = full;
            this.forced = forced;
        }
    }

    private final Feed feed;
    private final FeedSyncState state;
    private final CatalogSyncSettings settings;
    private final SyncListener listener;
    private final Clock clock;
    private final boolean dryRun;
    private final boolean stateErased;
    private final SyncTally tally;
    private final PendingIdentities pending = new PendingIdentities();
    private final ItemValidator validator;
    private final ItemHasher hasher = new ItemHasher();
    private final BatchSender sender;
    private final RuntimeResources runtime;
    private final int batchSize;
    private final int maxBatchBytes;
    private List<BatchItem> batch = new ArrayList<>();
    private int batchBytes = 2;
    private final List<StateChange> localRejections = new ArrayList<>();
    private final Object progressLock = new Object();
    private volatile long lastProgressNanos = System.nanoTime();
    /** The checkpoint of a resync, told of the items settled without sending; {@code null} for other calls. */
    private ResyncCheckpoints checkpoints;
    /** The driver of a call run in steps; {@code null} for a call on the calling thread. */
    private Steps steps;
    /** The seen marks of the unchanged items of the chunk being settled, set at once. */
    private final ChunkSeenMarks seenMarks = new ChunkSeenMarks();
    /** The index in its chunk of the item being settled, -1 for an item settled on its own. */
    private int settling = -1;
    /** Where the pipelines hand the prepared items over, a chunk at a time. */
    private final OrderedPipeline.Sink<ItemPreparer.Prepared> settler = new OrderedPipeline.Sink<>() {
        @Override
        public void accept(ItemPreparer.Prepared item) throws InterruptedException {
            SyncRun.this.accept(item);
        }

        @Override
        public void acceptAll(List<ItemPreparer.Prepared> items) throws InterruptedException {
            acceptChunk(items);
        }
    };

    /**
     * A run.
     *
     * @param dryRun        count what would be sent, send and record nothing
     * @param stateErased   treat the state as empty (a dry run of a resync with cleanup)
     * @param runtime       the shared runtime whose pool prepares items, or {@code null} for threads of the run's own
     * @param senderFactory builds the sender over the run's totals and pending identities
     */
    SyncRun(FeedSyncState state, CatalogSyncSettings settings, SyncListener listener, Clock clock, boolean dryRun,
            boolean stateErased, RuntimeResources runtime, SenderFactory senderFactory) {
        this.runtime = runtime;
        this.feed = state.feed();
        this.state = state;
        this.settings = settings;
        this.listener = listener == null ? SyncListener.NONE : listener;
        this.clock = clock;
        this.dryRun = dryRun;
        this.stateErased = stateErased;
        this.tally = new SyncTally(feed, state.dataSpaceId(), dryRun);
        this.validator = new ItemValidator(feed, settings.maxStringBytes(), settings.maxDepth());
        this.batchSize = settings.batchSizeFor(feed);
        this.maxBatchBytes = settings.maxBatchBytesFor(feed);
        SyncPatience patience = new SyncPatience(feed, settings.syncDeadline(), clock, this::waiting, this::resumed);
        this.sender = senderFactory.create(tally, pending, patience, this::progress);
    }

    /** Builds the sender of a run. */
    @FunctionalInterface
    interface SenderFactory {
        /**
         * A sender for the run.
         *
         * @param tally      the run's totals, which the sender updates
         * @param pending    identities queued but not yet recorded, which the sender removes once recorded
         * @param patience   how long the run keeps trying while the gateway fails it
         * @param afterBatch called after each batch (progress)
         */
        BatchSender create(SyncTally tally, PendingIdentities pending, SyncPatience patience, Runnable afterBatch);
    }

    /** Syncs, upserts or resyncs items. */
    SyncReport items(Iterable<? extends FeedItem> items, Mode mode) {
        return items(items, mode, ItemPreparer.Skip.NONE, null);
    }

    /**
     * Resyncs every item, keeping a checkpoint in the state as it goes (not in a dry run), or continues the
     * interrupted resync from its checkpoint.
     *
     * @throws IllegalStateException if asked to resume and no resync of the feed is unfinished
     */
    SyncReport resync(Iterable<? extends FeedItem> items, boolean resume) {
        ResyncCheckpoint kept = state.resyncCheckpoint();
        if (resume && kept == null) {
            throw new IllegalStateException("No interrupted resync of feed " + feed.name() + " in data space "
                    + state.dataSpaceId() + " to resume: the last one finished, or none ran. Run resync without "
                    + "resume to resend everything.");
        }
        ResyncCheckpoints checkpoints = new ResyncCheckpoints(state,
                resume ? kept : new ResyncCheckpoint(clock.instant(), 0));
        if (!dryRun) {
            checkpoints.save();
            sender.onRecorded(checkpoints::recorded);
        }
        return items(items, Mode.RESYNC, resume ? checkpoints : ItemPreparer.Skip.NONE, dryRun ? null : checkpoints);
    }

    /** Resends the items whose keys are selected, from the caller's items; skips the others, deletes nothing. */
    SyncReport selected(Iterable<? extends FeedItem> items, KeySelection keys) {
        return items(items, Mode.SELECTED, keys, null);
    }

    private SyncReport items(Iterable<? extends FeedItem> items, Mode mode, ItemPreparer.Skip skip,
            ResyncCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        return execute(() -> {
            ItemPreparer preparer = new ItemPreparer(validator, state, !mode.forced && looksUp(), skip,
                    maxBatchBytes);
            if (readsOnPreparingThreads()) {
                Iterator<? extends FeedItem> input = items.iterator();
                try (ReadingPipeline<ItemPreparer.Input, ItemPreparer.Prepared> pipeline = new ReadingPipeline<>(
                        preparingThreadPrefix(), preparers(), prepareChunk(batchSize),
                        () -> nextInput(input), preparer, settler)) {
                    pipeline.run(sender::stopped);
                }
            } else {
                readOnThisThread(items, preparer);
            }
            finishInput();
            if (mode.full && !sender.stopped()) {
                deleteDisappeared();
                finishInput();
                if (!sender.stopped() && !dryRun) {
                    state.fullSyncFinished(clock.instant());
                    if (checkpoints != null) {
                        checkpoints.finished();
                    }
                    purgeDeletes();
                }
            }
        });
    }

    /**
     * Whether the call's own preparing threads read the input too ({@link ReadingPipeline}): a call with workers of
     * its own, not on a shared runtime, unless the settings keep the input on the calling thread.
     */
    private boolean readsOnPreparingThreads() {
        return runtime == null && preparers() > 0 && !settings.readInputOnCallingThread();
    }

    /** Reads the input on the calling thread, the preparing done beside it ({@link OrderedPipeline}). */
    private void readOnThisThread(Iterable<? extends FeedItem> items, ItemPreparer preparer)
            throws InterruptedException {
        try (OrderedPipeline<ItemPreparer.Input, ItemPreparer.Prepared> pipeline = runtime == null
                ? new OrderedPipeline<>(preparingThreadPrefix(), preparers(),
                        prepareChunk(batchSize), preparer, settler)
                : new OrderedPipeline<>(runtime, sharedPrepareChunk(batchSize), preparer, settler)) {
            Iterator<? extends FeedItem> input = items.iterator();
            long position = 0;
            for (ItemPreparer.Input next = nextInput(input); next != null; next = nextInput(input)) {
                pipeline.add(next, position++);
            }
            if (!sender.stopped()) {
                pipeline.finish();
            }
        }
    }

    /** The name prefix of the call's own preparing threads. */
    private String preparingThreadPrefix() {
        return "catalog-prepare-" + feed.name() + "-";
    }

    /** The next input item, read by whichever thread reads for the call; {@code null} at the end or once stopped. */
    private ItemPreparer.Input nextInput(Iterator<? extends FeedItem> input) {
        if (sender.stopped() || !input.hasNext()) {
            return null;
        }
        FeedItem item = input.next();
        progressIfDue();
        return ItemPreparer.input(item);
    }

    /**
     * Syncs or upserts items in steps on the shared runtime's preparing pool, holding no thread while a batch waits
     * for its place: each step reads, prepares and queues up to a batch's worth of items, then hands the pool over
     * to the next call's step. Needs a runtime and its {@link SteppedSender}. The future completes once every batch
     * in flight is recorded (or the runtime is closed), with the report or what stopped the call.
     */
    CompletableFuture<SyncReport> itemsInSteps(Iterable<? extends FeedItem> items, Mode mode) {
        if (mode.forced || !(sender instanceof SteppedSender stepped) || runtime == null) {
            throw new IllegalStateException("Only a sync or an upsert on a shared runtime runs in steps");
        }
        steps = new Steps(items.iterator(), mode, stepped,
                new ItemPreparer(validator, state, looksUp(), ItemPreparer.Skip.NONE, maxBatchBytes));
        steps.start();
        return steps.done;
    }

    /**
     * Stops reading the input (the call's future was cancelled), from any thread: nothing more is read or handed to
     * the sender, the batches in flight finish and are recorded, and the call ends stopped by the cancel.
     */
    void cancel() {
        if (steps != null) {
            steps.cancel();
        } else {
            sender.deliveries().stop(cancelled());
        }
    }

    private ConnectorClientException cancelled() {
        return new ConnectorClientException("The catalog call on feed " + feed.name() + " was cancelled; the "
                + "batches in flight were finished and recorded", null, false);
    }

    /** Where a call run in steps is. */
    private enum Phase {
        READING, ENDING_INPUT, DELETING, ENDING_DELETES, FINISHING
    }

    /**
     * Drives a call in steps. At most one step of a call is queued or running at a time (wake-ups that come while
     * one is pending only make it run once more), and every step checks again what it waits for, so a wake-up too
     * many does no harm. Fields other than the counters are touched by one step at a time, each step handed over
     * through the pool's queue.
     */
    private final class Steps {
        private final Iterator<? extends FeedItem> input;
        private final Mode mode;
        private final SteppedSender sender;
        private final ItemPreparer preparer;
        private final CompletableFuture<SyncReport> done = new CompletableFuture<>();
        private final AtomicInteger wakeUps = new AtomicInteger();
        private final AtomicBoolean concluded = new AtomicBoolean();
        private final Runnable onRuntimeClosed = this::runtimeClosed;
        private final int itemsPerStep;
        private volatile boolean cancelled;
        private Phase phase = Phase.READING;
        private long position;
        private long[] unseen;
        private int unseenAt;
        private Throwable failure;

        Steps(Iterator<? extends FeedItem> input, Mode mode, SteppedSender sender, ItemPreparer preparer) {
            this.input = input;
            this.mode = mode;
            this.sender = sender;
            this.preparer = preparer;
            this.itemsPerStep = Math.max(16, batchSize);
        }

        void start() {
            runtime.onClose(onRuntimeClosed);
            wake();
        }

        void cancel() {
            cancelled = true;
            wake();
        }

        /** Has a step run: now if none is queued or running, else once more after the one that is. */
        void wake() {
            if (wakeUps.getAndIncrement() == 0) {
                submit();
            }
        }

        private void submit() {
            try {
                runtime.prepareStep(this::run);
            } catch (ConnectorClientException closed) {
                LOG.debug("A step of feed {} found the runtime closed; its close hook ends the call", feed.name());
            }
        }

        private void run() {
            int seen = wakeUps.get();
            if (!concluded.get()) {
                try {
                    step();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(new ConnectorClientException("A step of the catalog call on feed " + feed.name()
                            + " was interrupted (the runtime is closing)", e, true));
                } catch (Throwable e) {
                    fail(e);
                }
            }
            if (wakeUps.addAndGet(-seen) > 0) {
                submit();
            }
        }

        private void step() throws InterruptedException {
            if (cancelled && !sender.stopped()) {
                sender.deliveries().stop(cancelled());
            }
            if (sender.hasParked()) {
                return;
            }
            if (failure != null) {
                whenIdleThen(this::end);
                return;
            }
            switch (phase) {
                case READING -> read();
                case ENDING_INPUT -> endInput(mode.full && !sender.stopped() ? Phase.DELETING : Phase.FINISHING);
                case DELETING -> deleteSome();
                case ENDING_DELETES -> endInput(Phase.FINISHING);
                case FINISHING -> finish();
                default -> throw new IllegalStateException("Unexpected phase " + phase);
            }
        }

        private void read() throws InterruptedException {
            for (int n = 0; n < itemsPerStep; n++) {
                if (sender.stopped() || !input.hasNext()) {
                    phase = Phase.ENDING_INPUT;
                    wake();
                    return;
                }
                FeedItem item = input.next();
                accept(preparer.prepare(ItemPreparer.input(item), position++));
                if (sender.hasParked()) {
                    return;
                }
            }
            progressIfDue();
            wake();
        }

        /** Sends the last batch, then moves on once every batch is recorded. */
        private void endInput(Phase next) throws InterruptedException {
            flush();
            if (sender.hasParked()) {
                return;
            }
            recordLocalRejections();
            whenIdleThen(() -> {
                progress();
                phase = next;
                if (next == Phase.DELETING) {
                    unseen = stateErased ? new long[0] : state.unseen();
                }
                wake();
            });
        }

        /** Runs {@code then} in this step if no batch is in flight, else waits for that in a later step. */
        private void whenIdleThen(Runnable then) {
            if (sender.idle()) {
                then.run();
            } else {
                sender.whenIdle(this::wake);
            }
        }

        private void deleteSome() throws InterruptedException {
            for (int n = 0; n < itemsPerStep; n++) {
                if (sender.stopped() || unseenAt >= unseen.length) {
                    phase = Phase.ENDING_DELETES;
                    wake();
                    return;
                }
                deleteDisappeared(unseen[unseenAt++]);
                if (sender.hasParked()) {
                    return;
                }
            }
            wake();
        }

        private void finish() {
            if (mode.full && !sender.stopped() && !dryRun) {
                state.fullSyncFinished(clock.instant());
                purgeDeletes();
            }
            end();
        }

        /** A step threw: nothing more is read, and the call ends once the batches in flight are recorded. */
        private void fail(Throwable thrown) {
            if (failure == null) {
                failure = thrown;
            } else if (failure != thrown) {
                failure.addSuppressed(thrown);
            }
            wake();
        }

        private void end() {
            if (!concluded.compareAndSet(false, true)) {
                return;
            }
            runtime.forgetOnClose(onRuntimeClosed);
            complete(failure);
        }

        /** The runtime closed under the call: its batches will not finish, so it ends now, on the closing thread. */
        private void runtimeClosed() {
            if (concluded.compareAndSet(false, true)) {
                RuntimeException closed = runtime.closedException();
                sender.deliveries().stop(closed);
                if (failure != null) {
                    closed.addSuppressed(failure);
                }
                complete(closed);
            }
        }

        private void complete(Throwable stoppedBy) {
            try {
                done.complete(conclude(stoppedBy));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }
    }

    /** Forgets the accepted deletes past their retention; a failure is logged, the sync having succeeded. */
    private void purgeDeletes() {
        try {
            long purged = state.purgeDeletes(clock.instant().minus(settings.deletedRetention()));
            if (purged > 0) {
                LOG.info("Forgot {} deletes of feed {} accepted more than {} ago", purged, feed.name(),
                        settings.deletedRetention());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not forget the old accepted deletes of feed {}; the next full sync tries again: {}",
                    feed.name(), e.toString());
        }
    }

    /**
     * Whether the preparers look each item up in the state: not when the state is erased for the call, nor when it
     * holds no item as the call starts (a merchant's first sync). The state is the call's alone while it runs, so
     * all it can come to hold is what the call records itself, and a second occurrence of those is caught as a
     * duplicate whatever the state says; a look-up would only miss, at the cost of a cache miss per item.
     */
    private boolean looksUp() {
        if (stateErased) {
            return false;
        }
        for (ItemStatus status : ItemStatus.values()) {
            if (state.count(status) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Worker threads preparing beside the reading thread: one core fewer than the machine has, at most four. */
    private static int preparers() {
        return OrderedPipeline.availableThreads(MAX_PREPARERS + 1) - 1;
    }

    /** Items per preparation task: a batch's worth, at most {@link #PREPARE_CHUNK}. */
    private static int prepareChunk(int batchSize) {
        return Math.max(1, Math.min(PREPARE_CHUNK, batchSize));
    }

    /**
     * Items per preparation task on a shared runtime: a quarter as many, as many calls share its pool and each
     * holds its items (the input objects, then their JSON) in memory until they are sent.
     */
    private static int sharedPrepareChunk(int batchSize) {
        return Math.max(1, Math.min(PREPARE_CHUNK / 4, batchSize));
    }

    /**
     * The most items a call reads ahead of its batches: those being prepared ({@link OrderedPipeline#chunksAhead}
     * chunks), beyond the batch being filled and the batches in flight.
     */
    static int preparedAhead(CatalogSyncSettings settings, Feed feed) {
        return OrderedPipeline.chunksAhead(preparers()) * prepareChunk(settings.batchSizeFor(feed));
    }

    /** Deletes items by key. */
    SyncReport deletes(Iterable<ItemKey> keys) {
        return execute(() -> {
            long position = 0;
            for (ItemKey key : keys) {
                if (sender.stopped()) {
                    break;
                }
                tally.processed.incrementAndGet();
                delete(key, position++);
                progressIfDue();
            }
            finishInput();
        });
    }

    /** Resends what was left retryable. */
    SyncReport retries() {
        return execute(() -> {
            state.forEachRetryable(this::retry);
            finishInput();
        });
    }

    /** The body of a call, throwing what the reading thread meets. */
    @FunctionalInterface
    private interface Body {
        void run() throws InterruptedException;
    }

    /**
     * Runs the body of a call, then concludes it whatever the body threw: an {@link Error} from the caller's code
     * (its input, an item's fields, its listener) winds the call down like any other failure and is rethrown as it
     * is once the batches in flight are recorded.
     */
    private SyncReport execute(Body body) {
        Throwable failure = null;
        try {
            body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new ConnectorClientException("The catalog call on feed " + feed.name()
                    + " was interrupted; the batches in flight were finished and recorded", e, true);
        } catch (Throwable e) {
            failure = e;
        }
        return conclude(failure);
    }

    /**
     * Ends a call once its input is done with: waits for the batches in flight, builds the report and tells the
     * listener.
     *
     * @param failure what stopped the reading, or {@code null}
     * @return the report
     * @throws RuntimeException what stopped the call, the report attached where the exception takes one
     * @throws Error            the Error that stopped the reading, unchanged
     */
    private SyncReport conclude(Throwable failure) {
        sender.close();
        uncountUnanswered();
        if (failure == null) {
            failure = sender.failure();
        } else if (sender.failure() != null && sender.failure() != failure) {
            failure.addSuppressed(sender.failure());
        }
        SyncReport report = tally.report();
        if (failure instanceof PatienceExhausted exhausted) {
            report = report.stoppedBecause(deadlineMessage(exhausted, report));
            SyncDeadlineExceededException ended = new SyncDeadlineExceededException(report.stopReason().get(),
                    exhausted.lastFailure(), report, exhausted.failingFor());
            failure = ended;
        } else if (failure != null) {
            report = report.stoppedBecause(String.valueOf(failure.getMessage()));
        }
        try {
            listener.finished(report);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw OrderedPipeline.rethrown(failure, "The catalog call on feed " + feed.name() + " failed: ");
        }
        return report;
    }

    /**
     * Takes the items the call queued for the gateway but never learnt the outcome of out of the processed count, so
     * that a stopped call's report adds up: those it stopped before sending (the batch being filled, a batch
     * waiting for its place) and those sent without an answer (left unconfirmed). The state holds them as before the
     * call, or as unconfirmed, so the next sync sends them. The local rejections not yet recorded are pending too,
     * but counted as rejected already.
     */
    private void uncountUnanswered() {
        if (!dryRun) {
            tally.processed.addAndGet(-(pending.size() - localRejections.size()));
        }
    }

    private String deadlineMessage(PatienceExhausted exhausted, SyncReport report) {
        String why = switch (exhausted.reason()) {
            case THROTTLED -> "throttled it (429) without end";
            case BREAKER_OPEN -> "failed it so often that its circuit breaker stayed open";
            case ENDPOINT_FAILING -> "failed its requests";
        };
        return "The gateway " + why + " for " + exhausted.failingFor().toSeconds() + " s without a single success, "
                + "past the sync deadline of " + settings.syncDeadline().toSeconds() + " s (CatalogSyncSettings."
                + "syncDeadline), so the " + feed.name() + " call ended (last failure: "
                + exhausted.lastFailure().getMessage() + "). Nothing is lost: of the " + report.processed()
                + " items processed, " + report.retryable() + " are kept retryable (the batches in flight); the items "
                + "read but not sent yet are not counted as processed and, like those not read, were not sent. Run "
                + "retryFailed or the sync again once the gateway works: the sync sends them all.";
    }

    /** Reports a wait, never overlapping progress reports. */
    private void waiting(SyncWait wait) {
        synchronized (progressLock) {
            listener.waiting(wait);
        }
    }

    /** Reports the end of a wait, never overlapping progress reports. */
    private void resumed(Feed resumedFeed, Duration waited) {
        synchronized (progressLock) {
            listener.resumed(resumedFeed, waited);
        }
    }

    /** Takes the items of a chunk, in input order, their unchanged items marked seen at once first. */
    private void acceptChunk(List<ItemPreparer.Prepared> items) throws InterruptedException {
        seenMarks.markUnchanged(items, state, !stateErased);
        try {
            for (int i = 0; i < items.size(); i++) {
                settling = i;
                accept(items.get(i));
            }
        } finally {
            settling = -1;
        }
    }

    /**
     * Takes a prepared item, in input order, counting it processed and telling a resync's checkpoint of the items
     * settled at once. An item read ahead but never taken (the call stopped first) is not counted.
     */
    private void accept(ItemPreparer.Prepared item) throws InterruptedException {
        tally.processed.incrementAndGet();
        boolean queued = settle(item);
        if (checkpoints != null && !queued) {
            checkpoints.settled(item.position());
        }
    }

    /**
     * Takes a prepared item: duplicates, then what the preparation decided.
     *
     * @return whether it was queued to be sent
     */
    private boolean settle(ItemPreparer.Prepared item) throws InterruptedException {
        if (item.outcome() == ItemPreparer.Outcome.SKIPPED) {
            skipped(item.key(), item.identity(), item.position());
            progressIfDue();
            return false;
        }
        if (item.outcome() == ItemPreparer.Outcome.UNIDENTIFIED) {
            unidentified(item.problem(), item.position());
            progressIfDue();
            return false;
        }
        ItemKey key = item.key();
        long identity = item.identity();
        if (item.outcome() == ItemPreparer.Outcome.UNCHANGED) {
            unchanged(item, key, identity);
            progressIfDue();
            return false;
        }
        if (duplicate(key, identity, item.position())) {
            progressIfDue();
            return false;
        }
        boolean send = item.outcome() == ItemPreparer.Outcome.SEND;
        switch (item.outcome()) {
            case INVALID, TOO_LARGE -> rejectLocally(key, identity, item.content(), item.problem(), item.position());
            case SEND -> queue(new BatchItem(key, identity, item.content(), item.json(), item.position(),
                    item.delete()));
            default -> throw new IllegalStateException("Unexpected outcome " + item.outcome());
        }
        progressIfDue();
        return send && !dryRun;
    }

    /** An item the call leaves out: counted as unchanged (a second occurrence of a held one as a duplicate). */
    private void skipped(ItemKey key, long identity, long position) {
        if (state.markSeen(identity)) {
            tally.unchanged.incrementAndGet();
        } else {
            rejectDuplicate(key, position);
        }
    }

    /**
     * An item the state holds with this content. It is held, so its seen mark alone tells a duplicate: an
     * earlier occurrence in this call marked it, in flight or not, and the pending set is not needed.
     */
    private void unchanged(ItemPreparer.Prepared item, ItemKey key, long identity) {
        boolean first = seenMarks.marked(settling) ? seenMarks.first(settling) : state.markSeen(identity);
        if (!first) {
            rejectDuplicate(key, item.position());
        } else if (item.stored() == ItemStatus.ACCEPTED) {
            tally.unchanged.incrementAndGet();
        } else {
            tally.reject(new RejectedItem(key, state.reason(identity), "STILL_REJECTED", null, item.position()));
        }
    }

    /** Whether an identity came before in this call; marks it as seen otherwise. */
    private boolean duplicate(ItemKey key, long identity, long position) {
        if (pending.add(identity)) {
            if (stateErased || state.markSeen(identity)) {
                return false;
            }
            pending.remove(identity);
        }
        rejectDuplicate(key, position);
        return true;
    }

    private void rejectDuplicate(ItemKey key, long position) {
        tally.reject(new RejectedItem(key, "Item " + key + " comes more than once in this call: only its first "
                + "occurrence is sent; merge the duplicates", "DUPLICATE_IDENTITY", null, position));
    }

    private void unidentified(ItemValidator.Problem problem, long position) {
        tally.reject(new RejectedItem(null, "Item at position " + position + ": " + problem.message(), problem.code(),
                problem.field(), position));
    }

    private void rejectLocally(ItemKey key, long identity, long content, ItemValidator.Problem problem, long position) {
        tally.reject(new RejectedItem(key, problem.message(), problem.code(), problem.field(), position));
        if (dryRun) {
            return;
        }
        localRejections.add(StateChange.rejected(key, identity, content, problem.message()));
        if (localRejections.size() >= LOCAL_REJECTIONS_PER_RECORD) {
            recordLocalRejections();
        }
    }

    private void recordLocalRejections() {
        if (localRejections.isEmpty()) {
            return;
        }
        state.record(List.copyOf(localRejections), clock.instant());
        for (StateChange change : localRejections) {
            pending.remove(change.identityHash());
        }
        localRejections.clear();
    }

    private void delete(ItemKey key, long position) throws InterruptedException {
        ItemKey checked = checkKey(key, position);
        if (checked == null) {
            return;
        }
        long identity = hasher.identityHash(checked);
        if (!duplicate(checked, identity, position)) {
            queue(new BatchItem(checked, identity, StateChange.DELETE_CONTENT, deleteJson(checked), position, true));
        }
    }

    private ItemKey checkKey(ItemKey key, long position) {
        String problem = null;
        if (key == null) {
            problem = "is null";
        } else if (!key.fields().equals(feed.identityFields())) {
            problem = "names the fields " + key.fields() + ", but the " + feed.name() + " feed's identity is "
                    + feed.identityFields() + ": build it with ItemKey.of(feed, values...)";
        } else if (key.values().stream().anyMatch(value -> value == null || value.isBlank())) {
            problem = "has a blank value: " + key;
        }
        if (problem == null) {
            return key;
        }
        tally.reject(new RejectedItem(null, "Key at position " + position + " " + problem, "INVALID_KEY", null,
                position));
        return null;
    }

    private byte[] deleteJson(ItemKey key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < key.fields().size(); i++) {
            fields.put(key.fields().get(i), key.values().get(i));
        }
        fields.put("deleted", Boolean.TRUE);
        return FeedJson.write(fields);
    }

    private void retry(RetryPayload payload) {
        if (sender.stopped()) {
            return;
        }
        ItemKey key = state.key(payload.identityHash());
        if (key == null) {
            return;
        }
        tally.processed.incrementAndGet();
        pending.add(payload.identityHash());
        boolean delete = payload.contentHash() == StateChange.DELETE_CONTENT;
        try {
            queue(new BatchItem(key, payload.identityHash(), payload.contentHash(), payload.json(), -1, delete));
            progressIfDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorClientException("The retry of feed " + feed.name() + " was interrupted; the "
                    + "items stay retryable", e, true);
        }
    }

    private void deleteDisappeared() throws InterruptedException {
        if (stateErased) {
            return;
        }
        for (long identity : state.unseen()) {
            if (sender.stopped()) {
                return;
            }
            deleteDisappeared(identity);
        }
    }

    /** Queues the delete of an item the input no longer has (unless the state keeps it as deleted already). */
    private void deleteDisappeared(long identity) throws InterruptedException {
        StoredItem stored = state.find(identity);
        if (stored == null || keptDelete(stored)) {
            return;
        }
        if (dryRun) {
            tally.deleted.incrementAndGet();
            return;
        }
        ItemKey key = state.key(identity);
        if (key != null) {
            queue(new BatchItem(key, identity, StateChange.DELETE_CONTENT, deleteJson(key), -1, true));
            progressIfDue();
        }
    }

    /** Whether the state holds an accepted delete (kept for {@link CatalogSyncSettings#deletedRetention()}). */
    private static boolean keptDelete(StoredItem stored) {
        return stored.status() == ItemStatus.ACCEPTED && stored.contentHash() == StateChange.DELETE_CONTENT;
    }

    private void queue(BatchItem item) throws InterruptedException {
        if (dryRun) {
            if (item.delete()) {
                tally.deleted.incrementAndGet();
            } else {
                tally.sent.incrementAndGet();
            }
            return;
        }
        if (!batch.isEmpty() && (batch.size() >= batchSize || batchBytes + item.json().length + 1 > maxBatchBytes)) {
            flush();
        }
        batch.add(item);
        batchBytes += item.json().length + 1;
    }

    private void flush() throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        recordLocalRejections();
        List<BatchItem> full = batch;
        batch = new ArrayList<>();
        batchBytes = 2;
        if (steps == null) {
            sender.submit(full, this::progress);
        } else {
            steps.sender.offer(full, steps::wake);
        }
    }

    private void finishInput() throws InterruptedException {
        flush();
        recordLocalRejections();
        sender.awaitIdle(this::progress);
        progress();
    }

    private void progressIfDue() {
        if (System.nanoTime() - lastProgressNanos >= settings.progressInterval().toNanos()) {
            progress();
        }
    }

    /** Reports the totals; called after every batch (on its sender's thread) and by the reading thread. */
    void progress() {
        synchronized (progressLock) {
            lastProgressNanos = System.nanoTime();
            listener.progress(tally.progress());
        }
    }
}

package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.ResendReport;
import io.github.commerceconnector.api.catalog.ResyncOptions;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.api.observation.SyncObservation;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.guard.DataSpaceGuard;
import io.github.commerceconnector.core.internal.http.GatewayCall;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
import io.github.commerceconnector.core.internal.http.RequestLabel;
import io.github.commerceconnector.core.internal.runtime.RuntimeResources;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CatalogSyncClient} over the gateway: every call resolves the selected data space, applies the
 * data-space guard before any request, locks the feed's state for the call and runs a {@link SyncRun}. One
 * {@link AdaptiveRateLimiter} per data space paces every feed syncing into it. Thread-safe.
 */
public final class HttpCatalogSyncClient implements CatalogSyncClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpCatalogSyncClient.class);
    private static final String CLEANUP_PATH = "merchant-registry/v1/registry/environments/%s/cleanup";

    private final GatewayCaller caller;
    private final Supplier<Optional<SaasIdentity>> selection;
    private final DataSpaceGuard guard;
    private final SyncStateStore store;
    private final CatalogSyncSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, String> headers;
    private final ConnectorObserver observer;
    private final RuntimeResources runtime;
    private final ConcurrentMap<String, AdaptiveRateLimiter> limiters = new ConcurrentHashMap<>();
    /** The identities queued but not yet recorded of each running call, for the items-in-flight gauge. */
    private final Set<PendingIdentities> running = ConcurrentHashMap.newKeySet();

    /**
     * Creates the client.
     *
     * @param caller    sends, signs and retries requests
     * @param selection the saved data space selection ({@code DataSpaceClient::current})
     * @param guard     the data-space guard
     * @param store     the sync state
     * @param settings  batching, pacing and validation settings
     * @param edition   the store's edition, sent in {@code service-connector-metadata}
     * @param clock     the time of state records and the rate limiter
     * @param sleeper   what waits for the rate limiter
     */
    public HttpCatalogSyncClient(GatewayCaller caller, Supplier<Optional<SaasIdentity>> selection,
            DataSpaceGuard guard, SyncStateStore store, CatalogSyncSettings settings, Edition edition, Clock clock,
            Sleeper sleeper) {
        this(caller, selection, guard, store, settings, edition, clock, sleeper, ConnectorObserver.NONE);
    }

    /**
     * Creates the client, telling an observer of its calls, its rate limiters and its items in flight.
     *
     * @param caller    sends, signs and retries requests
     * @param selection the saved data space selection ({@code DataSpaceClient::current})
     * @param guard     the data-space guard
     * @param store     the sync state
     * @param settings  batching, pacing and validation settings
     * @param edition   the store's edition, sent in {@code service-connector-metadata}
     * @param clock     the time of state records and the rate limiter
     * @param sleeper   what waits for the rate limiter
     * @param observer  told of each call, each data space's rate limiter and the items in flight
     */
    public HttpCatalogSyncClient(GatewayCaller caller, Supplier<Optional<SaasIdentity>> selection,
            DataSpaceGuard guard, SyncStateStore store, CatalogSyncSettings settings, Edition edition, Clock clock,
            Sleeper sleeper, ConnectorObserver observer) {
        this(caller, selection, guard, store, settings, edition, clock, sleeper, observer, null);
    }

    /**
     * Creates the client, on a shared runtime's pools when one is given.
     *
     * @param caller    sends, signs and retries requests
     * @param selection the saved data space selection ({@code DataSpaceClient::current})
     * @param guard     the data-space guard
     * @param store     the sync state
     * @param settings  batching, pacing and validation settings
     * @param edition   the store's edition, sent in {@code service-connector-metadata}
     * @param clock     the time of state records and the rate limiter
     * @param sleeper   what waits for the rate limiter (without a runtime)
     * @param observer  told of each call, each data space's rate limiter and the items in flight
     * @param runtime   the shared runtime's pools and timer, or {@code null} for threads of each call's own
     */
    public HttpCatalogSyncClient(GatewayCaller caller, Supplier<Optional<SaasIdentity>> selection,
            DataSpaceGuard guard, SyncStateStore store, CatalogSyncSettings settings, Edition edition, Clock clock,
            Sleeper sleeper, ConnectorObserver observer, RuntimeResources runtime) {
        this.runtime = runtime;
        this.observer = Objects.requireNonNull(observer, "observer");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.headers = headers(settings, Objects.requireNonNull(edition, "edition"));
        observer.itemsInFlight(this::itemsInFlight);
    }

    /** Identities read and queued for the gateway, over all running calls, whose outcome is not recorded yet. */
    private long itemsInFlight() {
        long items = 0;
        for (PendingIdentities pending : running) {
            items += pending.size();
        }
        return items;
    }

    private static Map<String, String> headers(CatalogSyncSettings settings, Edition edition) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("commerceEdition", edition.wireCode());
        metadata.put("commerceVersion", settings.commerceVersion());
        metadata.put("saasExporterVersion", settings.exporterVersion());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (settings.gzip()) {
            headers.put("Content-Encoding", "gzip");
        }
        headers.put("service-connector-metadata", new String(FeedJson.write(metadata), StandardCharsets.UTF_8));
        return headers;
    }

    /** The rate limiter of a data space (for diagnostics and tests). */
    public AdaptiveRateLimiter limiter(String dataSpaceId) {
        return limiters.computeIfAbsent(dataSpaceId, id -> {
            AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(settings.requestsPerSecond(),
                    settings.adaptiveRateLimit(), clock, sleeper);
            observer.rateLimiterCreated(id, limiter::rate);
            return limiter;
        });
    }

    @Override
    public SyncReport sync(Feed feed, Iterable<? extends FeedItem> items, SyncListener listener) {
        Objects.requireNonNull(items, "items");
        return run(feed, listener, false, false, run -> run.items(items, SyncRun.Mode.SYNC));
    }

    /**
     * {@inheritDoc}
     *
     * <p>On a shared runtime the call runs in steps on its preparing pool; without one, on a thread of its own.
     */
    @Override
    public CompletableFuture<SyncReport> syncAsync(Feed feed, Iterable<? extends FeedItem> items,
            SyncListener listener) {
        return inSteps(feed, items, listener, SyncRun.Mode.SYNC);
    }

    /**
     * {@inheritDoc}
     *
     * <p>On a shared runtime the call runs in steps on its preparing pool; without one, on a thread of its own.
     */
    @Override
    public CompletableFuture<SyncReport> upsertAsync(Feed feed, Iterable<? extends FeedItem> items,
            SyncListener listener) {
        return inSteps(feed, items, listener, SyncRun.Mode.UPSERT);
    }

    @Override
    public SyncReport upsert(Feed feed, Iterable<? extends FeedItem> items, SyncListener listener) {
        Objects.requireNonNull(items, "items");
        return run(feed, listener, false, false, run -> run.items(items, SyncRun.Mode.UPSERT));
    }

    @Override
    public SyncReport delete(Feed feed, Iterable<ItemKey> keys, SyncListener listener) {
        Objects.requireNonNull(keys, "keys");
        return run(feed, listener, false, false, run -> run.deletes(keys));
    }

    @Override
    public SyncReport resync(Feed feed, Iterable<? extends FeedItem> items, ResyncOptions options) {
        Objects.requireNonNull(items, "items");
        ResyncOptions chosen = options == null ? ResyncOptions.defaults() : options;
        if (chosen.onlyKeys() != null) {
            Objects.requireNonNull(feed, "feed");
            KeySelection keys = KeySelection.read(feed, chosen.onlyKeys());
            LOG.info("Resync of {} keys of feed {}", keys.size(), feed.name());
            return run(feed, chosen.listener(), chosen.dryRun(), false, run -> run.selected(items, keys));
        }
        return run(feed, chosen.listener(), chosen.dryRun(), chosen.cleanup(),
                run -> run.resync(items, chosen.resumeInterrupted()));
    }

    @Override
    public ResendReport resend(Feed feed, Iterable<ItemKey> keys) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(keys, "keys");
        SaasIdentity selected = selected();
        guard.permit(DataSpaceGuard.Action.SYNC, selected.dataSpaceId(), selected.dataSpaceType());
        try (FeedSyncState state = store.open(selected.dataSpaceId(), feed)) {
            long[] marked = {0};
            long read = KeyChunks.read(feed, keys, (hashes, count) ->
                    marked[0] += state.markChanged(Arrays.copyOf(hashes, count), clock.instant()));
            ResendReport report = new ResendReport(feed, selected.dataSpaceId(), read, marked[0], read - marked[0]);
            LOG.info("Marked {} items of feed {} in data space {} to be sent by the next sync ({} keys unknown to "
                    + "the state)", report.marked(), feed.name(), report.dataSpaceId(), report.unknown());
            return report;
        }
    }

    @Override
    public SyncReport retryFailed(Feed feed, SyncListener listener) {
        return run(feed, listener, false, false, SyncRun::retries);
    }

    @Override
    public FeedStatus status(Feed feed) {
        Objects.requireNonNull(feed, "feed");
        SaasIdentity selected = selected();
        try (FeedSyncState state = store.open(selected.dataSpaceId(), feed)) {
            return new FeedStatus(feed, selected.dataSpaceId(), state.count(ItemStatus.ACCEPTED) - state.keptDeletes(),
                    state.count(ItemStatus.REJECTED), state.count(ItemStatus.RETRYABLE),
                    state.count(ItemStatus.UNCONFIRMED), state.lastFullSync(), state.rejected(SyncTally.REJECTED_LISTED));
        }
    }

    private SaasIdentity selected() {
        return selection.get().orElseThrow(() -> new IllegalStateException("No data space is selected, so there "
                + "is nowhere to sync to: call services.dataSpaces().select(projectId, dataSpaceId) once (the "
                + "selection is saved in the state directory), then sync."));
    }

    private SyncReport run(Feed feed, SyncListener listener, boolean dryRun, boolean cleanup,
            Function<SyncRun, SyncReport> body) {
        Objects.requireNonNull(feed, "feed");
        SaasIdentity selected = selected();
        String dataSpaceId = selected.dataSpaceId();
        guard.permit(DataSpaceGuard.Action.SYNC, dataSpaceId, selected.dataSpaceType());
        if (cleanup) {
            guard.permit(DataSpaceGuard.Action.CLEANUP, dataSpaceId, selected.dataSpaceType());
            if (!dryRun) {
                store.resetDataSpace(dataSpaceId, () -> erase(dataSpaceId));
            }
        }
        SyncObservation observation = observer.syncStarted(feed, dataSpaceId);
        Set<PendingIdentities> mine = ConcurrentHashMap.newKeySet();
        try (FeedSyncState state = store.open(dataSpaceId, feed)) {
            SyncRun run = newRun(feed, state, listener, observation, dryRun, cleanup && dryRun, mine);
            SyncReport report = body.apply(run);
            logReport(feed, dataSpaceId, report, dryRun);
            return report;
        } catch (RuntimeException failed) {
            observation.failed(failed);
            throw failed;
        } finally {
            running.removeAll(mine);
        }
    }

    /**
     * Runs a sync or upsert without holding the calling thread: in steps on the runtime's preparing pool, or on a
     * thread of its own without a runtime. The state stays open (the feed locked) until the last batch is recorded,
     * and is closed before the returned future completes, so a call chained on it may open the feed again.
     */
    private CompletableFuture<SyncReport> inSteps(Feed feed, Iterable<? extends FeedItem> items,
            SyncListener listener, SyncRun.Mode mode) {
        if (feed == null || items == null || listener == null) {
            throw new NullPointerException((feed == null ? "feed" : items == null ? "items" : "listener")
                    + " is null: pass a feed, its items and a listener (SyncListener.NONE for none)");
        }
        if (runtime == null) {
            return onOwnThread(feed, items, listener, mode);
        }
        CompletableFuture<SyncReport> result = new CompletableFuture<>();
        SyncObservation observation = null;
        FeedSyncState state = null;
        try {
            SaasIdentity selected = selected();
            String dataSpaceId = selected.dataSpaceId();
            guard.permit(DataSpaceGuard.Action.SYNC, dataSpaceId, selected.dataSpaceType());
            observation = observer.syncStarted(feed, dataSpaceId);
            state = store.open(dataSpaceId, feed);
            Set<PendingIdentities> mine = ConcurrentHashMap.newKeySet();
            SyncRun run = newRun(feed, state, listener, observation, false, false, mine);
            SyncObservation observed = observation;
            FeedSyncState opened = state;
            run.itemsInSteps(items, mode).whenComplete((report, failure) -> {
                running.removeAll(mine);
                RuntimeException closeFailure = closeQuietly(opened);
                if (failure != null) {
                    if (failure instanceof RuntimeException runtimeFailure) {
                        observed.failed(runtimeFailure);
                    }
                    result.completeExceptionally(failure);
                } else if (closeFailure != null) {
                    observed.failed(closeFailure);
                    result.completeExceptionally(closeFailure);
                } else {
                    logReport(feed, dataSpaceId, report, false);
                    result.complete(report);
                }
            });
            result.whenComplete((report, failure) -> {
                if (result.isCancelled()) {
                    run.cancel();
                }
            });
        } catch (RuntimeException failed) {
            if (observation != null) {
                observation.failed(failed);
            }
            if (state != null) {
                closeQuietly(state);
            }
            result.completeExceptionally(failed);
        }
        return result;
    }

    private static RuntimeException closeQuietly(FeedSyncState state) {
        try {
            state.close();
            return null;
        } catch (RuntimeException failed) {
            return failed;
        }
    }

    private static final AtomicInteger ASYNC_THREADS = new AtomicInteger();

    /**
     * Runs a sync or upsert on a daemon thread of its own (a client without a runtime has no pool to share).
     * Cancelling the future cancels the run ({@link SyncRun#cancel}), whether it has started yet or not; the thread
     * then finishes the batches in flight and closes the state.
     */
    private CompletableFuture<SyncReport> onOwnThread(Feed feed, Iterable<? extends FeedItem> items,
            SyncListener listener, SyncRun.Mode mode) {
        CompletableFuture<SyncReport> result = new CompletableFuture<>();
        AtomicReference<SyncRun> started = new AtomicReference<>();
        result.whenComplete((report, failure) -> {
            SyncRun run = started.get();
            if (result.isCancelled() && run != null) {
                run.cancel();
            }
        });
        Thread thread = new Thread(() -> {
            try {
                result.complete(run(feed, listener, false, false, run -> {
                    started.set(run);
                    if (result.isCancelled()) {
                        run.cancel();
                    }
                    return run.items(items, mode);
                }));
            } catch (RuntimeException | Error failed) {
                result.completeExceptionally(failed);
            }
        }, "commerce-sync-" + feed.name() + "-" + ASYNC_THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** A run over an open state, its sender paced by the data space's limiter, its items in flight counted. */
    private SyncRun newRun(Feed feed, FeedSyncState state, SyncListener listener, SyncObservation observation,
            boolean dryRun, boolean stateErased, Set<PendingIdentities> mine) {
        String dataSpaceId = state.dataSpaceId();
        AdaptiveRateLimiter limiter = limiter(dataSpaceId);
        String path = settings.routed(feed).route() + "/" + encode(dataSpaceId);
        RequestLabel label = RequestLabel.feed(feed.name(), dataSpaceId);
        return new SyncRun(state, settings, new BothListeners(listener, observation), clock, dryRun, stateErased,
                runtime, (tally, pending, patience, afterBatch) -> {
                    mine.add(pending);
                    running.add(pending);
                    FeedDeliveries deliveries = new FeedDeliveries(caller, path, settings, limiter, state, tally,
                            pending, clock, patience, runtime == null ? ThrottleBackoff.NONE
                                    : ThrottleBackoff.REDELIVERY);
                    return runtime == null
                            ? new FeedSender(caller, label, headers, settings, deliveries, sleeper, afterBatch)
                            : new PacedFeedSender(caller, label, headers, settings, deliveries, runtime, afterBatch);
                });
    }

    private static void logReport(Feed feed, String dataSpaceId, SyncReport report, boolean dryRun) {
        LOG.info("Catalog {} of feed {} into data space {}: {} processed, {} unchanged, {} sent, {} rejected, "
                + "{} retryable, {} deleted, {} requests{}", dryRun ? "dry run" : "call", feed.name(),
                dataSpaceId, report.processed(), report.unchanged(), report.sent(), report.rejectedCount(),
                report.retryable(), report.deleted(), report.requests(), dryRun ? " (nothing sent)" : "");
    }

    private void erase(String dataSpaceId) {
        caller.call(new GatewayCall("POST", String.format(CLEANUP_PATH, encode(dataSpaceId)), Map.of(), new byte[0],
                GatewayCall.RetryPolicy.IDEMPOTENT, null));
        LOG.info("Erased the synced data of data space {} (registry cleanup) and reset its sync state", dataSpaceId);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

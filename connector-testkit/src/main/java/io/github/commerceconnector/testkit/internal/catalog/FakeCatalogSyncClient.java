package io.github.commerceconnector.testkit.internal.catalog;

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
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.internal.account.AccountError;
import io.github.commerceconnector.testkit.internal.fake.FakeRuntime;
import io.github.commerceconnector.testkit.internal.fake.RegistryPaths;
import io.github.commerceconnector.testkit.internal.fake.ServiceErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake {@link CatalogSyncClient} of {@code FakeCommerceServices}: the real client's rules (selection,
 * data-space guard, validation, change detection, deletes of disappeared items, outcomes per item, state
 * through a {@link SyncStateStore}) applied in memory, synchronously, one batch at a time. Batches reach the
 * account through the runtime's call gate ({@link FakeOperation#SEND_FEED}), with the same acceptance as the
 * {@code FakeGateway}, so injected failures apply. Resends mark items in the state, resyncs keep a checkpoint after
 * each batch and resume from it, and accepted deletes are kept for 7 days (the real client's default
 * {@code deletedRetention}, not configurable here). No rate limit, compression or threads. Thread-safe.
 */
public final class FakeCatalogSyncClient implements CatalogSyncClient {
    private static final Logger LOG = LoggerFactory.getLogger(FakeCatalogSyncClient.class);
    private static final int RESEND_CHUNK = 1000;

    private final FakeRuntime runtime;
    private final SyncStateStore store;

    /** A fake client over a runtime, keeping its state in {@code store}. */
    public FakeCatalogSyncClient(FakeRuntime runtime, SyncStateStore store) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Forgets a cleaned-up data space's state (logged, not thrown, while a sync holds it). */
    public void forget(String dataSpaceId) {
        try {
            store.resetDataSpace(dataSpaceId, () -> { });
        } catch (SyncLockedException e) {
            LOG.warn("Data space {} was cleaned up while a sync into it runs; its sync state is kept: {}",
                    dataSpaceId, e.getMessage());
        }
    }

    @Override
    public SyncReport sync(Feed feed, Iterable<? extends FeedItem> items, SyncListener listener) {
        Objects.requireNonNull(items, "items");
        return run(feed, listener, false, false, run -> run.items(items, true, false));
    }

    @Override
    public SyncReport upsert(Feed feed, Iterable<? extends FeedItem> items, SyncListener listener) {
        Objects.requireNonNull(items, "items");
        return run(feed, listener, false, false, run -> run.items(items, false, false));
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
            return run(feed, chosen.listener(), chosen.dryRun(), false,
                    run -> run.selected(items, chosen.onlyKeys()));
        }
        return run(feed, chosen.listener(), chosen.dryRun(), chosen.cleanup(),
                run -> run.resync(items, chosen.resumeInterrupted()));
    }

    /** Marks the held items of the keys as changed, a thousand at a time; counts the keys the state does not hold. */
    @Override
    public ResendReport resend(Feed feed, Iterable<ItemKey> keys) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(keys, "keys");
        String dataSpaceId = selected().dataSpaceId();
        try (FeedSyncState state = store.open(dataSpaceId, feed)) {
            List<Long> chunk = new ArrayList<>();
            long read = 0;
            long marked = 0;
            for (ItemKey key : keys) {
                if (key == null || !key.fields().equals(feed.identityFields())) {
                    throw new IllegalArgumentException("The key at position " + read + " does not name the "
                            + feed.identityFields() + " of feed " + feed.name() + ": build it with ItemKey.of(feed, ...)");
                }
                chunk.add(ItemRules.identityHash(key));
                read++;
                if (chunk.size() == RESEND_CHUNK) {
                    marked += state.markChanged(chunk.stream().mapToLong(Long::longValue).toArray(),
                            runtime.clock().instant());
                    chunk.clear();
                }
            }
            marked += state.markChanged(chunk.stream().mapToLong(Long::longValue).toArray(), runtime.clock().instant());
            return new ResendReport(feed, dataSpaceId, read, marked, read - marked);
        }
    }

    @Override
    public SyncReport retryFailed(Feed feed, SyncListener listener) {
        return run(feed, listener, false, false, FakeSyncRun::retries);
    }

    @Override
    public FeedStatus status(Feed feed) {
        Objects.requireNonNull(feed, "feed");
        String dataSpaceId = selected().dataSpaceId();
        try (FeedSyncState state = store.open(dataSpaceId, feed)) {
            return new FeedStatus(feed, dataSpaceId, state.count(ItemStatus.ACCEPTED) - state.keptDeletes(), state.count(ItemStatus.REJECTED),
                    state.count(ItemStatus.RETRYABLE), state.count(ItemStatus.UNCONFIRMED), state.lastFullSync(),
                    state.rejected(FakeSyncRun.LISTED));
        }
    }

    private SaasIdentity selected() {
        return runtime.selection().orElseThrow(() -> new IllegalStateException("No data space is selected, so "
                + "there is nowhere to sync to: call dataSpaces().select(projectId, dataSpaceId) first."));
    }

    private SyncReport run(Feed feed, SyncListener listener, boolean dryRun, boolean cleanup,
            Function<FakeSyncRun, SyncReport> body) {
        Objects.requireNonNull(feed, "feed");
        String dataSpaceId = selected().dataSpaceId();
        DataSpace dataSpace;
        try {
            dataSpace = runtime.account().requireDataSpace(dataSpaceId);
        } catch (AccountError gone) {
            throw ServiceErrors.forStatus(gone.status(), gone.getMessage(), null, null);
        }
        runtime.guard().check(dataSpace, "sync to");
        if (cleanup) {
            runtime.guard().check(dataSpace, "clean up");
            if (!dryRun) {
                store.resetDataSpace(dataSpaceId, () -> runtime.gate().call(FakeOperation.CLEANUP, "POST",
                        RegistryPaths.cleanup(dataSpaceId), null, dataSpaceId, null, () -> {
                            runtime.account().cleanup(dataSpaceId);
                            return null;
                        }));
            }
        }
        try (FeedSyncState state = store.open(dataSpaceId, feed)) {
            return body.apply(new FakeSyncRun(runtime, state, listener, dryRun, cleanup && dryRun));
        }
    }
}

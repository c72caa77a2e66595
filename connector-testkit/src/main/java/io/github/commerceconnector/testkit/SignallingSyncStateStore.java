package io.github.commerceconnector.testkit;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.api.spi.SyncStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link SyncStateStore} that signals when a feed's state opens and when each write starts and ends, for crash
 * tests that kill a process at a chosen moment: the signals are the lines {@code OPENING}, {@code OPENED},
 * {@code RECORDING n} and {@code RECORDED n} ({@code n} counts the writes of this store from 1), handed to a
 * consumer on the thread that opens or writes (a child JVM hands them to its parent, e.g. through its standard
 * output, flushed after each line). Everything else
 * is the wrapped store's ({@link FeedSyncState#markChanged} records through the signalling {@code record}).
 * Thread-safe if the consumer is.
 *
 * <pre>{@code
 * BlockingQueue<String> signals = new LinkedBlockingQueue<>();
 * SyncStateStore store = new SignallingSyncStateStore(new FileSyncStateStore(directory), signals::add);
 * }</pre>
 */
public final class SignallingSyncStateStore implements SyncStateStore {
    private final SyncStateStore store;
    private final Consumer<String> signals;
    private final AtomicInteger records = new AtomicInteger();

    /**
     * Wraps a store.
     *
     * @param signals told each signal line
     */
    public SignallingSyncStateStore(SyncStateStore store, Consumer<String> signals) {
        this.store = Objects.requireNonNull(store, "store");
        this.signals = Objects.requireNonNull(signals, "signals");
    }

    private void say(String line) {
        signals.accept(line);
    }

    @Override
    public FeedSyncState open(String dataSpaceId, Feed feed) {
        say("OPENING");
        FeedSyncState state = store.open(dataSpaceId, feed);
        say("OPENED");
        return new Signalling(state);
    }

    @Override
    public void resetDataSpace(String dataSpaceId, Runnable erase) {
        store.resetDataSpace(dataSpaceId, erase);
    }

    /** Shows the wrapped store. */
    @Override
    public String toString() {
        return "SignallingSyncStateStore[" + store + "]";
    }

    /** The feed state, saying when each write starts and ends. */
    private final class Signalling implements FeedSyncState {
        private final FeedSyncState state;

        Signalling(FeedSyncState state) {
            this.state = state;
        }

        @Override
        public void record(List<StateChange> changes, Instant attempted) {
            int number = records.incrementAndGet();
            say("RECORDING " + number);
            state.record(changes, attempted);
            say("RECORDED " + number);
        }

        @Override
        public Feed feed() {
            return state.feed();
        }

        @Override
        public String dataSpaceId() {
            return state.dataSpaceId();
        }

        @Override
        public ContentHashAlgorithm contentHashAlgorithm() {
            return state.contentHashAlgorithm();
        }

        @Override
        public StoredItem find(long identityHash) {
            return state.find(identityHash);
        }

        @Override
        public void findAll(long[] identityHashes, int count, StoredItem[] into) {
            state.findAll(identityHashes, count, into);
        }

        @Override
        public void prefetch(long[] identityHashes, int count) {
            state.prefetch(identityHashes, count);
        }

        @Override
        public void markAllSeen(long[] identityHashes, int count, boolean[] firsts) {
            state.markAllSeen(identityHashes, count, firsts);
        }

        @Override
        public boolean markSeen(long identityHash) {
            return state.markSeen(identityHash);
        }

        @Override
        public ItemKey key(long identityHash) {
            return state.key(identityHash);
        }

        @Override
        public String reason(long identityHash) {
            return state.reason(identityHash);
        }

        @Override
        public Instant lastAttempt(long identityHash) {
            return state.lastAttempt(identityHash);
        }

        @Override
        public long[] unseen() {
            return state.unseen();
        }

        @Override
        public void forEachRetryable(Consumer<RetryPayload> visitor) {
            state.forEachRetryable(visitor);
        }

        @Override
        public long count(ItemStatus status) {
            return state.count(status);
        }

        @Override
        public List<RejectedItem> rejected(int limit) {
            return state.rejected(limit);
        }

        @Override
        public Instant lastFullSync() {
            return state.lastFullSync();
        }

        @Override
        public void fullSyncFinished(Instant finished) {
            state.fullSyncFinished(finished);
        }

        @Override
        public ResyncCheckpoint resyncCheckpoint() {
            return state.resyncCheckpoint();
        }

        @Override
        public void resyncCheckpoint(ResyncCheckpoint checkpoint) {
            state.resyncCheckpoint(checkpoint);
        }

        @Override
        public long keptDeletes() {
            return state.keptDeletes();
        }

        @Override
        public long purgeDeletes(Instant acceptedBefore) {
            return state.purgeDeletes(acceptedBefore);
        }

        @Override
        public void close() {
            state.close();
        }
    }
}

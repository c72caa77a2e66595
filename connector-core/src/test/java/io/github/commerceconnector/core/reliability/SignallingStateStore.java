package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.api.spi.SyncStateStore;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A state store that says on a stream (a child JVM's standard output) when it opens a feed's state and when each
 * write starts and ends: {@code OPENING}, {@code OPENED}, {@code RECORDING n}, {@code RECORDED n}. The crash test
 * kills the child on these lines. Everything else is the wrapped store's.
 */
final class SignallingStateStore implements SyncStateStore {
    private final SyncStateStore store;
    private final PrintStream out;
    private final AtomicInteger records = new AtomicInteger();

    SignallingStateStore(SyncStateStore store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
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
        public StoredItem find(long identityHash) {
            return state.find(identityHash);
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
        public void close() {
            state.close();
        }
    }
}

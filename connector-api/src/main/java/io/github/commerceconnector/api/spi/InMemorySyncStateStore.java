package io.github.commerceconnector.api.spi;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.exception.SyncLockedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link SyncStateStore} in memory, for tests and for clients without a state directory: the same contract as the connector's crash-safe file store
 * (exclusive open per data space and feed, seen marks, retry payloads, resets under lock), held for the
 * store's life. {@link #heldItems} shows what a feed's state holds. Thread-safe.
 *
 * <pre>{@code
 * InMemorySyncStateStore store = new InMemorySyncStateStore();
 * CommerceServicesClient.builder()...syncStateStore(store).build();
 * }</pre>
 */
public final class InMemorySyncStateStore implements SyncStateStore {
    private final Map<String, Map<String, Feeds>> dataSpaces = new HashMap<>();
    /** The data spaces being reset: no feed of theirs opens, whether it held state before or not. */
    private final Set<String> resetting = new HashSet<>();

    @Override
    public synchronized FeedSyncState open(String dataSpaceId, Feed feed) {
        if (resetting.contains(dataSpaceId)) {
            throw new SyncLockedException("The sync state of feed " + feed.name() + " in data space " + dataSpaceId
                    + " is locked while the data space is reset. Sync again once the reset is done.");
        }
        Feeds feeds = dataSpaces.computeIfAbsent(dataSpaceId, id -> new HashMap<>())
                .computeIfAbsent(feed.name(), name -> new Feeds());
        if (feeds.open) {
            throw new SyncLockedException("The sync state of feed " + feed.name() + " in data space " + dataSpaceId
                    + " is in use by another sync in this process. Wait for it to finish.");
        }
        feeds.open = true;
        if (!feeds.identityFields.equals(feed.identityFields())) {
            feeds.items.clear();
            feeds.checkpoint = null;
            feeds.identityFields = feed.identityFields();
        }
        return new Session(dataSpaceId, feed, feeds);
    }

    /** How many items the state of a feed in a data space holds (any status). */
    public synchronized int heldItems(String dataSpaceId, Feed feed) {
        Feeds feeds = dataSpaces.getOrDefault(dataSpaceId, Map.of()).get(feed.name());
        return feeds == null ? 0 : feeds.items.size();
    }

    /** Forgets every data space's state; fails if a feed state is open. */
    public void clear() {
        List<String> ids;
        synchronized (this) {
            ids = List.copyOf(dataSpaces.keySet());
        }
        for (String id : ids) {
            resetDataSpace(id, () -> { });
        }
    }

    @Override
    public void resetDataSpace(String dataSpaceId, Runnable erase) {
        List<Feeds> locked = new ArrayList<>();
        synchronized (this) {
            if (resetting.contains(dataSpaceId)) {
                throw new SyncLockedException("Data space " + dataSpaceId + " is being reset by another call in this "
                        + "process: wait for it to finish.");
            }
            for (Map.Entry<String, Feeds> entry : dataSpaces.getOrDefault(dataSpaceId, Map.of()).entrySet()) {
                if (entry.getValue().open) {
                    throw new SyncLockedException("The sync state of feed " + entry.getKey() + " in data space "
                            + dataSpaceId + " is in use by another sync in this process: reset it afterwards.");
                }
            }
            for (Feeds feeds : dataSpaces.getOrDefault(dataSpaceId, Map.of()).values()) {
                feeds.open = true;
                feeds.items.clear();
                feeds.lastFullSync = null;
                feeds.checkpoint = null;
                locked.add(feeds);
            }
            resetting.add(dataSpaceId);
        }
        try {
            erase.run();
        } finally {
            synchronized (this) {
                locked.forEach(feeds -> feeds.open = false);
                resetting.remove(dataSpaceId);
            }
        }
    }

    /** What one item's state holds. */
    private record Entry(ItemKey key, long content, ItemStatus status, String reason, Instant attempted,
            byte[] payload) {
    }

    /** The state of one feed in one data space. */
    private static final class Feeds {
        final Map<Long, Entry> items = new HashMap<>();
        List<String> identityFields = List.of();
        Instant lastFullSync;
        ResyncCheckpoint checkpoint;
        boolean open;
    }

    /** One open session; guarded by the store's monitor. */
    private final class Session implements FeedSyncState {
        private final String dataSpaceId;
        private final Feed feed;
        private final Feeds feeds;
        private final Set<Long> seen = new HashSet<>();
        private boolean closed;

        Session(String dataSpaceId, Feed feed, Feeds feeds) {
            this.dataSpaceId = dataSpaceId;
            this.feed = feed;
            this.feeds = feeds;
        }

        @Override
        public Feed feed() {
            return feed;
        }

        @Override
        public String dataSpaceId() {
            return dataSpaceId;
        }

        private Entry entry(long identityHash) {
            synchronized (InMemorySyncStateStore.this) {
                check();
                return feeds.items.get(identityHash);
            }
        }

        private void check() {
            if (closed) {
                throw new IllegalStateException("The sync state of feed " + feed.name() + " is closed: open it again");
            }
        }

        @Override
        public StoredItem find(long identityHash) {
            Entry entry = entry(identityHash);
            return entry == null ? null : new StoredItem(identityHash, entry.content(), entry.status());
        }

        @Override
        public boolean markSeen(long identityHash) {
            synchronized (InMemorySyncStateStore.this) {
                check();
                return !feeds.items.containsKey(identityHash) || seen.add(identityHash);
            }
        }

        @Override
        public void record(List<StateChange> changes, Instant attempted) {
            synchronized (InMemorySyncStateStore.this) {
                check();
                for (StateChange change : changes) {
                    if (change.kind() == StateChange.Kind.REMOVED) {
                        feeds.items.remove(change.identityHash());
                    } else {
                        feeds.items.put(change.identityHash(), new Entry(change.key(), change.contentHash(),
                                change.kind().status(), change.reason(), attempted, change.payload()));
                        seen.add(change.identityHash());
                    }
                }
            }
        }

        @Override
        public ItemKey key(long identityHash) {
            Entry entry = entry(identityHash);
            return entry == null ? null : entry.key();
        }

        @Override
        public String reason(long identityHash) {
            Entry entry = entry(identityHash);
            return entry == null ? null : entry.reason();
        }

        @Override
        public Instant lastAttempt(long identityHash) {
            Entry entry = entry(identityHash);
            return entry == null ? null : entry.attempted();
        }

        @Override
        public long[] unseen() {
            synchronized (InMemorySyncStateStore.this) {
                check();
                return feeds.items.keySet().stream().filter(id -> !seen.contains(id)).mapToLong(Long::longValue)
                        .toArray();
            }
        }

        @Override
        public void forEachRetryable(Consumer<RetryPayload> visitor) {
            List<RetryPayload> payloads = new ArrayList<>();
            synchronized (InMemorySyncStateStore.this) {
                check();
                feeds.items.forEach((id, entry) -> {
                    if (entry.status() == ItemStatus.RETRYABLE) {
                        payloads.add(new RetryPayload(id, entry.content(), entry.payload()));
                    }
                });
            }
            payloads.forEach(visitor);
        }

        @Override
        public long count(ItemStatus status) {
            synchronized (InMemorySyncStateStore.this) {
                check();
                return feeds.items.values().stream().filter(entry -> entry.status() == status).count();
            }
        }

        @Override
        public List<RejectedItem> rejected(int limit) {
            synchronized (InMemorySyncStateStore.this) {
                check();
                return feeds.items.values().stream().filter(entry -> entry.status() == ItemStatus.REJECTED)
                        .limit(limit).map(entry -> new RejectedItem(entry.key(), entry.reason(), null, null, -1))
                        .toList();
            }
        }

        @Override
        public Instant lastFullSync() {
            synchronized (InMemorySyncStateStore.this) {
                return feeds.lastFullSync;
            }
        }

        @Override
        public void fullSyncFinished(Instant finished) {
            synchronized (InMemorySyncStateStore.this) {
                check();
                feeds.lastFullSync = finished;
            }
        }

        @Override
        public ResyncCheckpoint resyncCheckpoint() {
            synchronized (InMemorySyncStateStore.this) {
                check();
                return feeds.checkpoint;
            }
        }

        @Override
        public void resyncCheckpoint(ResyncCheckpoint checkpoint) {
            synchronized (InMemorySyncStateStore.this) {
                check();
                feeds.checkpoint = checkpoint;
            }
        }

        @Override
        public long keptDeletes() {
            synchronized (InMemorySyncStateStore.this) {
                check();
                return feeds.items.values().stream().filter(entry -> entry.status() == ItemStatus.ACCEPTED
                        && entry.content() == StateChange.DELETE_CONTENT).count();
            }
        }

        @Override
        public long purgeDeletes(Instant acceptedBefore) {
            synchronized (InMemorySyncStateStore.this) {
                check();
                int before = feeds.items.size();
                feeds.items.values().removeIf(entry -> entry.status() == ItemStatus.ACCEPTED
                        && entry.content() == StateChange.DELETE_CONTENT && entry.attempted().isBefore(acceptedBefore));
                return before - feeds.items.size();
            }
        }

        @Override
        public void close() {
            synchronized (InMemorySyncStateStore.this) {
                if (!closed) {
                    closed = true;
                    feeds.open = false;
                }
            }
        }
    }
}

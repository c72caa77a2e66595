package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.api.spi.SyncStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sync state of a client built without a state directory: held in memory for the client's life, with
 * the same locking (within the process) as the file store. Lost when the process ends, so the next process
 * sends everything again. Thread-safe.
 */
public final class MemorySyncStateStore implements SyncStateStore {
    private final Map<String, Map<String, Feeds>> dataSpaces = new HashMap<>();

    @Override
    public synchronized FeedSyncState open(String dataSpaceId, Feed feed) {
        Feeds feeds = dataSpaces.computeIfAbsent(dataSpaceId, id -> new HashMap<>())
                .computeIfAbsent(feed.name(), name -> new Feeds());
        if (feeds.open) {
            throw new SyncLockedException("The sync state of feed " + feed.name() + " in data space " + dataSpaceId
                    + " is in use by another sync in this process. Wait for it to finish.");
        }
        feeds.open = true;
        if (!feeds.identityFields.equals(feed.identityFields())) {
            feeds.items.clear();
            feeds.identityFields = feed.identityFields();
        }
        return new Session(dataSpaceId, feed, feeds);
    }

    @Override
    public void resetDataSpace(String dataSpaceId, Runnable erase) {
        List<Feeds> locked = new ArrayList<>();
        synchronized (this) {
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
                locked.add(feeds);
            }
        }
        try {
            erase.run();
        } finally {
            synchronized (this) {
                locked.forEach(feeds -> feeds.open = false);
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
            synchronized (MemorySyncStateStore.this) {
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
            synchronized (MemorySyncStateStore.this) {
                check();
                return !feeds.items.containsKey(identityHash) || seen.add(identityHash);
            }
        }

        @Override
        public void record(List<StateChange> changes, Instant attempted) {
            synchronized (MemorySyncStateStore.this) {
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
            synchronized (MemorySyncStateStore.this) {
                check();
                return feeds.items.keySet().stream().filter(id -> !seen.contains(id)).mapToLong(Long::longValue)
                        .toArray();
            }
        }

        @Override
        public void forEachRetryable(Consumer<RetryPayload> visitor) {
            List<RetryPayload> payloads = new ArrayList<>();
            synchronized (MemorySyncStateStore.this) {
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
            synchronized (MemorySyncStateStore.this) {
                check();
                return feeds.items.values().stream().filter(entry -> entry.status() == status).count();
            }
        }

        @Override
        public List<RejectedItem> rejected(int limit) {
            synchronized (MemorySyncStateStore.this) {
                check();
                return feeds.items.values().stream().filter(entry -> entry.status() == ItemStatus.REJECTED)
                        .limit(limit).map(entry -> new RejectedItem(entry.key(), entry.reason(), null, null, -1))
                        .toList();
            }
        }

        @Override
        public Instant lastFullSync() {
            synchronized (MemorySyncStateStore.this) {
                return feeds.lastFullSync;
            }
        }

        @Override
        public void fullSyncFinished(Instant finished) {
            synchronized (MemorySyncStateStore.this) {
                check();
                feeds.lastFullSync = finished;
            }
        }

        @Override
        public void close() {
            synchronized (MemorySyncStateStore.this) {
                if (!closed) {
                    closed = true;
                    feeds.open = false;
                }
            }
        }
    }
}

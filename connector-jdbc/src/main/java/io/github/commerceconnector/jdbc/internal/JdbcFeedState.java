package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ItemIndex;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.jdbc.LeaseLostException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The open sync state of one feed in one data space, in PostgreSQL, under this worker's lease: identities, content
 * hashes and statuses in an off-heap {@link ItemIndex} loaded when the state opened (so {@code find},
 * {@code markSeen}, {@code count} and {@code unseen} ask no database), the rest (identity values, reasons, payloads,
 * times) read from the item rows when asked.
 *
 * <p>{@link #record} is one call of the schema's {@code sync_write} function ({@link SyncWrite}), committed on its
 * own: it checks the lease, writes the items as arrays and deletes the removed ones; items about to be sent go to one
 * row of {@link InFlight} instead, so each item row is written once per sync, with the answer. Only a record that sends
 * items waits for the WAL flush; one of answers does not, which loses nothing a crash of the worker could reach and
 * nothing that matters when PostgreSQL itself stops ({@link SyncWrite} says why). The index changes only
 * after the commit, so it never claims what the database does not hold. Writes from several threads run at once, each
 * on its own connection (the sync records the batches of its senders in parallel; they concern distinct items);
 * {@link #close()} waits for them. A write that finds the lease taken over throws {@link LeaseLostException}, and so
 * does every later one.
 *
 * <p>Thread-safe. {@link #close()} releases the lease.
 */
final class JdbcFeedState implements FeedSyncState {
    private static final System.Logger LOG = System.getLogger(JdbcFeedState.class.getName());
    private static final int CHUNK = 1000;

    private final Feed feed;
    private final Lease lease;
    private final Transactions transactions;
    private final Leases leases;
    private final SyncStateSql sql;
    private final ItemRows rows;
    private final InFlight inFlight;
    private final SyncWrite writer;
    private final long feedId;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Lock writes = lifecycle.readLock();
    private final Lock closing = lifecycle.writeLock();
    private LeaseKeeper.Kept kept;
    private ItemIndex index;
    private Instant lastFullSync;
    private final ContentHashAlgorithm contentHashes;
    private volatile LeaseLostException lost;
    private boolean closed;

    JdbcFeedState(Feed feed, Lease lease, Transactions transactions, Leases leases, SyncStateSql sql, FeedRow row,
            ItemIndex index) {
        this.feed = feed;
        this.lease = lease;
        this.transactions = transactions;
        this.leases = leases;
        this.sql = sql;
        this.feedId = row.feedId();
        this.rows = new ItemRows(sql, row.feedId(), feed.identityFields());
        this.inFlight = new InFlight(row.feedId(), lease.token());
        this.writer = new SyncWrite(sql, lease, row.feedId());
        this.index = index;
        this.lastFullSync = row.lastFullSync();
        this.contentHashes = row.contentHashes();
    }

    /** Hands over the renewal of the lease, which {@link #close()} stops. */
    void keptBy(LeaseKeeper.Kept renewal) {
        this.kept = renewal;
    }

    /** Told by the lease keeper that another worker took the lease over. */
    void leaseLost(LeaseLostException failure) {
        lost = failure;
        LOG.log(Level.WARNING, failure.getMessage());
    }

    @Override
    public ContentHashAlgorithm contentHashAlgorithm() {
        return contentHashes;
    }

    @Override
    public Feed feed() {
        return feed;
    }

    @Override
    public String dataSpaceId() {
        return lease.dataSpaceId();
    }

    @Override
    public synchronized StoredItem find(long identityHash) {
        checkOpen();
        return index.find(identityHash);
    }

    @Override
    public synchronized void findAll(long[] identityHashes, int count, StoredItem[] into) {
        checkOpen();
        index.findAll(identityHashes, count, into);
    }

    @Override
    public synchronized void prefetch(long[] identityHashes, int count) {
        checkOpen();
        index.prefetch(identityHashes, count);
    }

    @Override
    public synchronized void markAllSeen(long[] identityHashes, int count, boolean[] firsts) {
        checkOpen();
        index.markAllSeen(identityHashes, count, firsts);
    }

    @Override
    public synchronized boolean markSeen(long identityHash) {
        checkOpen();
        return index.markSeen(identityHash);
    }

    @Override
    public void record(List<StateChange> changes, Instant attempted) {
        if (changes.isEmpty()) {
            synchronized (this) {
                checkOpen();
            }
            return;
        }
        List<StateChange> distinct = ItemRows.lastOfEach(changes);
        List<StateChange> settled = distinct.stream().filter(change -> change.kind() != StateChange.Kind.SENDING)
                .toList();
        writes.lock();
        try {
            writable();
            InFlight.Plan plan = inFlight.plan(distinct, attempted);
            boolean[] hadRow = hadRows(distinct, plan);
            Set<Long> fresh = new HashSet<>();
            for (int i = 0; i < hadRow.length; i++) {
                StateChange change = distinct.get(i);
                if (!hadRow[i] && change.kind() != StateChange.Kind.SENDING
                        && change.kind() != StateChange.Kind.REMOVED) {
                    fresh.add(change.identityHash());
                }
            }
            synchronized (this) {
                index.makeRoom(distinct.size());
            }
            try {
                write(settled, plan, fresh);
            } catch (ConnectorClientException failure) {
                if (fresh.isEmpty() || !isUniqueViolation(failure)) {
                    throw failure;
                }
                LOG.log(Level.WARNING, "An item of {0} had a row the state did not know of; writing the batch again "
                        + "as updates", lease.describe());
                write(settled, plan, Set.of());
            }
            inFlight.committed(plan, hadRow);
            synchronized (this) {
                index.prefetch(plan.identities(), plan.identities().length);
                for (int i = 0; i < hadRow.length; i++) {
                    StateChange change = distinct.get(i);
                    if (change.kind() == StateChange.Kind.REMOVED) {
                        index.remove(change.identityHash());
                    } else {
                        boolean row = change.kind() != StateChange.Kind.SENDING || hadRow[i];
                        index.put(change.identityHash(), change.contentHash(), change.kind().status(),
                                row ? ItemRows.HAS_ROW : 0, true);
                    }
                }
            }
        } finally {
            writes.unlock();
        }
    }

    /** Writes a record in one call, committed on its own; remembers and throws a lost lease. */
    private void write(List<StateChange> settled, InFlight.Plan plan, Set<Long> fresh) {
        boolean held = transactions.call(() -> "record " + plan.identities().length + " changes to "
                + lease.describe(), connection -> writer.write(connection, settled, fresh, inFlight::keyText, plan));
        if (!held) {
            LeaseLostException failure = leases.lost(lease);
            lost = failure;
            throw failure;
        }
    }

    /**
     * Whether each change's item has a row now: the settled ones without one are inserted rather than upserted,
     * and an item about to be sent keeps knowing whether it has one. An item on its way is known from its sending
     * (the answer does not look it up again); the others are looked up in the index.
     */
    private synchronized boolean[] hadRows(List<StateChange> changes, InFlight.Plan plan) {
        checkOpen();
        boolean[] had = new boolean[changes.size()];
        for (int i = 0; i < had.length; i++) {
            Boolean known = plan.rows()[i];
            had[i] = known != null ? known : index.position(changes.get(i).identityHash()) == ItemRows.HAS_ROW;
        }
        return had;
    }

    private static boolean isUniqueViolation(ConnectorClientException failure) {
        return failure.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }

    /** A write's work, given the transaction's {@link Fence}. */
    @FunctionalInterface
    private interface FencedWork {
        /** Does the work after the fence's lock. */
        void run(Connection connection, Fence fence) throws SQLException;
    }

    /**
     * Runs a write in a transaction that takes the lease's lock first and checks the lease before it commits;
     * remembers a lost lease.
     */
    private void write(Supplier<String> what, FencedWork work) {
        try {
            transactions.run(what, connection -> {
                Fence fence = new Fence(leases, lease);
                fence.lock(connection);
                work.run(connection, fence);
                fence.check(connection);
                return null;
            });
        } catch (LeaseLostException failure) {
            lost = failure;
            throw failure;
        }
    }

    private void writable() {
        synchronized (this) {
            checkOpen();
        }
        LeaseLostException failure = lost;
        if (failure != null) {
            throw new LeaseLostException(failure.getMessage(), failure.owner().orElse(null),
                    failure.lockedUntil().orElse(null));
        }
    }

    @Override
    public ItemKey key(long identityHash) {
        ItemRows.Details details = details(identityHash);
        return details == null ? null : details.key();
    }

    @Override
    public String reason(long identityHash) {
        synchronized (this) {
            checkOpen();
            if (index.status(identityHash) != ItemStatus.REJECTED) {
                return null;
            }
        }
        ItemRows.Details details = details(identityHash);
        return details == null ? null : details.reason();
    }

    @Override
    public Instant lastAttempt(long identityHash) {
        ItemRows.Details details = details(identityHash);
        return details == null ? null : details.attempted();
    }

    private ItemRows.Details details(long identityHash) {
        synchronized (this) {
            checkOpen();
            if (!index.contains(identityHash)) {
                return null;
            }
        }
        InFlight.Pending sent = inFlight.pending(identityHash);
        if (sent != null) {
            return new ItemRows.Details(sent.key(), null, sent.attempted());
        }
        return transactions.run(() -> "read an item of " + lease.describe(),
                connection -> rows.details(connection, identityHash));
    }

    @Override
    public synchronized long[] unseen() {
        checkOpen();
        return index.unseen();
    }

    /**
     * Visits the retryable items known when the visit starts, reading their payloads a thousand at a time with
     * no connection held while the visitor runs (it may record, on a pool of one connection); an item whose
     * status or content changed since is skipped.
     */
    @Override
    public void forEachRetryable(Consumer<RetryPayload> visitor) {
        long[] retryable = identitiesWith(ItemStatus.RETRYABLE, Integer.MAX_VALUE);
        for (int start = 0; start < retryable.length; start += CHUNK) {
            long[] chunk = Arrays.copyOfRange(retryable, start, Math.min(retryable.length, start + CHUNK));
            List<RetryPayload> payloads = transactions.run(() -> "read the retry payloads of " + lease.describe(),
                    connection -> rows.retryPayloads(connection, chunk));
            for (RetryPayload payload : payloads) {
                if (stillRetryable(payload)) {
                    visitor.accept(payload);
                }
            }
        }
    }

    private synchronized boolean stillRetryable(RetryPayload payload) {
        checkOpen();
        long identity = payload.identityHash();
        return index.status(identity) == ItemStatus.RETRYABLE && index.content(identity) == payload.contentHash();
    }

    private synchronized long[] identitiesWith(ItemStatus status, int limit) {
        checkOpen();
        long[] found = new long[(int) Math.min(limit, index.count(status))];
        int[] count = {0};
        index.forEach(status, identity -> {
            found[count[0]++] = identity;
            return count[0] < found.length;
        });
        return found;
    }

    @Override
    public synchronized long count(ItemStatus status) {
        checkOpen();
        return index.count(status);
    }

    @Override
    public List<RejectedItem> rejected(int limit) {
        long[] identities = identitiesWith(ItemStatus.REJECTED, Math.max(0, limit));
        if (identities.length == 0) {
            return List.of();
        }
        return transactions.run(() -> "read the rejected items of " + lease.describe(),
                connection -> rows.rejected(connection, identities));
    }

    @Override
    public synchronized Instant lastFullSync() {
        return lastFullSync;
    }

    @Override
    public void fullSyncFinished(Instant finished) {
        writes.lock();
        try {
            writable();
            write(() -> "record the full sync of " + lease.describe(), (connection, fence) -> {
                try (PreparedStatement statement = connection.prepareStatement(sql.setLastFullSync)) {
                    statement.setObject(1, OffsetDateTime.ofInstant(finished, ZoneOffset.UTC));
                    statement.setLong(2, feedId);
                    statement.executeUpdate();
                }
            });
            synchronized (this) {
                lastFullSync = finished;
            }
        } finally {
            writes.unlock();
        }
    }

    @Override
    public ResyncCheckpoint resyncCheckpoint() {
        synchronized (this) {
            checkOpen();
        }
        return transactions.run(() -> "read the resync checkpoint of " + lease.describe(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.selectCheckpoint)) {
                statement.setLong(1, feedId);
                try (ResultSet row = statement.executeQuery()) {
                    OffsetDateTime started = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
                    return started == null ? null : new ResyncCheckpoint(started.toInstant(), row.getLong(2));
                }
            }
        });
    }

    @Override
    public void resyncCheckpoint(ResyncCheckpoint checkpoint) {
        writes.lock();
        try {
            writable();
            write(() -> "record the resync checkpoint of " + lease.describe(), (connection, fence) -> {
                try (PreparedStatement statement = connection.prepareStatement(sql.setCheckpoint)) {
                    statement.setObject(1, checkpoint == null ? null
                            : OffsetDateTime.ofInstant(checkpoint.started(), ZoneOffset.UTC));
                    statement.setObject(2, checkpoint == null ? null : checkpoint.confirmedItems(), Types.BIGINT);
                    statement.setLong(3, feedId);
                    statement.executeUpdate();
                }
            });
        } finally {
            writes.unlock();
        }
    }

    /**
     * Marks the items in one statement under the lease (the held accepted and rejected ones become unconfirmed in
     * their rows), then in the index; no identity values are read.
     */
    @Override
    public long markChanged(long[] identityHashes, Instant marked) {
        long held = 0;
        synchronized (this) {
            checkOpen();
            for (long identity : identityHashes) {
                held += index.contains(identity) ? 1 : 0;
            }
        }
        List<Long> changed = new ArrayList<>();
        Long[] boxed = Arrays.stream(identityHashes).boxed().toArray(Long[]::new);
        writes.lock();
        try {
            writable();
            write(() -> "mark " + identityHashes.length + " items of " + lease.describe() + " changed",
                    (connection, fence) -> {
                        changed.clear();
                        try (PreparedStatement statement = connection.prepareStatement(sql.markChanged)) {
                            statement.setObject(1, OffsetDateTime.ofInstant(marked, ZoneOffset.UTC));
                            statement.setLong(2, feedId);
                            statement.setArray(3, connection.createArrayOf("bigint", boxed));
                            try (ResultSet rows = statement.executeQuery()) {
                                while (rows.next()) {
                                    changed.add(rows.getLong(1));
                                }
                            }
                        }
                    });
            synchronized (this) {
                for (long identity : changed) {
                    if (index.contains(identity)) {
                        index.put(identity, index.content(identity), ItemStatus.UNCONFIRMED, ItemRows.HAS_ROW, false);
                    }
                }
            }
        } finally {
            writes.unlock();
        }
        return held;
    }

    @Override
    public synchronized long keptDeletes() {
        checkOpen();
        long[] kept = {0};
        index.forEach(ItemStatus.ACCEPTED, identity -> {
            if (index.content(identity) == StateChange.DELETE_CONTENT) {
                kept[0]++;
            }
            return true;
        });
        return kept[0];
    }

    /** Deletes the old accepted deletes' rows in one statement under the lease, then forgets them in the index. */
    @Override
    public long purgeDeletes(Instant acceptedBefore) {
        List<Long> purged = new ArrayList<>();
        writes.lock();
        try {
            writable();
            write(() -> "purge the old accepted deletes of " + lease.describe(), (connection, fence) -> {
                purged.clear();
                try (PreparedStatement statement = connection.prepareStatement(sql.purgeDeletes)) {
                    statement.setLong(1, feedId);
                    statement.setObject(2, OffsetDateTime.ofInstant(acceptedBefore, ZoneOffset.UTC));
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            purged.add(rows.getLong(1));
                        }
                    }
                }
            });
            synchronized (this) {
                purged.forEach(index::remove);
            }
        } finally {
            writes.unlock();
        }
        return purged.size();
    }

    /**
     * Stops renewing the lease and releases it, so that the next open takes it at once. A release that fails
     * (the database is out of reach) is logged: the lease then ends by itself within its duration.
     */
    @Override
    public void close() {
        closing.lock();
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                index.release();
                index = null;
            }
            if (kept != null) {
                kept.close();
            }
            if (lost == null) {
                try {
                    leases.release(lease);
                } catch (RuntimeException failure) {
                    LOG.log(Level.WARNING, "Could not release the lease of worker {0} on {1}; it ends by itself "
                            + "within {2} ms: {3}", lease.ownerId(), lease.describe(),
                            leases.duration().toMillis(), failure.getMessage());
                }
            }
        } finally {
            closing.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The sync state of feed " + feed.name() + " in data space "
                    + lease.dataSpaceId() + " is closed: open it again");
        }
    }

    /** Shows feed, data space and worker. */
    @Override
    public String toString() {
        return "JdbcFeedState[" + lease.describe() + ", worker " + lease.ownerId() + "]";
    }
}

package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.jdbc.LeaseLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The leases of the sync state, one row per data space and feed ({@code sync_lease}): taken when a feed's state
 * opens, renewed while it is open, checked by every write and released when it closes. Times come from the database's
 * clock ({@code clock_timestamp()}), so workers whose clocks disagree still agree on expiry.
 *
 * <p>Taking a lease succeeds only when there is no row or its lease has ended; it writes a new fencing token from a
 * sequence. Fencing rests on a transaction-scoped advisory lock per lease: every write transaction of the state first
 * takes it shared ({@link #lockShared}) and then checks that the row still carries its token ({@link Fence}); a
 * takeover takes it exclusively before it writes a new token. So a takeover waits for the writes in progress, and
 * every write that starts after a takeover finds another token and changes nothing. The lock lives in the server's
 * memory: checking the lease writes nothing. A holder paused inside a write transaction is cut off by PostgreSQL
 * after the lease's duration ({@code idle_in_transaction_session_timeout}, set for that transaction), which rolls the
 * write back and frees the lock. Thread-safe.
 */
final class Leases {
    private static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Transactions transactions;
    private final SyncStateSql sql;
    private final String ownerId;
    private final Duration duration;

    Leases(Transactions transactions, SyncStateSql sql, String ownerId, Duration duration) {
        this.transactions = transactions;
        this.sql = sql;
        this.ownerId = ownerId;
        this.duration = duration;
    }

    /** How long a lease lasts unless renewed. */
    Duration duration() {
        return duration;
    }

    /**
     * Takes the lease of a feed's state at once, or fails.
     *
     * @throws SyncLockedException naming the holder and when its lease ends, if another open state holds it
     */
    Lease acquire(String dataSpaceId, String feed) {
        Lease wanted = new Lease(dataSpaceId, feed, ownerId, 0, null);
        Lease taken;
        try {
            taken = transactions.run(() -> "take the lease of " + wanted.describe(), connection -> {
                setLocal(connection, "lock_timeout", Intervals.setting(LOCK_WAIT));
                try (PreparedStatement lock = connection.prepareStatement(sql.lockExclusive)) {
                    lock.setString(1, sql.lockName(dataSpaceId, feed));
                    lock.executeQuery().close();
                }
                try (PreparedStatement statement = connection.prepareStatement(sql.acquireLease)) {
                    statement.setString(1, dataSpaceId);
                    statement.setString(2, feed);
                    statement.setString(3, ownerId);
                    statement.setString(4, Intervals.interval(duration));
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? new Lease(dataSpaceId, feed, ownerId, row.getLong(1),
                                row.getTimestamp(2).toInstant()) : null;
                    }
                }
            });
        } catch (ConnectorClientException failure) {
            if (!isLockWait(failure)) {
                throw failure;
            }
            taken = null;
        }
        if (taken == null) {
            throw locked(wanted);
        }
        return taken;
    }

    private static boolean isLockWait(ConnectorClientException failure) {
        return failure.getCause() instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
    }

    private SyncLockedException locked(Lease wanted) {
        Holder holder = holder(wanted);
        String who = holder.owner() == null ? "another worker" : ownerId.equals(holder.owner())
                ? "another sync in this process (worker " + holder.owner() + ")" : "worker " + holder.owner();
        return new SyncLockedException("The sync state of feed " + wanted.feed() + " in data space "
                + wanted.dataSpaceId() + " is in use by " + who + ", whose lease ends at " + holder.until()
                + " unless it renews it. Wait for that sync to finish; if that worker died, its lease ends by "
                + "itself and a new attempt then succeeds.", holder.owner(), holder.until());
    }

    private Holder holder(Lease lease) {
        return transactions.run(() -> "read the lease of " + lease.describe(), connection -> holder(connection, lease));
    }

    /** Who holds a lease now, read in the caller's transaction. */
    Holder holder(Connection connection, Lease lease) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.leaseHolder)) {
            statement.setString(1, lease.dataSpaceId());
            statement.setString(2, lease.feed());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new Holder(row.getString(1), row.getTimestamp(2).toInstant())
                        : new Holder(null, null);
            }
        }
    }

    /**
     * Renews a lease, waiting for a lock at most a short while.
     *
     * @return the new end of the lease, or {@code null} if another worker holds it now (the lease is lost)
     */
    Instant renew(Lease lease) {
        return transactions.run(() -> "renew the lease of " + lease.describe(), connection -> {
            setLocal(connection, "lock_timeout", Intervals.setting(LOCK_WAIT));
            try (PreparedStatement statement = connection.prepareStatement(sql.renewLease)) {
                statement.setString(1, Intervals.interval(duration));
                statement.setString(2, lease.dataSpaceId());
                statement.setString(3, lease.feed());
                statement.setLong(4, lease.token());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getTimestamp(1).toInstant() : null;
                }
            }
        });
    }

    /**
     * Ends a lease now, so that the next open takes it at once; does nothing if it is no longer held. The row gets a
     * token nobody holds, so that a renewal of this lease still on its way (the keeper's thread may have started one
     * before it was stopped) finds nothing to renew, instead of extending the ended lease.
     */
    void release(Lease lease) {
        transactions.run(() -> "release the lease of " + lease.describe(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.releaseLease)) {
                statement.setString(1, lease.dataSpaceId());
                statement.setString(2, lease.feed());
                statement.setLong(3, lease.token());
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Takes the lease's advisory lock shared and cuts the session off if it idles inside the transaction longer
     * than the lease lasts: the first statement of every write transaction ({@link Fence}).
     */
    void lockShared(Connection connection, Lease lease) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql.lockShared)) {
            lock.setString(1, sql.lockName(lease.dataSpaceId(), lease.feed()));
            lock.setString(2, Intervals.setting(duration));
            lock.executeQuery().close();
        }
    }

    /**
     * Checks that the lease row still carries the lease's token, after {@link #lockShared}.
     *
     * @throws LeaseLostException if another worker took the lease over
     */
    void checkToken(Connection connection, Lease lease) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(sql.checkToken)) {
            check.setString(1, lease.dataSpaceId());
            check.setString(2, lease.feed());
            check.setLong(3, lease.token());
            try (ResultSet row = check.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        throw lost(lease, holder(connection, lease));
    }

    /** The exception for a lease another worker took over. */
    LeaseLostException lost(Lease lease, Holder holder) {
        return new LeaseLostException("Worker " + lease.ownerId() + " lost its lease on " + lease.describe()
                + (holder.owner() == null ? "" : " to worker " + holder.owner() + " (lease until " + holder.until()
                        + ")")
                + ": its lease ended before it was renewed (the worker was paused, cut off from the database or too "
                + "busy). Its writes are refused so that only one worker writes; stop this sync, the other worker "
                + "carries it on.", holder.owner(), holder.until());
    }

    /** The exception for a lease that a renewal found taken over; reads the new holder. */
    LeaseLostException lost(Lease lease) {
        return lost(lease, holder(lease));
    }

    private void setLocal(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.setLocal)) {
            statement.setString(1, name);
            statement.setString(2, value);
            statement.executeQuery().close();
        }
    }

    /**
     * Who holds a lease.
     *
     * @param owner the holder's worker id, or {@code null} when there is no lease row
     * @param until when its lease ends, or {@code null}
     */
    record Holder(String owner, Instant until) {
    }
}

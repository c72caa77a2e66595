package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.jdbc.LeaseLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The lease check of one write transaction. {@link #lock} comes first: it takes the lease's advisory lock shared,
 * so no takeover can commit before this transaction ends. The check that the lease row still carries the writer's
 * token then rides on the first statement that writes a batch (its SQL ends with the guard of
 * {@link SyncStateSql}; {@link #bind} fills it and {@link #wrote} judges what it wrote), or runs on its own in
 * {@link #check} when no such statement ran. Not thread-safe: one per transaction.
 */
final class Fence {
    private final Leases leases;
    private final Lease lease;
    private boolean checked;

    Fence(Leases leases, Lease lease) {
        this.leases = leases;
        this.lease = lease;
    }

    /** Takes the lease's lock shared: the first statement of the transaction. */
    void lock(Connection connection) throws SQLException {
        leases.lockShared(connection, lease);
    }

    /**
     * Binds the guard's values, the last three parameters of a guarded statement.
     *
     * @param first the index of the guard's first parameter
     */
    void bind(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, lease.dataSpaceId());
        statement.setString(first + 1, lease.feed());
        statement.setLong(first + 2, lease.token());
    }

    /**
     * Judges a guarded statement: it wrote nothing when the lease row no longer carries the token.
     *
     * @param rows     the rows it wrote
     * @param expected the rows it writes when the lease holds (at least one)
     * @throws LeaseLostException if the guard failed
     */
    void wrote(Connection connection, int rows, int expected) throws SQLException {
        if (rows < expected) {
            throw leases.lost(lease, leases.holder(connection, lease));
        }
        checked = true;
    }

    /**
     * Checks the token unless a guarded statement did; call before the commit.
     *
     * @throws LeaseLostException if another worker took the lease over
     */
    void check(Connection connection) throws SQLException {
        if (!checked) {
            leases.checkToken(connection, lease);
            checked = true;
        }
    }
}

package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.jdbc.LeaseLostException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The lease check of a write transaction made of several statements (opening, the last full sync, a reset; a
 * record is one call of {@link SyncWrite}, which checks the lease itself). {@link #lock} comes first: it takes the
 * lease's advisory lock shared, so no takeover can commit before this transaction ends; {@link #check} then checks
 * that the lease row still carries the writer's token. Not thread-safe: one per transaction.
 */
final class Fence {
    private final Leases leases;
    private final Lease lease;

    Fence(Leases leases, Lease lease) {
        this.leases = leases;
        this.lease = lease;
    }

    /** Takes the lease's lock shared: the first statement of the transaction. */
    void lock(Connection connection) throws SQLException {
        leases.lockShared(connection, lease);
    }

    /**
     * Checks the token, after {@link #lock}.
     *
     * @throws LeaseLostException if another worker took the lease over
     */
    void check(Connection connection) throws SQLException {
        leases.checkToken(connection, lease);
    }
}

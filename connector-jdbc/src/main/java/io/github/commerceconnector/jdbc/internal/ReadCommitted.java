package io.github.commerceconnector.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the stores' work at READ COMMITTED whatever level the user's pool or database gives its connections
 * (HikariCP's {@code transactionIsolation}, {@code default_transaction_isolation}). Fencing needs it: a write takes
 * the lease's lock and then checks the lease's token, and only at READ COMMITTED does that check see a takeover that
 * committed while the lock was awaited; at REPEATABLE READ or SERIALIZABLE it reads a snapshot taken before the wait
 * and a worker whose lease was taken over writes anyway. A transaction sets the level for itself ({@link #begin}),
 * which leaves the connection as it was; a statement in autocommit mode that found another level runs again with
 * the connection set to READ COMMITTED and set back afterwards ({@link #pinned}).
 */
final class ReadCommitted {
    /** What PostgreSQL's {@code transaction_isolation} setting reads at READ COMMITTED. */
    static final String SETTING = "read committed";

    private ReadCommitted() {
    }

    /** Sets the transaction that starts to READ COMMITTED: the first statement of every transaction. */
    static void begin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
    }

    /**
     * Runs work in autocommit mode with the connection at READ COMMITTED, then gives the connection its own level
     * back.
     */
    static <T> T pinned(Connection connection, Transactions.Work<T> work) throws SQLException {
        int previous = connection.getTransactionIsolation();
        if (previous == Connection.TRANSACTION_READ_COMMITTED) {
            return work.run(connection);
        }
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        T result;
        try {
            result = work.run(connection);
        } catch (SQLException | RuntimeException | Error failure) {
            restoreQuietly(connection, previous, failure);
            throw failure;
        }
        connection.setTransactionIsolation(previous);
        return result;
    }

    private static void restoreQuietly(Connection connection, int level, Throwable failure) {
        try {
            if (!connection.isClosed()) {
                connection.setTransactionIsolation(level);
            }
        } catch (SQLException restoreFailed) {
            failure.addSuppressed(restoreFailed);
        }
    }
}

package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs units of work on connections of the user's {@link DataSource}, one connection per unit, returned to the pool
 * at once: in a transaction at READ COMMITTED whatever the pool's or database's default ({@link #run},
 * {@link ReadCommitted}), or as one statement in autocommit mode ({@link #call}). A unit that fails
 * because the connection broke (the server ended it, the network dropped, the pool timed out) runs again on a fresh
 * connection, up to {@value #ATTEMPTS} times in all with a short pause between: every unit is written to be
 * repeatable (upserts, conditional updates), so a commit whose outcome was lost may run twice. Other database errors
 * become a {@link ConnectorClientException} naming what was being done and the SQLState; a missing table becomes a
 * {@link ConfigurationException} saying how to create the schema. Thread-safe.
 */
public final class Transactions {
    private static final int ATTEMPTS = 4;
    private static final long[] PAUSE_MILLIS = {50, 250, 1000};
    private static final Set<String> RETRYABLE_STATES = Set.of("57P01", "57P02", "57P03", "57P05", "25P03", "40001",
            "40P01");

    private final DataSource dataSource;
    private final String schemaAdvice;

    /**
     * Transactions on a data source.
     *
     * @param schemaAdvice what to do when a table is missing, for the error message
     */
    public Transactions(DataSource dataSource, String schemaAdvice) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schemaAdvice = schemaAdvice;
    }

    /** A unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work; the caller commits. */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs a unit of work in a transaction and commits it; a runtime exception of the work rolls back and passes
     * through unchanged.
     *
     * @param what what the work does, for messages, e.g. "record the sync state of feed products in data space x"
     * @throws ConnectorClientException if the database fails (retryable when the connection broke every time)
     */
    public <T> T run(Supplier<String> what, Work<T> work) {
        return attempt(what, work, false);
    }

    private <T> T attempt(Supplier<String> what, Work<T> work, boolean autoCommitted) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                pause(PAUSE_MILLIS[Math.min(attempt - 1, PAUSE_MILLIS.length - 1)], what, last);
            }
            try {
                return once(work, autoCommitted);
            } catch (SQLException failure) {
                if (!isConnectionLoss(failure)) {
                    throw translate(what.get(), failure);
                }
                last = failure;
            }
        }
        throw new ConnectorClientException("Could not " + what.get() + ": the database connection failed "
                + ATTEMPTS + " times (" + describe(last) + "). Check that PostgreSQL is reachable; nothing that was "
                + "not confirmed is marked as sent, so a later run sends it.", last, true);
    }

    /**
     * Runs one statement in autocommit mode, its own transaction, committed by the server as it ends: one round
     * trip. It runs at the connection's isolation level: a statement that needs READ COMMITTED checks the level
     * itself and runs again under {@link ReadCommitted#pinned} when it finds another. A runtime exception of the
     * work passes through unchanged.
     *
     * @param what what the work does, for messages
     * @throws ConnectorClientException if the database fails (retryable when the connection broke every time)
     */
    public <T> T call(Supplier<String> what, Work<T> work) {
        return attempt(what, work, true);
    }

    private <T> T once(Work<T> work, boolean autoCommitted) throws SQLException {
        if (autoCommitted) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                if (!autoCommit) {
                    connection.setAutoCommit(true);
                }
                try {
                    return work.run(connection);
                } finally {
                    if (!autoCommit && !connection.isClosed()) {
                        connection.setAutoCommit(false);
                    }
                }
            }
        }
        return inTransaction(work);
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                ReadCommitted.begin(connection);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error failure) {
                rollbackQuietly(connection, failure);
                throw failure;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        if (autoCommit) {
            try {
                if (!connection.isClosed()) {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException broken) {
                // the connection is broken; the pool discards it
            }
        }
    }

    private static void pause(long millis, Supplier<String> what, SQLException last) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConnectorClientException("Interrupted while waiting to " + what.get() + " again after "
                    + describe(last), last, true);
        }
    }

    /**
     * Whether a failure means that the connection broke or could not be had, so the same work may succeed on
     * another connection: SQLState class 08 (connection exception), 57P01-57P03 and 57P05 (the server ended the
     * session or is starting), 25P03 (the server ended a session idle inside a transaction), 40001/40P01
     * (serialization failure, deadlock), or the JDBC transient connection types.
     */
    static boolean isConnectionLoss(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || RETRYABLE_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private RuntimeException translate(String what, SQLException failure) {
        if ("42P01".equals(failure.getSQLState()) || "3F000".equals(failure.getSQLState())) {
            return new ConfigurationException("Could not " + what + ": a table of the connector is missing ("
                    + describe(failure) + "). " + schemaAdvice, failure);
        }
        if ("42703".equals(failure.getSQLState())) {
            return new ConfigurationException("Could not " + what + ": a column of the connector's tables is missing, "
                    + "so the schema is of an earlier version (" + describe(failure) + "). " + schemaAdvice, failure);
        }
        return new ConnectorClientException("Could not " + what + ": the database refused it (" + describe(failure)
                + "). Check the database user's rights on the connector's tables.", failure);
    }

    /** The SQLState and the message of a failure, for messages; the stores put no secret in SQL text. */
    static String describe(SQLException failure) {
        if (failure == null) {
            return "no error";
        }
        return "SQLState " + failure.getSQLState() + ": " + failure.getMessage();
    }
}

package io.github.commerceconnector.jdbc.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Kills state writes in the middle of their transaction: it locks the schema's {@code connector_sync_sending} table
 * (every record writes to it), so that a write call ({@code sync_write}) stops inside its transaction, after the
 * statements before it, and then ends that call's backend with {@code pg_terminate_backend}: the transaction is
 * rolled back, the client's connection is gone. Not thread-safe.
 */
public final class WriteKiller implements AutoCloseable {
    private final Connection admin;
    private final String table;
    private int killed;

    /** A killer for the writes in a schema. */
    public WriteKiller(TestSchema schema) throws SQLException {
        this.admin = TestDatabase.get().connect();
        this.table = schema.name() + ".connector_sync_sending";
    }

    /** Locks the table: from now on every write call waits inside its transaction. */
    public void lock() throws SQLException {
        admin.setAutoCommit(false);
        try (Statement statement = admin.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN SHARE MODE");
        }
    }

    /** Releases the table: write calls go through again. */
    public void unlock() throws SQLException {
        admin.commit();
        admin.setAutoCommit(true);
    }

    /**
     * Waits for a write call stopped by the lock and kills its backend.
     *
     * @return whether one was killed before {@code giveUp} said to stop or 30 s passed
     */
    public boolean killNext(BooleanSupplier giveUp) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement waiting = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE pid <> "
                + "pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%sync_write%' LIMIT 1")) {
            while (System.nanoTime() < deadline && !giveUp.getAsBoolean()) {
                freshStatistics();
                try (ResultSet row = waiting.executeQuery()) {
                    if (row.next()) {
                        terminate(row.getInt(1));
                        killed++;
                        return true;
                    }
                }
                Thread.sleep(5);
            }
        }
        return false;
    }

    private void terminate(int pid) throws SQLException, InterruptedException {
        try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)");
                PreparedStatement alive = admin.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            kill.setInt(1, pid);
            kill.executeQuery().close();
            alive.setInt(1, pid);
            for (int i = 0; i < 1000; i++) {
                freshStatistics();
                try (ResultSet row = alive.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("Backend " + pid + " outlived pg_terminate_backend");
        }
    }

    /** Drops the activity snapshot this connection's transaction would otherwise keep reading. */
    private void freshStatistics() throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
        }
    }

    /** How many write calls it killed. */
    public int killed() {
        return killed;
    }

    @Override
    public void close() throws SQLException {
        if (!admin.getAutoCommit()) {
            admin.rollback();
        }
        admin.close();
    }
}

package io.github.commerceconnector.examples.fleet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A PostgreSQL server of its own for the fleet demo and its test (zonky's embedded PostgreSQL: no install step,
 * about 3 s to start), stopped on close.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server on a free port, in a temporary directory.
     *
     * @return the running server
     * @throws UncheckedIOException if it cannot start
     */
    public static EmbeddedDatabase start() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /** Its JDBC URL, with user and password as parameters. */
    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** Stops the server and deletes its files. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }
}

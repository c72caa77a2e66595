package io.github.commerceconnector.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The PostgreSQL of the state store benchmark: a server of yours (a JDBC URL with user and password as
 * parameters), or an embedded PostgreSQL 17 on this machine, durable as a production server is ({@code fsync} and
 * {@code synchronous_commit} on, unlike the embedded defaults), so that each commit waits for the disk as each
 * file store write does. Close it to stop an embedded server.
 */
final class BenchDatabase implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;

    private BenchDatabase(EmbeddedPostgres embedded, String jdbcUrl) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
    }

    /** The server at a URL, or, for {@code null}, a new embedded one. */
    static BenchDatabase start(String jdbcUrl) {
        if (jdbcUrl != null) {
            return new BenchDatabase(null, jdbcUrl);
        }
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("shared_buffers", "256MB").start();
            return new BenchDatabase(server, server.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /** Its JDBC URL. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** Whether it is the embedded server. */
    boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}

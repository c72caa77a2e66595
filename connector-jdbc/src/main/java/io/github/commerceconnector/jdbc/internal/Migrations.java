package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.jdbc.JdbcTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The versioned SQL files of the schema ({@code db/migration/connector/V<n>__*.sql} in the jar, runnable by Flyway
 * or Liquibase as they are) and their application for users without a migration tool: under a transaction-scoped
 * advisory lock (so workers starting together apply each version once), with the prefix of the tables written in
 * place of {@code connector_}, recording each version applied in {@code <prefix>schema_version}. Every file is
 * idempotent ({@code IF NOT EXISTS}), so a schema made by Flyway or Liquibase is recognised, not recreated.
 */
public final class Migrations {
    /** Where the files are, in the class path. */
    public static final String LOCATION = "db/migration/connector";
    /** The files, in the order of their versions. */
    public static final List<String> FILES = List.of("V1__connector_sync_state.sql", "V2__connector_selection.sql",
            "V3__connector_credentials.sql", "V4__connector_resync_checkpoint.sql",
            "V5__connector_content_hash_algorithm.sql");
    private static final String DEFAULT_PREFIX = "connector_";

    private Migrations() {
    }

    /** What to tell a user whose tables are missing. */
    public static String advice(JdbcTables tables) {
        return "Create the tables (" + tables + ") with JdbcStores.createSchemaIfMissing(dataSource"
                + (tables.equals(JdbcTables.defaults()) ? "" : ", tables") + "), or run the migrations "
                + LOCATION + "/V*.sql of connector-jdbc with Flyway or Liquibase.";
    }

    /**
     * Applies the versions the schema lacks.
     *
     * @return the versions applied now (empty when the schema was complete)
     */
    public static List<Integer> apply(DataSource dataSource, JdbcTables tables) {
        Transactions transactions = new Transactions(dataSource, advice(tables));
        return transactions.run(() -> "create the connector's tables " + tables, connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "commerce-services-connector schema " + tables);
                lock.executeQuery().close();
            }
            try (Statement statement = connection.createStatement()) {
                if (tables.schema() != null) {
                    statement.execute("CREATE SCHEMA IF NOT EXISTS " + tables.quotedSchema());
                }
                statement.execute("CREATE TABLE IF NOT EXISTS " + tables.name("schema_version")
                        + " (version integer PRIMARY KEY, script text NOT NULL, applied_at timestamptz NOT NULL)");
            }
            Set<Integer> applied = applied(connection, tables);
            List<Integer> now = new ArrayList<>();
            for (int i = 0; i < FILES.size(); i++) {
                int version = i + 1;
                if (!applied.contains(version)) {
                    run(connection, tables, FILES.get(i));
                    record(connection, tables, version, FILES.get(i));
                    now.add(version);
                }
            }
            return List.copyOf(now);
        });
    }

    private static Set<Integer> applied(Connection connection, JdbcTables tables) throws SQLException {
        Set<Integer> versions = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM " + tables.name("schema_version"))) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private static void run(Connection connection, JdbcTables tables, String file) throws SQLException {
        String script = script(file).replace(DEFAULT_PREFIX, tables.prefix());
        try (Statement statement = connection.createStatement()) {
            if (tables.schema() != null) {
                statement.execute("SET LOCAL search_path TO " + tables.quotedSchema());
            }
            statement.execute(script);
        }
    }

    private static void record(Connection connection, JdbcTables tables, int version, String file)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.name("schema_version")
                + " (version, script, applied_at) VALUES (?, ?, clock_timestamp())")) {
            insert.setInt(1, version);
            insert.setString(2, file);
            insert.executeUpdate();
        }
    }

    /** The text of one of the files. */
    public static String script(String file) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(LOCATION + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The migration " + LOCATION + "/" + file
                        + " is missing from the class path: the connector-jdbc jar is damaged");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the migration " + file, e);
        }
    }
}

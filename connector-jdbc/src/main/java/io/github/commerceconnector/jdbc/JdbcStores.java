package io.github.commerceconnector.jdbc;

import io.github.commerceconnector.jdbc.internal.Migrations;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The schema of the JDBC stores. Two ways to create it:
 * <ul>
 *   <li>with a migration tool: the jar holds versioned SQL files, {@code db/migration/connector/V1__*.sql} and on,
 *       which Flyway runs as they are ({@code locations: classpath:db/migration/connector}, best with a history
 *       table of their own) and Liquibase reads as formatted SQL changesets; they use the default prefix
 *       {@code connector_};</li>
 *   <li>without one: {@link #createSchemaIfMissing(DataSource)} at startup, which applies what is missing, with
 *       any prefix and schema.</li>
 * </ul>
 * Every file is idempotent, so either way recognises a schema made the other way.
 */
public final class JdbcStores {

    private JdbcStores() {
    }

    /**
     * Creates the default tables ({@code connector_*} in the connection's default schema) if they are missing.
     *
     * @return the schema versions applied now; empty when the schema was complete
     * @throws io.github.commerceconnector.api.exception.ConnectorClientException if the database refuses (e.g. the
     *     user may not create tables)
     */
    public static List<Integer> createSchemaIfMissing(DataSource dataSource) {
        return createSchemaIfMissing(dataSource, JdbcTables.defaults());
    }

    /**
     * Creates the tables with a prefix and schema of your own (the schema too) if they are missing. Safe to call
     * from many workers at once: an advisory lock lets one apply each version.
     *
     * @return the schema versions applied now; empty when the schema was complete
     */
    public static List<Integer> createSchemaIfMissing(DataSource dataSource, JdbcTables tables) {
        return Migrations.apply(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(tables,
                "tables"));
    }

    /** The class-path locations of the migration files, in version order, e.g. for a Liquibase master changelog. */
    public static List<String> migrationFiles() {
        return Migrations.FILES.stream().map(file -> Migrations.LOCATION + "/" + file).toList();
    }
}

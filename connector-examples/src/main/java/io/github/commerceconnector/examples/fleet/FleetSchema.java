package io.github.commerceconnector.examples.fleet;

import io.github.commerceconnector.jdbc.JdbcStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The fleet's schema step, run by every worker and by the seeding command at start: the connector's tables
 * ({@link JdbcStores#createSchemaIfMissing}), then the fleet's own ({@code db/fleet/V1__fleet_tables.sql}: the
 * merchants and db-scheduler's {@code scheduled_tasks}). Idempotent, and safe for workers starting together: an
 * advisory lock lets one create the tables at a time.
 */
public final class FleetSchema {
    /** The class-path location of the fleet's tables. */
    public static final String SCRIPT = "db/fleet/V1__fleet_tables.sql";

    private FleetSchema() {
    }

    /**
     * Creates what is missing.
     *
     * @param dataSource the fleet's database
     * @throws IllegalStateException if the database refuses
     */
    public static void create(DataSource dataSource) {
        JdbcStores.createSchemaIfMissing(dataSource);
        String script = script();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext('commerce-services-connector fleet'))");
                statement.execute(script);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the fleet's tables (" + SCRIPT + "): " + e.getMessage(), e);
        }
    }

    private static String script() {
        try (InputStream in = FleetSchema.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCRIPT, e);
        }
    }
}

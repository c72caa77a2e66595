package io.github.commerceconnector.jdbc.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.jdbc.JdbcStores;
import io.github.commerceconnector.jdbc.JdbcTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh schema of the {@link TestDatabase} with the connector's tables, and pools on it, closed together.
 */
public final class TestSchema implements AutoCloseable {
    private final String name;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private TestSchema(String name) {
        this.name = name;
    }

    /** A new schema with the connector's tables created. */
    public static TestSchema create() {
        TestSchema schema = new TestSchema(TestDatabase.get().newSchema());
        JdbcStores.createSchemaIfMissing(schema.dataSource(), schema.tables());
        return schema;
    }

    /** The schema's name. */
    public String name() {
        return name;
    }

    /** The tables of the stores: default prefix, in this schema. */
    public JdbcTables tables() {
        return JdbcTables.inSchema(name);
    }

    /** A new pool of up to four connections whose search path starts with this schema; closed with it. */
    public HikariDataSource dataSource() {
        return dataSource(4);
    }

    /** A new pool of up to {@code maxSize} connections whose search path starts with this schema. */
    public synchronized HikariDataSource dataSource(int maxSize) {
        HikariDataSource pool = TestDatabase.get().pool(name, maxSize);
        pools.add(pool);
        return pool;
    }

    /** The first column of the first row of a query, as a long (a count, say). */
    public long queryLong(String sql) throws SQLException {
        try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + name);
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Closes the pools. */
    @Override
    public synchronized void close() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
    }
}

package io.github.commerceconnector.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.jdbc.testsupport.TestDatabase;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hot statements of the sync state store run on index scans, shown by PostgreSQL's own {@code EXPLAIN} of the
 * exact SQL the store sends, with values bound, over a database shaped like an integrator's: 2,000 merchants'
 * data spaces with three feeds each, a lease per feed, 50 of the feeds with 400 items each, four batches on their
 * way per feed, statistics gathered.
 * The plans are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {
    private TestSchema schema;
    private SyncStateSql sql;
    private Connection connection;

    @BeforeAll
    void fillTheTables() throws SQLException {
        schema = TestSchema.create();
        sql = new SyncStateSql(schema.tables());
        connection = TestDatabase.get().connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema.name());
            statement.execute("INSERT INTO connector_sync_lease SELECT 'ds-' || d, f, 'worker-' || (d % 7), d * 10 + "
                    + "f_no, now(), now() + interval '30 seconds' FROM generate_series(1, 2000) d, "
                    + "unnest(ARRAY['products', 'prices', 'categories']) WITH ORDINALITY AS feeds(f, f_no)");
            statement.execute("INSERT INTO connector_sync_feed (data_space_id, feed, identity_fields) "
                    + "SELECT 'ds-' || d, f, ARRAY['sku', 'storeViewCode'] FROM generate_series(1, 2000) d, "
                    + "unnest(ARRAY['products', 'prices', 'categories']) f ORDER BY d, f");
            statement.execute("INSERT INTO connector_sync_item SELECT f.feed_id, i * 7919 + f.feed_id, i, 0, now(), "
                    + "'SKU-' || i || chr(31) || 'default', NULL, NULL FROM connector_sync_feed f, generate_series(1, 400) i "
                    + "WHERE f.feed_id <= 50");
            statement.execute("INSERT INTO connector_sync_sending SELECT f.feed_id, 7, b, ARRAY[b, b + 1], ARRAY[1, 2], "
                    + "ARRAY['a' || chr(31) || 'b', 'c' || chr(31) || 'd'], now() FROM connector_sync_feed f, "
                    + "generate_series(1, 4) b");
            statement.execute("ANALYZE connector_sync_sending");
            statement.execute("ANALYZE connector_sync_lease");
            statement.execute("ANALYZE connector_sync_feed");
            statement.execute("ANALYZE connector_sync_item");
        }
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
        schema.close();
    }

    private String plan(String statement, Object... values) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement)) {
            for (int i = 0; i < values.length; i++) {
                explain.setObject(i + 1, values[i] instanceof long[] ids ? longs(ids) : values[i]);
            }
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
        }
        String text = String.join("\n", lines);
        System.out.println(statement + "\n" + text + "\n");
        return text;
    }

    private Array longs(long[] ids) throws SQLException {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return connection.createArrayOf("bigint", boxed);
    }

    private static void assertUses(String plan, String index) {
        assertTrue(plan.contains("Index Scan using " + index) || plan.contains("Index Only Scan using " + index)
                || plan.contains("Bitmap Index Scan on " + index), "expected a scan of " + index + ":\n" + plan);
        assertFalse(plan.contains("Seq Scan"), "a sequential scan:\n" + plan);
    }

    @Test
    void theLookUpOfAnItemIsAnIndexScan() throws SQLException {
        assertUses(plan(sql.itemDetails, 7L, 7919L * 12 + 7), "connector_sync_item_pkey");
    }

    @Test
    void theLookUpsOfManyItemsAndTheirDeleteAreIndexScans() throws SQLException {
        long[] ids = {7919L + 7, 7919L * 2 + 7, 7919L * 3 + 7};
        assertUses(plan(sql.itemsWithReasons, 7L, ids), "connector_sync_item_pkey");
        assertUses(plan(sql.retryPayloads, 7L, ids), "connector_sync_item_pkey");
        assertUses(plan(sql.deleteItems, 7L, ids), "connector_sync_item_pkey");
    }

    @Test
    void theBatchesOnTheirWayAreWrittenAndAnsweredThroughThePrimaryKey() throws SQLException {
        assertUses(plan(sql.deleteSending, 7L, 7L, longs(new long[] {2, 3})), "connector_sync_sending_pkey");
        assertUses(plan(sql.lockSending, 7L, 7L, 2L), "connector_sync_sending_pkey");
        assertUses(plan(sql.recoverSending, 7L), "connector_sync_sending_pkey");
    }

    @Test
    void loadingOneFeedReadsItsItemsThroughThePrimaryKey() throws SQLException {
        assertUses(plan(sql.loadItems, 7L), "connector_sync_item_pkey");
    }

    @Test
    void theLeaseQueriesAreIndexScans() throws SQLException {
        assertUses(plan(sql.checkToken, "ds-1234", "products", 12341L), "connector_sync_lease_pkey");
        assertUses(plan(sql.renewLease, "30000 milliseconds", "ds-1234", "products", 12341L),
                "connector_sync_lease_pkey");
        assertUses(plan(sql.releaseLease, "ds-1234", "products", 12341L), "connector_sync_lease_pkey");
        assertUses(plan(sql.leaseHolder, "ds-1234", "products"), "connector_sync_lease_pkey");
        String acquire = plan(sql.acquireLease, "ds-1234", "products", "worker-x", "30000 milliseconds");
        assertTrue(acquire.contains("Conflict Arbiter Indexes: connector_sync_lease_pkey"), acquire);
    }

    @Test
    void theFeedRowAndTheResetOfADataSpaceGoThroughIndexes() throws SQLException {
        assertUses(plan(sql.selectFeed, "ds-7", "products"), "connector_sync_feed_data_space_id_feed_key");
        assertUses(plan(sql.feedIdsOfDataSpace, "ds-7"), "connector_sync_feed_data_space_id_feed_key");
        assertUses(plan(sql.deleteItemsOfFeeds, longs(new long[] {19, 20, 21})), "connector_sync_item_pkey");
        String upsert = plan(sql.upsertItems.replace("?::bytea[]", "NULL::bytea[]"), 7L,
                Timestamp.from(Instant.now()), longs(new long[] {1}), longs(new long[] {1}),
                connection.createArrayOf("int2", new Short[] {0}), connection.createArrayOf("text",
                        new String[] {"a\u001Fb"}), connection.createArrayOf("text", new String[] {null}), "ds-1234",
                "products", 12341L);
        assertTrue(upsert.contains("Conflict Arbiter Indexes: connector_sync_item_pkey"), upsert);
        assertTrue(upsert.contains("Index Scan using connector_sync_lease_pkey"), "the lease guard:\n" + upsert);
    }
}

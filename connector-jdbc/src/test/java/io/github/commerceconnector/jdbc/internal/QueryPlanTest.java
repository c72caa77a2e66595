package io.github.commerceconnector.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.jdbc.testsupport.TestDatabase;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
                    + "'SKU-' || i || chr(31) || 'default', NULL, NULL FROM connector_sync_feed f, "
                    + "generate_series(1, 400) i "
                    + "WHERE f.feed_id <= 50");
            statement.execute("INSERT INTO connector_sync_sending SELECT f.feed_id, 7, b, ARRAY[b, b + 1], "
                    + "ARRAY[1, 2], "
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
    void theLookUpsOfManyItemsAreIndexScans() throws SQLException {
        long[] ids = {7919L + 7, 7919L * 2 + 7, 7919L * 3 + 7};
        assertUses(plan(sql.itemsWithReasons, 7L, ids), "connector_sync_item_pkey");
        assertUses(plan(sql.retryPayloads, 7L, ids), "connector_sync_item_pkey");
    }

    @Test
    void theBatchesLeftByADeadWorkerAreFoundThroughThePrimaryKey() throws SQLException {
        assertUses(plan(sql.recoverSending, 7L), "connector_sync_sending_pkey");
    }

    /**
     * The statements inside {@code sync_write}, as PostgreSQL's {@code auto_explain} reports them for real calls:
     * a batch about to be sent, then its answer in parts (new items inserted, a known one upserted, one removed,
     * the batch trimmed), then the rest of it (the batch deleted).
     */
    @Test
    void everyStatementOfARecordRunsOnAnIndex() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOAD 'auto_explain'");
            statement.execute("SET auto_explain.log_min_duration = 0");
            statement.execute("SET auto_explain.log_nested_statements = on");
            statement.execute("SET auto_explain.log_level = notice");
            statement.execute("SET client_min_messages = notice");
        }
        SyncWrite write = new SyncWrite(sql, new Lease("ds-1234", "products", "worker-x", 12341L, null), 7L);
        InFlight inFlight = new InFlight(7L, 12341L);
        List<StateChange> sending = new ArrayList<>();
        for (long n = 1; n <= 4; n++) {
            sending.add(StateChange.sending(ItemKey.of(Feed.PRODUCTS, "NEW-" + n, "default"), -n, n));
        }
        List<String> plans = new ArrayList<>(record(write, inFlight, sending, Set.of()));
        List<StateChange> answer = List.of(StateChange.accepted(sending.get(0).key(), -1, 1),
                StateChange.rejected(sending.get(1).key(), -2, 2, "bad"),
                StateChange.accepted(ItemKey.of(Feed.PRODUCTS, "SKU-12", "default"), 7919L * 12 + 7, 5),
                StateChange.removed(ItemKey.of(Feed.PRODUCTS, "SKU-13", "default"), 7919L * 13 + 7));
        plans.addAll(record(write, inFlight, answer, Set.of(-1L, -2L)));
        plans.addAll(record(write, inFlight, List.of(StateChange.accepted(sending.get(2).key(), -3, 3),
                StateChange.accepted(sending.get(3).key(), -4, 4)), Set.of(-3L, -4L)));
        String all = String.join("\n", plans);
        System.out.println("sync_write, as auto_explain reports its statements:\n" + all);
        assertFalse(all.contains("Seq Scan"), "a sequential scan:\n" + all);
        for (String index : List.of("connector_sync_lease_pkey", "connector_sync_item_pkey",
                "connector_sync_sending_pkey")) {
            assertTrue(all.contains("Index Scan using " + index) || all.contains("Conflict Arbiter Indexes: " + index),
                    index + " is not used:\n" + all);
        }
        assertTrue(all.contains("Delete on connector_sync_item") && all.contains("Delete on connector_sync_sending")
                && all.contains("Conflict Arbiter Indexes: connector_sync_item_pkey"), all);
    }

    /** One call of {@code sync_write}; returns the plans auto_explain sent back as notices. */
    private List<String> record(SyncWrite write, InFlight inFlight, List<StateChange> changes, Set<Long> fresh)
            throws SQLException {
        InFlight.Plan plan = inFlight.plan(changes, Instant.now());
        List<StateChange> settled = changes.stream().filter(c -> c.kind() != StateChange.Kind.SENDING).toList();
        List<String> plans = new ArrayList<>();
        try (PreparedStatement call = connection.prepareStatement(sql.write)) {
            write.bind(connection, call, settled, fresh, change -> KeyValues.text(change.key()), plan);
            try (ResultSet result = call.executeQuery()) {
                result.next();
                assertTrue(result.getBoolean(1), "the lease holds");
            }
            for (SQLWarning notice = call.getWarnings(); notice != null; notice = notice.getNextWarning()) {
                plans.add(notice.getMessage());
            }
        }
        boolean[] hadRow = new boolean[changes.size()];
        for (int i = 0; i < hadRow.length; i++) {
            StateChange change = changes.get(i);
            hadRow[i] = change.kind() != StateChange.Kind.SENDING && !fresh.contains(change.identityHash());
        }
        inFlight.committed(plan, hadRow);
        assertFalse(plans.isEmpty(), "auto_explain reported nothing");
        return plans;
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
        assertUses(plan(sql.feedIdsOfFeeds, "ds-7", connection.createArrayOf("text", new String[] {"products",
                "prices"})), "connector_sync_feed_data_space_id_feed_key");
        assertUses(plan(sql.deleteItemsOfFeeds, longs(new long[] {19, 20, 21})), "connector_sync_item_pkey");
    }
}

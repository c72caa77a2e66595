package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.jdbc.testsupport.TestDatabase;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The schema: versioned SQL files in the jar, named for Flyway and written as Liquibase formatted SQL, that run as
 * they are; {@link JdbcStores#createSchemaIfMissing} for everyone else, once per version however many workers
 * start together, with any prefix and schema; and a clear error when the tables are missing.
 */
@Timeout(60)
class JdbcStoresTest {

    private static List<String> tables(String schema) throws SQLException {
        return relations(schema, "'r'");
    }

    private static void assertEveryNameStartsWith(String prefix, String schema) throws SQLException {
        List<String> all = relations(schema, "'r', 'S', 'i'");
        assertTrue(all.size() > 10 && all.stream().allMatch(name -> name.startsWith(prefix)),
                "tables, sequences and indexes start with " + prefix + ": " + all);
    }

    private static List<String> relations(String schema, String kinds) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT relname FROM pg_class c JOIN pg_namespace n ON "
                        + "n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relkind IN (" + kinds
                        + ") ORDER BY relname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void useTheSyncState(HikariDataSource pool, JdbcTables tables) {
        JdbcSyncStateStore store = JdbcSyncStateStore.builder(pool).tables(tables).build();
        try (FeedSyncState state = store.open("ds", Feed.PRODUCTS)) {
            state.record(List.of(StateChange.accepted(ItemKey.of(Feed.PRODUCTS, "a", "b"), 1, 1)), Instant.now());
        }
        try (FeedSyncState state = store.open("ds", Feed.PRODUCTS)) {
            assertEquals(1, state.count(ItemStatus.ACCEPTED));
        }
    }

    @Test
    void createsEveryVersionOnceThenNothing() throws SQLException {
        String schema = TestDatabase.get().newSchema();
        try (HikariDataSource pool = TestDatabase.get().pool(schema, 2)) {
            assertEquals(List.of(1, 2, 3, 4, 5), JdbcStores.createSchemaIfMissing(pool));
            assertEquals(List.of(), JdbcStores.createSchemaIfMissing(pool));
            assertEquals(List.of("connector_credentials", "connector_schema_version", "connector_selection",
                    "connector_sync_feed", "connector_sync_item", "connector_sync_lease", "connector_sync_sending"),
                    tables(schema));
            assertEveryNameStartsWith("connector_", schema);
            useTheSyncState(pool, JdbcTables.defaults());
        }
    }

    @Test
    void aPrefixAndSchemaOfYourOwnNameEveryTableAndCreateTheSchema() throws SQLException {
        String schema = "own_" + TestDatabase.get().newSchema();
        JdbcTables tables = new JdbcTables(schema, "cs_");
        try (HikariDataSource pool = TestDatabase.get().pool(null, 2)) {
            assertEquals(List.of(1, 2, 3, 4, 5), JdbcStores.createSchemaIfMissing(pool, tables));
            assertEquals(List.of("cs_credentials", "cs_schema_version", "cs_selection", "cs_sync_feed", "cs_sync_item",
                    "cs_sync_lease", "cs_sync_sending"), tables(schema));
            assertEveryNameStartsWith("cs_", schema);
            useTheSyncState(pool, tables);
        }
    }

    @Test
    void aSchemaNamedLikeAnSqlKeywordWorks() throws Exception {
        try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"order\" CASCADE");
        }
        JdbcTables tables = JdbcTables.inSchema("order");
        try (HikariDataSource pool = TestDatabase.get().pool(null, 2)) {
            assertEquals(List.of(1, 2, 3, 4, 5), JdbcStores.createSchemaIfMissing(pool, tables));
            assertEquals(List.of(), JdbcStores.createSchemaIfMissing(pool, tables));
            assertEquals(7, tables("order").size());
            useTheSyncState(pool, tables);
            JdbcCredentialStore keys = JdbcCredentialStore.builder(pool, "merchant-1", aesKey()).tables(tables).build();
            ServiceCredentials sandbox = TestKeys.credentials(Environment.SANDBOX);
            keys.put(sandbox);
            assertEquals(Optional.of(sandbox), keys.find(Environment.SANDBOX));
        }
    }

    private static SecretKey aesKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    @Test
    void workersStartingTogetherApplyEachVersionOnce() throws Exception {
        String schema = TestDatabase.get().newSchema();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (HikariDataSource pool = TestDatabase.get().pool(schema, 4)) {
            List<Future<List<Integer>>> applied = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                applied.add(workers.submit(() -> JdbcStores.createSchemaIfMissing(pool)));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> future : applied) {
                all.addAll(future.get());
            }
            assertEquals(List.of(1, 2, 3, 4, 5), new ArrayList<>(new TreeSet<>(all)));
            assertEquals(5, all.size(), "each version once: " + all);
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void theFilesRunAsTheyAreAsAMigrationToolRunsThemAndAreThenRecognised() throws Exception {
        String schema = TestDatabase.get().newSchema();
        try (HikariDataSource pool = TestDatabase.get().pool(schema, 2)) {
            for (String file : JdbcStores.migrationFiles()) {
                assertTrue(file.matches("db/migration/connector/V\\d+__connector_[a-z_]+\\.sql"), file);
                String script = resource(file);
                assertTrue(script.startsWith("--liquibase formatted sql\n--changeset commerce-services-connector:"),
                        "a Liquibase formatted SQL changeset: " + file);
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute(script);
                }
            }
            useTheSyncState(pool, JdbcTables.defaults());
            assertEquals(List.of(1, 2, 3, 4, 5), JdbcStores.createSchemaIfMissing(pool), "recorded, not failing");
        }
    }

    /**
     * Version 5 keeps each feed's content hash algorithm: a row made before it (by version 4's code) holds SHA-256
     * hashes and keeps them, so its items do not all look changed; a row of XXH3 over the canonical JSON (code 1,
     * made before the hashes over fields) keeps those; a row made now takes the hashes over fields (code 2); a code
     * this version does not know is refused, naming the ones it does. A schema of version 4 under this code is a
     * clear configuration error that says how to upgrade.
     */
    @Test
    void aFeedRowKeepsTheAlgorithmItWasMadeWithAndANewOneTakesHashesOverFields() throws Exception {
        String schema = TestDatabase.get().newSchema();
        try (HikariDataSource pool = TestDatabase.get().pool(schema, 2)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                for (String file : JdbcStores.migrationFiles().subList(0, 4)) {
                    statement.execute(resource(file));
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO connector_sync_feed "
                        + "(data_space_id, feed, identity_fields) VALUES ('earlier', ?, ?)")) {
                    insert.setString(1, Feed.PRODUCTS.name());
                    insert.setArray(2, connection.createArrayOf("text",
                            Feed.PRODUCTS.identityFields().toArray(new String[0])));
                    insert.executeUpdate();
                }
            }
            ConfigurationException earlier = assertThrows(ConfigurationException.class,
                    () -> JdbcSyncStateStore.create(pool).open("earlier", Feed.PRODUCTS).close());
            assertTrue(earlier.getMessage().contains("earlier version")
                    && earlier.getMessage().contains("JdbcStores.createSchemaIfMissing(dataSource)"), earlier.getMessage());
            JdbcStores.createSchemaIfMissing(pool);
            JdbcSyncStateStore store = JdbcSyncStateStore.create(pool);
            try (FeedSyncState state = store.open("earlier", Feed.PRODUCTS)) {
                assertEquals(ContentHashAlgorithm.SHA_256, state.contentHashAlgorithm());
            }
            try (FeedSyncState state = store.open("later", Feed.PRODUCTS)) {
                assertEquals(ContentHashAlgorithm.FIELDS_XXH3_64, state.contentHashAlgorithm());
            }
            for (int code : new int[] {1, 3}) {
                try (Connection connection = pool.getConnection(); PreparedStatement insert = connection
                        .prepareStatement("INSERT INTO connector_sync_feed (data_space_id, feed, identity_fields, "
                                + "content_hash_algorithm) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, "code-" + code);
                    insert.setString(2, Feed.PRODUCTS.name());
                    insert.setArray(3, connection.createArrayOf("text",
                            Feed.PRODUCTS.identityFields().toArray(new String[0])));
                    insert.setInt(4, code);
                    insert.executeUpdate();
                }
            }
            try (FeedSyncState state = store.open("code-1", Feed.PRODUCTS)) {
                assertEquals(ContentHashAlgorithm.XXH3_64, state.contentHashAlgorithm());
            }
            ConfigurationException later = assertThrows(ConfigurationException.class,
                    () -> store.open("code-3", Feed.PRODUCTS).close());
            assertTrue(later.getMessage().contains("is 3") && later.getMessage().contains("0 to 2"),
                    later.getMessage());
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = JdbcStores.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void missingTablesAreReportedWithHowToCreateThem() {
        String schema = TestDatabase.get().newSchema();
        try (HikariDataSource pool = TestDatabase.get().pool(schema, 2)) {
            ConfigurationException missing = assertThrows(ConfigurationException.class,
                    () -> JdbcSyncStateStore.create(pool).open("ds", Feed.PRODUCTS));
            assertTrue(missing.getMessage().contains("JdbcStores.createSchemaIfMissing(dataSource)")
                    && missing.getMessage().contains("db/migration/connector"), missing.getMessage());
        }
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefused() {
        IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
                () -> JdbcTables.defaults().withPrefix("Bad-Prefix"));
        assertTrue(prefix.getMessage().contains("'Bad-Prefix'") && prefix.getMessage().contains("connector_"),
                prefix.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JdbcTables.inSchema("public; DROP TABLE x"));
    }
}

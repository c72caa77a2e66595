package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.jdbc.testsupport.CommitHookDataSource;
import io.github.commerceconnector.jdbc.testsupport.ReturnHookDataSource;
import io.github.commerceconnector.jdbc.testsupport.TestDatabase;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fencing holds whatever isolation level the user's pool or database gives its connections: a write of a worker
 * whose lease was taken over while the write waited for the lease's lock is refused under REPEATABLE READ and
 * SERIALIZABLE as under READ COMMITTED (the store runs its work at READ COMMITTED), and the connections go back to
 * the pool at the level they came with.
 */
@Timeout(60)
class FencingAtAnyIsolationLevelTest {
    private static final String DATA_SPACE = "ds-isolation";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** Where the connections' default isolation level comes from. */
    enum PoolDefault {
        REPEATABLE_READ_POOL(config -> config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ")),
        SERIALIZABLE_POOL(config -> config.setTransactionIsolation("TRANSACTION_SERIALIZABLE")),
        SERIALIZABLE_SESSION_DEFAULT(config -> config.addDataSourceProperty("options",
                "-c default_transaction_isolation=serializable"));

        private final Consumer<HikariConfig> setting;

        PoolDefault(Consumer<HikariConfig> setting) {
            this.setting = setting;
        }
    }

    /** A write of the worker whose lease is taken over. */
    @FunctionalInterface
    private interface StaleWrite {
        void run(FeedSyncState state);
    }

    private TestSchema schema;

    @BeforeEach
    void createSchema() {
        schema = TestSchema.create();
    }

    @AfterEach
    void closeSchema() {
        schema.close();
    }

    private HikariDataSource pool(PoolDefault level) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.get().jdbcUrl(schema.name()));
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        level.setting.accept(config);
        return new HikariDataSource(config);
    }

    private static StateChange accepted(int n) {
        return StateChange.accepted(ItemKey.of(Feed.PRODUCTS, "SKU-" + n, "default"), n, n);
    }

    @ParameterizedTest
    @EnumSource(PoolDefault.class)
    void aRecordWaitingForTheLockDuringATakeoverIsRefused(PoolDefault level) throws Exception {
        LeaseLostException lost = takeOverWhileWriting(level, state -> state.record(List.of(accepted(2)), NOW));

        assertEquals("worker-b", lost.owner().orElseThrow());
        assertEquals(0, schema.queryLong("SELECT count(*) FROM connector_sync_item WHERE identity_hash = 2"),
                "the stale worker wrote its item after the takeover");
    }

    @ParameterizedTest
    @EnumSource(PoolDefault.class)
    void aFencedTransactionWaitingForTheLockDuringATakeoverIsRefused(PoolDefault level) throws Exception {
        LeaseLostException lost = takeOverWhileWriting(level, state -> state.fullSyncFinished(NOW));

        assertEquals("worker-b", lost.owner().orElseThrow());
        assertEquals(0, schema.queryLong("SELECT count(last_full_sync) FROM connector_sync_feed"),
                "the stale worker recorded its full sync after the takeover");
    }

    @Test
    void connectionsGoBackToThePoolAtTheirOwnLevel() throws Exception {
        Set<Integer> levelsReturned = ConcurrentHashMap.newKeySet();
        try (HikariDataSource pool = pool(PoolDefault.SERIALIZABLE_POOL)) {
            ReturnHookDataSource watched = new ReturnHookDataSource(pool,
                    connection -> levelsReturned.add(connection.getTransactionIsolation()));
            JdbcSyncStateStore store = JdbcSyncStateStore.builder(watched).tables(schema.tables()).ownerId("worker-a")
                    .leaseDuration(Duration.ofSeconds(30)).build();
            try (FeedSyncState state = store.open(DATA_SPACE, Feed.PRODUCTS)) {
                state.record(List.of(accepted(1)), NOW);
                state.fullSyncFinished(NOW);
                assertEquals(ItemKey.of(Feed.PRODUCTS, "SKU-1", "default"), state.key(1));
            }
        }

        assertEquals(Set.of(Connection.TRANSACTION_SERIALIZABLE), levelsReturned);
    }

    /**
     * Worker A's lease ends; worker B takes it over, and just before B's takeover commits, A starts a write that
     * waits for the lease's lock that B holds. B commits; A's write must then find the lease gone.
     */
    private LeaseLostException takeOverWhileWriting(PoolDefault level, StaleWrite write) throws Exception {
        try (HikariDataSource poolA = pool(level); HikariDataSource poolB = pool(level)) {
            FeedSyncState stale = JdbcSyncStateStore.builder(poolA).tables(schema.tables()).ownerId("worker-a")
                    .build().open(DATA_SPACE, Feed.PRODUCTS);
            stale.record(List.of(accepted(1)), NOW);
            schema.queryLong("WITH expired AS (UPDATE connector_sync_lease SET expires_at = now() - interval "
                    + "'1 second' RETURNING 1) SELECT count(*) FROM expired");
            AtomicReference<CompletableFuture<Throwable>> staleWrite = new AtomicReference<>();
            CommitHookDataSource takeover = new CommitHookDataSource(poolB, connection -> {
                if (staleWrite.get() == null) {
                    staleWrite.set(CompletableFuture.supplyAsync(() -> outcome(() -> write.run(stale))));
                    awaitAWriteWaitingForTheLeaseLock();
                }
            });
            try (FeedSyncState taken = JdbcSyncStateStore.builder(takeover).tables(schema.tables())
                    .ownerId("worker-b").build().open(DATA_SPACE, Feed.PRODUCTS)) {
                Throwable outcome = staleWrite.get().get(30, TimeUnit.SECONDS);
                assertInstanceOf(LeaseLostException.class, outcome, "the stale worker's write went through at "
                        + level);
                assertTrue(taken.find(1) != null && taken.find(2) == null, "the new holder sees only item 1");
                return (LeaseLostException) outcome;
            } finally {
                stale.close();
            }
        }
    }

    private static Throwable outcome(Runnable write) {
        try {
            write.run();
            return null;
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    private void awaitAWriteWaitingForTheLeaseLock() throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (schema.queryLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND wait_event = 'advisory'") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the stale worker's write never waited for the lease's lock");
            }
            Thread.onSpinWait();
        }
    }
}

package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.jdbc.testsupport.CommitHookDataSource;
import io.github.commerceconnector.jdbc.testsupport.HeldStatementDataSource;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The leases of the sync state within one process: who holds a feed's state is named, a live holder keeps its
 * lease past its duration, a released lease is free at once, and a worker whose lease was taken over (its row
 * expired by hand here; a paused process in {@link PausedLeaseHolderTest}) cannot write a single row.
 */
@Timeout(60)
class LeaseTest {
    private static final String DATA_SPACE = "ds-lease";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /** A text of the SQL of a lease's renewal (and of no other statement). */
    private static final String RENEWAL = "SET expires_at = clock_timestamp() + ";

    private TestSchema schema;
    private DataSource pool;

    @BeforeEach
    void createSchema() {
        schema = TestSchema.create();
        pool = schema.dataSource();
    }

    @AfterEach
    void closeSchema() {
        schema.close();
    }

    private JdbcSyncStateStore store(String worker, Duration lease) {
        return JdbcSyncStateStore.builder(pool).tables(schema.tables()).ownerId(worker)
                .leaseDuration(lease).build();
    }

    private static StateChange accepted(int n) {
        return StateChange.accepted(ItemKey.of(Feed.PRODUCTS, "SKU-" + n, "default"), n, n);
    }

    @Test
    void aSecondWorkerIsToldWhoHoldsTheFeedAndUntilWhen() throws SQLException {
        JdbcSyncStateStore first = store("worker-a", Duration.ofSeconds(30));
        try (FeedSyncState open = first.open(DATA_SPACE, Feed.PRODUCTS)) {
            SyncLockedException locked = assertThrows(SyncLockedException.class,
                    () -> store("worker-b", Duration.ofSeconds(30)).open(DATA_SPACE, Feed.PRODUCTS));

            assertEquals("worker-a", locked.owner().orElseThrow());
            Instant until = locked.lockedUntil().orElseThrow();
            assertTrue(until.isAfter(Instant.now().plusSeconds(20)) && until.isBefore(Instant.now().plusSeconds(40)),
                    "a 30 s lease: " + until);
            assertTrue(locked.getMessage().contains("worker worker-a")
                    && locked.getMessage().contains(until.toString()),
                    locked.getMessage());
            SyncLockedException again = assertThrows(SyncLockedException.class,
                    () -> first.open(DATA_SPACE, Feed.PRODUCTS));
            assertTrue(again.getMessage().contains("another sync in this process"), again.getMessage());
        }
        assertEquals(1, schema.queryLong("SELECT count(*) FROM connector_sync_lease WHERE expires_at <= now()"),
                "closing ends the lease at once");
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceWithAHigherToken() throws SQLException {
        store("worker-a", Duration.ofSeconds(30)).open(DATA_SPACE, Feed.PRODUCTS).close();
        long first = schema.queryLong("SELECT token FROM connector_sync_lease");

        store("worker-b", Duration.ofSeconds(30)).open(DATA_SPACE, Feed.PRODUCTS).close();

        assertTrue(schema.queryLong("SELECT token FROM connector_sync_lease") > first, "every lease a new token");
    }

    @Test
    void aLiveHolderKeepsItsLeaseLongPastItsDuration() throws InterruptedException {
        try (FeedSyncState open = store("worker-a", Duration.ofSeconds(1)).open(DATA_SPACE, Feed.PRODUCTS)) {
            for (int round = 0; round < 6; round++) {
                Thread.sleep(500);
                assertThrows(SyncLockedException.class,
                        () -> store("worker-b", Duration.ofSeconds(1)).open(DATA_SPACE, Feed.PRODUCTS));
            }
            open.record(List.of(accepted(1)), NOW);
            assertEquals(1, open.count(ItemStatus.ACCEPTED));
        }
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverCannotWriteASingleRow() throws SQLException {
        FeedSyncState stale = store("worker-a", Duration.ofSeconds(30)).open(DATA_SPACE, Feed.PRODUCTS);
        stale.record(List.of(accepted(1)), NOW);
        schema.queryLong("WITH expired AS (UPDATE connector_sync_lease SET expires_at = now() - interval '1 second' "
                + "RETURNING 1) SELECT count(*) FROM expired");
        try (FeedSyncState taken = store("worker-b", Duration.ofSeconds(30)).open(DATA_SPACE, Feed.PRODUCTS)) {
            LeaseLostException lost = assertThrows(LeaseLostException.class,
                    () -> stale.record(List.of(accepted(2), StateChange.removed(accepted(1).key(), 1)), NOW));
            assertEquals("worker-b", lost.owner().orElseThrow());
            assertTrue(lost.getMessage().contains("worker-a") && lost.getMessage().contains("worker-b"),
                    lost.getMessage());
            assertThrows(LeaseLostException.class, () -> stale.fullSyncFinished(NOW));
            assertThrows(LeaseLostException.class, () -> stale.record(List.of(accepted(3)), NOW),
                    "and every later write");
            stale.close();

            assertEquals(1, schema.queryLong("SELECT count(*) FROM connector_sync_item"), "only item 1");
            assertEquals(1, schema.queryLong("SELECT identity_hash FROM connector_sync_item"));
            assertEquals(0, schema.queryLong("SELECT count(last_full_sync) FROM connector_sync_feed"));
            assertNotNull(taken.find(1));
            assertNull(taken.find(2));
            taken.record(List.of(accepted(4)), NOW);
            assertThrows(SyncLockedException.class,
                    () -> store("worker-c", Duration.ofSeconds(30)).open(DATA_SPACE, Feed.PRODUCTS),
                    "closing the stale state did not release the new holder's lease");
        }
    }

    @Test
    void aRenewalInFlightWhenTheStateClosesDoesNotKeepTheFeedLocked() throws Exception {
        HeldStatementDataSource renewalHeld = new HeldStatementDataSource(pool, RENEWAL);
        FeedSyncState open = JdbcSyncStateStore.builder(renewalHeld).tables(schema.tables()).ownerId("worker-a")
                .leaseDuration(Duration.ofSeconds(3)).build().open(DATA_SPACE, Feed.PRODUCTS);
        renewalHeld.awaitHeld(10);

        open.close();
        renewalHeld.letGoAndAwait(10);

        assertEquals(1, schema.queryLong("SELECT count(*) FROM connector_sync_lease WHERE expires_at <= now()"),
                "the closed state's lease stays ended");
        store("worker-b", Duration.ofSeconds(3)).open(DATA_SPACE, Feed.PRODUCTS).close();
    }

    @Test
    void aRenewalInFlightWhenAResetEndsDoesNotKeepTheFeedsLocked() throws Exception {
        HeldStatementDataSource renewalHeld = new HeldStatementDataSource(pool, RENEWAL);
        JdbcSyncStateStore resetting = JdbcSyncStateStore.builder(renewalHeld).tables(schema.tables())
                .ownerId("worker-a").leaseDuration(Duration.ofSeconds(3)).build();
        resetting.resetDataSpace(DATA_SPACE, () -> {
            try {
                renewalHeld.awaitHeld(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        renewalHeld.letGoAndAwait(10);

        assertEquals(0, schema.queryLong("SELECT count(*) FROM connector_sync_lease WHERE expires_at > now()"),
                "every lease of the reset stays ended");
        store("worker-b", Duration.ofSeconds(3)).open(DATA_SPACE, Feed.PRODUCTS).close();
    }

    @Test
    void aResetLeavesAFeedOpenedAfterItListedTheFeedsAlone() throws Exception {
        Feed lateFeed = new Feed("lateFeed", "feeds/late/v1", List.of("sku"), 100);
        FeedSyncState[] opened = new FeedSyncState[1];
        CommitHookDataSource listingDone = new CommitHookDataSource(pool, connection -> {
            if (opened[0] == null) {
                opened[0] = store("worker-b", Duration.ofSeconds(30)).open(DATA_SPACE, lateFeed);
                opened[0].record(List.of(StateChange.accepted(ItemKey.of(lateFeed, "SKU-1"), 1, 1)), NOW);
            }
        });
        try (FeedSyncState products = store("worker-a", Duration.ofSeconds(30)).open(DATA_SPACE, Feed.PRODUCTS)) {
            products.record(List.of(accepted(1)), NOW);
        }

        JdbcSyncStateStore.builder(listingDone).tables(schema.tables()).ownerId("worker-c").build()
                .resetDataSpace(DATA_SPACE, () -> { });

        try (FeedSyncState late = opened[0]) {
            assertEquals(1, schema.queryLong("SELECT count(*) FROM connector_sync_feed WHERE feed = 'lateFeed'"),
                    "the reset deleted the state of a feed whose lease it did not hold");
            assertEquals(1, schema.queryLong("SELECT count(*) FROM connector_sync_item"), "only lateFeed's item");
            late.record(List.of(StateChange.accepted(ItemKey.of(lateFeed, "SKU-2"), 2, 2)), NOW);
        }
        assertEquals(0, schema.queryLong("SELECT count(*) FROM connector_sync_feed WHERE feed = 'products'"));
    }

    @Test
    void aLeaseShorterThanASecondIsRefusedWithTheRange() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> JdbcSyncStateStore.builder(pool).leaseDuration(Duration.ofMillis(100)));
        assertTrue(refused.getMessage().contains("1 s to 1 h"), refused.getMessage());
    }
}

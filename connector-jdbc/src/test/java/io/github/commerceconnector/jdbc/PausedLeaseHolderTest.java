package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.jdbc.testsupport.ChildJvm;
import io.github.commerceconnector.jdbc.testsupport.TestDatabase;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two processes race for one feed and never both write: worker A, a child JVM, holds the feed's lease and writes an
 * item every 20 ms; it is paused (SIGSTOP) between two writes, or inside a write transaction (of the last full sync)
 * just before its commit. Worker B, this JVM, takes the lease over as soon as A's has ended (and, in the second case,
 * PostgreSQL has cut off the transaction A left open, rolling it back) and notes which of A's items the database
 * holds at that moment. A is resumed (SIGCONT): its next write is refused, it says who holds the lease now, and the
 * database holds no row A wrote after B took over.
 */
@Timeout(120)
class PausedLeaseHolderTest {
    private static final String DATA_SPACE = "ds-race";
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final long B_ITEMS = 1_000_000;

    @Test
    void aHolderPausedBetweenWritesCannotWriteAfterTheTakeover() throws Exception {
        race("WROTE 25", "0");
    }

    @Test
    void aHolderPausedInsideAWriteTransactionIsCutOffAndCannotWriteAfterTheTakeover() throws Exception {
        race("COMMITTING", "25");
    }

    private void race(String pauseOn, String slowWrite) throws Exception {
        try (TestSchema schema = TestSchema.create();
                ChildJvm workerA = ChildJvm.start("lease-holder-a", Map.of(), line -> { }, LeaseHolderChild.class,
                        TestDatabase.get().jdbcUrl(), schema.name(), "worker-a", String.valueOf(LEASE.toMillis()),
                        DATA_SPACE, slowWrite)) {
            workerA.await(line -> line.equals(pauseOn), 60);
            workerA.pause();
            long paused = System.nanoTime();

            JdbcSyncStateStore storeB = JdbcSyncStateStore.builder(schema.dataSource()).tables(schema.tables())
                    .ownerId("worker-b").leaseDuration(LEASE).build();
            List<String> refusals = new ArrayList<>();
            FeedSyncState stateB = openWhenFree(storeB, refusals);
            long tookOver = System.nanoTime();
            TreeSet<Long> heldAtTakeover = itemsOfA(schema);
            int lastConfirmed = lastWrote(workerA);
            assertTrue(heldAtTakeover.size() >= lastConfirmed && heldAtTakeover.last() <= lastConfirmed + 1,
                    "A's confirmed writes are kept, and at most the one in flight when it was paused: "
                            + heldAtTakeover.size() + " rows, " + lastConfirmed + " confirmed");
            stateB.record(List.of(item(B_ITEMS + 1)), Instant.now());

            workerA.resume();
            String fenced = workerA.await(line -> line.startsWith("FENCED") || line.startsWith("FAILED"), 60);
            assertEquals(3, workerA.waitFor(30), "A ends on a refused write: " + workerA.tail());
            assertTrue(fenced.endsWith(" worker-b"), "A is told that worker-b holds the lease: " + fenced);

            stateB.record(List.of(item(B_ITEMS + 2)), Instant.now());
            assertEquals(heldAtTakeover, itemsOfA(schema), "A wrote not a single row after B took over");
            assertEquals(0, schema.queryLong("SELECT count(last_full_sync) FROM connector_sync_feed"),
                    "nor the full sync it was committing when paused");
            assertEquals(2, schema.queryLong("SELECT count(*) FROM connector_sync_item WHERE identity_hash > "
                    + B_ITEMS));
            stateB.close();
            System.out.printf("Paused lease holder (paused on %s): B was refused %d times (%s), took over %d ms "
                    + "after the pause; "
                    + "A had %d rows at the takeover, then: %s%n", pauseOn, refusals.size(),
                    refusals.isEmpty() ? "-" : refusals.get(refusals.size() - 1),
                    TimeUnit.NANOSECONDS.toMillis(tookOver - paused), heldAtTakeover.size(), fenced);
        }
    }

    private static FeedSyncState openWhenFree(JdbcSyncStateStore store, List<String> refusals)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return store.open(DATA_SPACE, Feed.PRODUCTS);
            } catch (SyncLockedException locked) {
                refusals.add(locked.owner().orElse("?") + " until " + locked.lockedUntil().orElse(null));
                assertTrue(System.nanoTime() < deadline, "B never got the lease: " + locked.getMessage());
                Thread.sleep(100);
            }
        }
    }

    private static int lastWrote(ChildJvm worker) {
        int last = 0;
        for (String line : worker.lines()) {
            if (line.startsWith("WROTE ")) {
                last = Integer.parseInt(line.substring(6));
            }
        }
        return last;
    }

    private static StateChange item(long n) {
        return StateChange.accepted(ItemKey.of(Feed.PRODUCTS, "SKU-" + n, "default"), n, n);
    }

    private static TreeSet<Long> itemsOfA(TestSchema schema) throws SQLException {
        TreeSet<Long> items = new TreeSet<>();
        try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT identity_hash FROM " + schema.name()
                        + ".connector_sync_item WHERE identity_hash <= " + B_ITEMS)) {
            while (rows.next()) {
                items.add(rows.getLong(1));
            }
        }
        return items;
    }
}

package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Batches on their way to the gateway are kept as one row each until their answer is recorded: answered in parts
 * or at once from several threads, sent again in another batch, or left by a worker that stopped, every item ends
 * up with its latest record and nothing is left behind.
 */
@Timeout(60)
class InFlightBatchTest {
    private static final String DATA_SPACE = "ds-in-flight";
    private static final Instant SENT = Instant.parse("2026-01-01T00:00:00Z");
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

    private FeedSyncState open(String worker) {
        return JdbcSyncStateStore.builder(pool).tables(schema.tables()).ownerId(worker).build()
                .open(DATA_SPACE, Feed.PRODUCTS);
    }

    private static ItemKey key(int n) {
        return ItemKey.of(Feed.PRODUCTS, "SKU-" + n, "default");
    }

    private static List<StateChange> sending(int from, int to, long content) {
        List<StateChange> changes = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            changes.add(StateChange.sending(key(n), n, content));
        }
        return changes;
    }

    private static List<StateChange> accepted(int from, int to, long content) {
        return sending(from, to, content).stream().map(change -> StateChange.accepted(change.key(),
                change.identityHash(), change.contentHash())).toList();
    }

    private long rowsInFlight() throws SQLException {
        return schema.queryLong("SELECT coalesce(sum(cardinality(identity_hashes)), 0) FROM connector_sync_sending");
    }

    @Test
    void aBatchAnsweredInPartsKeepsOnlyTheUnansweredOnRecord() throws SQLException {
        try (FeedSyncState state = open("worker-a")) {
            state.record(sending(1, 10, 7), SENT);
            assertEquals(10, rowsInFlight());
            assertEquals(0, schema.queryLong("SELECT count(*) FROM connector_sync_item"), "no item row yet");
            assertEquals(key(3), state.key(3));
            assertEquals(SENT, state.lastAttempt(3));
            state.record(accepted(1, 4, 7), SENT.plusSeconds(1));
            assertEquals(6, rowsInFlight());
        }
        try (FeedSyncState state = open("worker-b")) {
            assertEquals(new StoredItem(2, 7, ItemStatus.ACCEPTED), state.find(2));
            assertEquals(new StoredItem(8, 7, ItemStatus.UNCONFIRMED), state.find(8));
            assertEquals(key(8), state.key(8));
            assertEquals(SENT, state.lastAttempt(8));
            assertEquals(6, state.count(ItemStatus.UNCONFIRMED));
            assertEquals(0, rowsInFlight(), "what was left is now unconfirmed item rows");
        }
    }

    @Test
    void halvesOfABatchAnsweredAtOnceFromTwoThreadsLeaveNothingBehind() throws Exception {
        try (FeedSyncState state = open("worker-a")) {
            for (int round = 0; round < 20; round++) {
                int first = round * 100 + 1;
                long content = round;
                state.record(sending(first, first + 99, content), SENT);
                CompletableFuture<Void> low = CompletableFuture.runAsync(() -> state.record(accepted(first,
                        first + 49, content), SENT));
                CompletableFuture<Void> high = CompletableFuture.runAsync(() -> state.record(accepted(first + 50,
                        first + 99, content), SENT));
                low.get();
                high.get();
            }
            assertEquals(0, rowsInFlight());
            assertEquals(2000, state.count(ItemStatus.ACCEPTED));
        }
    }

    @Test
    void anItemSentAgainLeavesItsEarlierBatch() throws SQLException {
        try (FeedSyncState state = open("worker-a")) {
            state.record(sending(1, 3, 10), SENT);
            state.record(sending(2, 2, 20), SENT.plusSeconds(5));
            assertEquals(3, rowsInFlight());
            state.record(accepted(1, 1, 10), SENT);
            state.record(accepted(3, 3, 10), SENT);
            assertEquals(1, rowsInFlight(), "the first batch is answered although item 2 moved on");
        }
        try (FeedSyncState state = open("worker-b")) {
            assertEquals(new StoredItem(2, 20, ItemStatus.UNCONFIRMED), state.find(2));
            assertEquals(SENT.plusSeconds(5), state.lastAttempt(2));
            assertEquals(2, state.count(ItemStatus.ACCEPTED));
        }
    }

    @Test
    void anItemRowTheStateDidNotKnowOfIsUpdatedInsteadOfInserted() throws SQLException {
        try (FeedSyncState state = open("worker-a")) {
            state.record(sending(1, 2, 7), SENT);
            schema.queryLong("WITH added AS (INSERT INTO connector_sync_item SELECT feed_id, 2, 5, 1, now(), 'x', "
                    + "'old', NULL FROM connector_sync_feed RETURNING 1) SELECT count(*) FROM added");
            state.record(accepted(1, 2, 7), SENT);
            assertEquals(new StoredItem(2, 7, ItemStatus.ACCEPTED), state.find(2));
        }
        try (FeedSyncState state = open("worker-b")) {
            assertEquals(new StoredItem(2, 7, ItemStatus.ACCEPTED), state.find(2));
            assertEquals(key(2), state.key(2));
            assertEquals(2, state.count(ItemStatus.ACCEPTED));
        }
    }
}

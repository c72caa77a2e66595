package io.github.commerceconnector.jdbc.testsupport;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.jdbc.JdbcSyncStateStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * What the sync state of the products feed says, as the next worker sees it: the state opened by a worker of its
 * own (waiting, if need be, for a dead worker's lease to end) for the counts, and the keys of the accepted items
 * read from the table (identity values separated by U+001F; the test catalog's values need no escapes).
 *
 * @param counts   how many items have each status
 * @param accepted the keys of the accepted items
 */
public record StateSnapshot(Map<ItemStatus, Long> counts, Set<ItemKey> accepted) {

    /**
     * Reads the state of the products feed of a data space.
     *
     * @throws IllegalStateException if the state stays locked for 30 s
     */
    public static StateSnapshot read(TestSchema schema, DataSource dataSource, String dataSpaceId)
            throws InterruptedException, SQLException {
        JdbcSyncStateStore store = JdbcSyncStateStore.builder(dataSource).tables(schema.tables()).ownerId("inspector")
                .build();
        Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
        try (FeedSyncState state = openWhenFree(store, dataSpaceId)) {
            for (ItemStatus status : ItemStatus.values()) {
                counts.put(status, state.count(status));
            }
        }
        return new StateSnapshot(counts, acceptedKeys(schema));
    }

    /** Opens the products feed's state, retrying while another worker's lease lasts (30 s at most). */
    public static FeedSyncState openWhenFree(JdbcSyncStateStore store, String dataSpaceId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return store.open(dataSpaceId, Feed.PRODUCTS);
            } catch (SyncLockedException locked) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The state stayed locked: " + locked.getMessage(), locked);
                }
                Thread.sleep(100);
            }
        }
    }

    private static Set<ItemKey> acceptedKeys(TestSchema schema) throws SQLException {
        Set<ItemKey> keys = new HashSet<>();
        try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT identity_values FROM " + schema.name()
                        + ".connector_sync_item WHERE status = 0")) {
            while (rows.next()) {
                keys.add(new ItemKey(Feed.PRODUCTS.identityFields(), List.of(rows.getString(1).split("\u001F"))));
            }
        }
        return keys;
    }

    /** How many items have a status. */
    public long count(ItemStatus status) {
        return counts.get(status);
    }

    /** The accepted items the gateway does not hold: must always be empty, whatever failed or crashed. */
    public Set<ItemKey> acceptedButNotHeld(Map<ItemKey, String> held) {
        Set<ItemKey> missing = new HashSet<>(accepted);
        missing.removeAll(held.keySet());
        return missing;
    }
}

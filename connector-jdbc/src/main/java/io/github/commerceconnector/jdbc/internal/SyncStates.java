package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ItemIndex;
import io.github.commerceconnector.jdbc.JdbcTables;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What {@code JdbcSyncStateStore} does: opens feed states under leases and resets data spaces under the leases of
 * all their feeds. Thread-safe.
 */
public final class SyncStates {
    private final Transactions transactions;
    private final SyncStateSql sql;
    private final Leases leases;
    private final LeaseKeeper keeper;

    /**
     * The sync states in a database.
     *
     * @param ownerId       this worker's id, written in the lease rows
     * @param leaseDuration how long a lease lasts unless renewed
     */
    public SyncStates(DataSource dataSource, JdbcTables tables, String ownerId, Duration leaseDuration) {
        this.transactions = new Transactions(dataSource, Migrations.advice(tables));
        this.sql = new SyncStateSql(tables);
        this.leases = new Leases(transactions, sql, ownerId, leaseDuration);
        this.keeper = new LeaseKeeper(leases);
    }

    /**
     * Takes the feed's lease, prepares its row and loads its items in one streamed query.
     *
     * @throws SyncLockedException if another worker, or another sync of this one, holds the lease
     */
    public FeedSyncState open(String dataSpaceId, Feed feed) {
        requireDataSpace(dataSpaceId);
        Objects.requireNonNull(feed, "feed");
        Lease lease = leases.acquire(dataSpaceId, feed.name());
        JdbcFeedState[] opened = new JdbcFeedState[1];
        LeaseKeeper.Kept kept = keeper.keep(lease, lost -> {
            if (opened[0] != null) {
                opened[0].leaseLost(lost);
            }
        });
        try {
            JdbcFeedState state = transactions.run(() -> "open " + lease.describe(), connection -> {
                Fence fence = new Fence(leases, lease);
                fence.lock(connection);
                fence.check(connection);
                FeedRow row = FeedRow.prepare(connection, sql, dataSpaceId, feed);
                InFlight.recover(connection, sql, row.feedId());
                ItemIndex index = new ItemRows(sql, row.feedId(), feed.identityFields()).load(connection);
                return new JdbcFeedState(feed, lease, transactions, leases, sql, row, index);
            });
            state.keptBy(kept);
            opened[0] = state;
            return state;
        } catch (RuntimeException failure) {
            kept.close();
            releaseQuietly(lease, failure);
            throw failure;
        }
    }

    /**
     * Takes the leases of every feed of the data space (built-in ones and any with state or a lease), forgets
     * their state in one transaction, runs {@code erase} and releases the leases.
     *
     * @throws SyncLockedException if a feed state of the data space is open; nothing is changed then
     */
    public void resetDataSpace(String dataSpaceId, Runnable erase) {
        requireDataSpace(dataSpaceId);
        Objects.requireNonNull(erase, "erase");
        List<Lease> held = new ArrayList<>();
        List<LeaseKeeper.Kept> kept = new ArrayList<>();
        try {
            for (String feed : feedsOf(dataSpaceId)) {
                Lease lease = leases.acquire(dataSpaceId, feed);
                held.add(lease);
                kept.add(keeper.keep(lease, lost -> { }));
            }
            transactions.run(() -> "forget the sync state of data space " + dataSpaceId, connection -> {
                for (Lease lease : held) {
                    Fence fence = new Fence(leases, lease);
                    fence.lock(connection);
                    fence.check(connection);
                }
                forgetFeeds(connection, dataSpaceId, held);
                return null;
            });
            erase.run();
        } finally {
            kept.forEach(LeaseKeeper.Kept::close);
            held.forEach(this::releaseLogged);
        }
    }

    /**
     * Deletes the state of the feeds whose leases the reset holds, and of no other: a feed first opened after the
     * reset listed the feeds is another worker's.
     */
    private void forgetFeeds(Connection connection, String dataSpaceId, List<Lease> held) throws SQLException {
        Array feeds = connection.createArrayOf("text", held.stream().map(Lease::feed).toArray(String[]::new));
        List<Long> feedIds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.feedIdsOfFeeds)) {
            select.setString(1, dataSpaceId);
            select.setArray(2, feeds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    feedIds.add(rows.getLong(1));
                }
            }
        }
        InFlight.deleteAll(connection, sql, feedIds.toArray(new Long[0]));
        try (PreparedStatement items = connection.prepareStatement(sql.deleteItemsOfFeeds);
                PreparedStatement rows = connection.prepareStatement(sql.deleteFeeds)) {
            items.setArray(1, connection.createArrayOf("bigint", feedIds.toArray(new Long[0])));
            items.executeUpdate();
            rows.setString(1, dataSpaceId);
            rows.setArray(2, feeds);
            rows.executeUpdate();
        }
    }

    private void releaseLogged(Lease lease) {
        try {
            leases.release(lease);
        } catch (RuntimeException failure) {
            System.getLogger(SyncStates.class.getName()).log(System.Logger.Level.WARNING, "Could not release the "
                    + "lease of {0} after a reset; it ends by itself: {1}", lease.describe(), failure.getMessage());
        }
    }

    private TreeSet<String> feedsOf(String dataSpaceId) {
        TreeSet<String> feeds = new TreeSet<>();
        Feed.builtIn().forEach(feed -> feeds.add(feed.name()));
        transactions.run(() -> "list the feeds of data space " + dataSpaceId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.feedsOfDataSpace)) {
                statement.setString(1, dataSpaceId);
                statement.setString(2, dataSpaceId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        feeds.add(rows.getString(1));
                    }
                }
            }
            return null;
        });
        return feeds;
    }

    private void releaseQuietly(Lease lease, RuntimeException failure) {
        try {
            leases.release(lease);
        } catch (RuntimeException releaseFailed) {
            failure.addSuppressed(releaseFailed);
        }
    }

    private static void requireDataSpace(String dataSpaceId) {
        if (dataSpaceId == null || dataSpaceId.isBlank()) {
            throw new IllegalArgumentException("dataSpaceId is empty: give the selected data space's id");
        }
    }
}

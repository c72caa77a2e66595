package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.Feed;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code sync_feed} row of one data space and feed: its id (the items' key), its identity fields and the
 * last full sync.
 *
 * @param feedId       the row's id
 * @param lastFullSync when the last full sync finished, or {@code null}
 */
record FeedRow(long feedId, Instant lastFullSync) {

    /**
     * Finds or creates the row, under a lease fenced in the caller's transaction. When the feed's identity fields
     * changed, the items are forgotten (their hashes mean nothing under the new identity) and the row takes the
     * new fields.
     */
    static FeedRow prepare(Connection connection, SyncStateSql sql, String dataSpaceId, Feed feed)
            throws SQLException {
        String[] fields = feed.identityFields().toArray(new String[0]);
        try (PreparedStatement insert = connection.prepareStatement(sql.insertFeed)) {
            insert.setString(1, dataSpaceId);
            insert.setString(2, feed.name());
            insert.setArray(3, connection.createArrayOf("text", fields));
            insert.executeUpdate();
        }
        long feedId;
        Instant lastFullSync;
        List<String> stored;
        try (PreparedStatement select = connection.prepareStatement(sql.selectFeed)) {
            select.setString(1, dataSpaceId);
            select.setString(2, feed.name());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                feedId = row.getLong(1);
                Array array = row.getArray(2);
                stored = Arrays.asList((String[]) array.getArray());
                array.free();
                OffsetDateTime last = row.getObject(3, OffsetDateTime.class);
                lastFullSync = last == null ? null : last.toInstant();
            }
        }
        if (stored.equals(feed.identityFields())) {
            return new FeedRow(feedId, lastFullSync);
        }
        try (PreparedStatement delete = connection.prepareStatement(sql.deleteFeedItems)) {
            delete.setLong(1, feedId);
            delete.executeUpdate();
        }
        InFlight.deleteAll(connection, sql, new Long[] {feedId});
        try (PreparedStatement update = connection.prepareStatement(sql.updateFeedIdentity)) {
            update.setArray(1, connection.createArrayOf("text", fields));
            update.setLong(2, feedId);
            update.executeUpdate();
        }
        return new FeedRow(feedId, null);
    }
}

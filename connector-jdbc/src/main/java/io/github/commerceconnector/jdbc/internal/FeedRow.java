package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
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
 * The {@code sync_feed} row of one data space and feed: its id (the items' key), its identity fields, the last
 * full sync and the algorithm of the content hashes its items hold.
 *
 * @param feedId        the row's id
 * @param lastFullSync  when the last full sync finished, or {@code null}
 * @param contentHashes the algorithm of the content hashes its items hold
 */
record FeedRow(long feedId, Instant lastFullSync, ContentHashAlgorithm contentHashes) {
    /**
     * The code of {@link ContentHashAlgorithm#FIELDS_XXH3_64}, which a new row, or one whose items were forgotten,
     * takes.
     */
    static final int NEW_ALGORITHM = 2;
    /**
     * The algorithms by their codes in the {@code content_hash_algorithm} column: 0 for rows made before it, 1 for
     * the rows of XXH3 over the canonical JSON made before the hashes over fields.
     */
    private static final List<ContentHashAlgorithm> ALGORITHMS = List.of(ContentHashAlgorithm.SHA_256,
            ContentHashAlgorithm.XXH3_64, ContentHashAlgorithm.FIELDS_XXH3_64);

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
        int algorithm;
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
                algorithm = row.getInt(4);
            }
        }
        if (stored.equals(feed.identityFields())) {
            if (algorithm < 0 || algorithm >= ALGORITHMS.size()) {
                throw new ConfigurationException("The content_hash_algorithm of data space " + dataSpaceId + " and feed "
                        + feed.name() + " is " + algorithm + ", which this version of the connector does not know "
                        + "(0 to " + (ALGORITHMS.size() - 1) + " it does): the state was written by a later "
                        + "version; use that version");
            }
            return new FeedRow(feedId, lastFullSync, ALGORITHMS.get(algorithm));
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
        return new FeedRow(feedId, null, ALGORITHMS.get(NEW_ALGORITHM));
    }
}

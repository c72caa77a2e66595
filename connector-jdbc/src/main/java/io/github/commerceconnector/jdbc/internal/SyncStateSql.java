package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.jdbc.JdbcTables;

/**
 * The SQL of the sync state store, rendered once for a set of {@link JdbcTables}. Every statement that reads or
 * writes one item, one lease or one feed goes through a primary key; the only scan is the load of a feed's items
 * ({@link #loadItems}), which reads them all in one streamed query. A record is one call of the schema's
 * {@code sync_write} function ({@link #write} or {@link #writeAnswer}, {@link SyncWrite}).
 */
final class SyncStateSql {
    final String setLocal;
    final String acquireLease;
    final String renewLease;
    final String releaseLease;
    final String leaseHolder;
    final String lockShared;
    final String lockExclusive;
    final String checkToken;
    final String insertFeed;
    final String selectFeed;
    final String updateFeedIdentity;
    final String deleteFeedItems;
    final String setLastFullSync;
    final String loadItems;
    final String itemDetails;
    final String itemsWithReasons;
    final String retryPayloads;
    final String feedsOfDataSpace;
    /**
     * A call of {@code sync_write} at READ COMMITTED, which its lease check needs ({@link ReadCommitted}): at another
     * level it calls nothing and returns null, and {@link SyncWrite} runs it again with the connection at READ
     * COMMITTED. The check costs no round trip.
     */
    final String write;
    /**
     * {@link #write} for a record that sends nothing (answers of the gateway, local rejections): the same call, in
     * the same implicit transaction as {@code set_config('synchronous_commit', 'off', true)}, so that this commit
     * alone does not wait for the WAL flush. Why that loses no guarantee: {@link SyncWrite}.
     */
    final String writeAnswer;
    final String recoverSending;
    final String deleteFeedSending;
    final String feedIdsOfFeeds;
    final String deleteItemsOfFeeds;
    final String deleteFeeds;
    final String selectCheckpoint;
    final String setCheckpoint;
    final String purgeDeletes;
    final String markChanged;

    /**
     * A {@code timestamptz} from a parameter that counts microseconds since the epoch (bound with
     * {@link SyncWrite#micros}): exact, and cheaper for the driver to bind than a date-time object.
     */
    private static final String FROM_MICROS = "(timestamptz 'epoch' + ?::bigint * interval '1 microsecond')";

    private final String lockPrefix;

    SyncStateSql(JdbcTables tables) {
        lockPrefix = "commerce-services-connector sync lease " + tables + " ";
        String lease = tables.name("sync_lease");
        String feed = tables.name("sync_feed");
        String item = tables.name("sync_item");
        String token = tables.name("lease_token");
        String sending = tables.name("sync_sending");
        setLocal = "SELECT set_config(?, ?, true)";
        acquireLease = "INSERT INTO " + lease + " AS l (data_space_id, feed, owner_id, token, acquired_at, expires_at) "
                + "VALUES (?, ?, ?, nextval('" + token + "'), clock_timestamp(), clock_timestamp() + ?::interval) "
                + "ON CONFLICT (data_space_id, feed) DO UPDATE SET owner_id = EXCLUDED.owner_id, "
                + "token = EXCLUDED.token, "
                + "acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at "
                + "WHERE l.expires_at <= clock_timestamp() RETURNING token, expires_at";
        renewLease = "UPDATE " + lease + " SET expires_at = clock_timestamp() + ?::interval "
                + "WHERE data_space_id = ? AND feed = ? AND token = ? RETURNING expires_at";
        releaseLease = "UPDATE " + lease + " SET expires_at = clock_timestamp(), token = nextval('" + token + "') "
                + "WHERE data_space_id = ? AND feed = ? AND token = ?";
        leaseHolder = "SELECT owner_id, expires_at FROM " + lease + " WHERE data_space_id = ? AND feed = ?";
        lockShared = "SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0)), "
                + "set_config('idle_in_transaction_session_timeout', ?, true)";
        lockExclusive = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";
        checkToken = "SELECT 1 FROM " + lease + " WHERE data_space_id = ? AND feed = ? AND token = ?";
        insertFeed = "INSERT INTO " + feed + " (data_space_id, feed, identity_fields, content_hash_algorithm) "
                + "VALUES (?, ?, ?, " + FeedRow.NEW_ALGORITHM + ") "
                + "ON CONFLICT (data_space_id, feed) DO NOTHING";
        selectFeed = "SELECT feed_id, identity_fields, last_full_sync, content_hash_algorithm FROM " + feed
                + " WHERE data_space_id = ? AND feed = ?";
        updateFeedIdentity = "UPDATE " + feed + " SET identity_fields = ?, last_full_sync = NULL, "
                + "content_hash_algorithm = " + FeedRow.NEW_ALGORITHM + " WHERE feed_id = ?";
        deleteFeedItems = "DELETE FROM " + item + " WHERE feed_id = ?";
        setLastFullSync = "UPDATE " + feed + " SET last_full_sync = ? WHERE feed_id = ?";
        loadItems = "SELECT identity_hash, content_hash, status FROM " + item + " WHERE feed_id = ?";
        itemDetails = "SELECT identity_values, reason, attempted_at FROM " + item
                + " WHERE feed_id = ? AND identity_hash = ?";
        itemsWithReasons = "SELECT identity_hash, identity_values, reason FROM " + item
                + " WHERE feed_id = ? AND identity_hash = ANY (?::bigint[])";
        retryPayloads = "SELECT identity_hash, content_hash, payload FROM " + item
                + " WHERE feed_id = ? AND identity_hash = ANY (?::bigint[]) AND status = " + StatusCodes.RETRYABLE;
        feedsOfDataSpace = "SELECT feed FROM " + feed + " WHERE data_space_id = ? UNION SELECT feed FROM " + lease
                + " WHERE data_space_id = ?";
        write = "SELECT CASE WHEN current_setting('transaction_isolation') = '" + ReadCommitted.SETTING + "' THEN "
                + tables.name("sync_write") + "(?, ?, ?, ?, ?, " + FROM_MICROS + ", "
                + "?::bigint[], ?::bigint[], ?::smallint[], ?::text[], ?::text[], ?::bytea[], "
                + "?::bigint[], ?::bigint[], ?::smallint[], ?::text[], ?::text[], ?::bytea[], "
                + "?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint, ?::bigint[], ?::bigint[], ?::text[]) "
                + "END";
        writeAnswer = write + ", set_config('synchronous_commit', 'off', true)";
        recoverSending = "INSERT INTO " + item + " (feed_id, identity_hash, content_hash, status, attempted_at, "
                + "identity_values, reason, payload) SELECT s.feed_id, u.identity_hash, u.content_hash, "
                + StatusCodes.UNCONFIRMED + ", s.attempted_at, u.identity_values, NULL, NULL FROM " + sending
                + " s, unnest(s.identity_hashes, s.content_hashes, s.identity_values) "
                + "AS u(identity_hash, content_hash, identity_values) WHERE s.feed_id = ? "
                + "ON CONFLICT (feed_id, identity_hash) DO UPDATE SET content_hash = EXCLUDED.content_hash, "
                + "status = EXCLUDED.status, attempted_at = EXCLUDED.attempted_at, "
                + "identity_values = EXCLUDED.identity_values, reason = NULL, payload = NULL";
        deleteFeedSending = "DELETE FROM " + sending + " WHERE feed_id = ANY (?::bigint[])";
        feedIdsOfFeeds = "SELECT feed_id FROM " + feed + " WHERE data_space_id = ? AND feed = ANY (?::text[])";
        deleteItemsOfFeeds = "DELETE FROM " + item + " WHERE feed_id = ANY (?::bigint[])";
        deleteFeeds = "DELETE FROM " + feed + " WHERE data_space_id = ? AND feed = ANY (?::text[])";
        selectCheckpoint = "SELECT resync_started, resync_confirmed FROM " + feed + " WHERE feed_id = ?";
        setCheckpoint = "UPDATE " + feed + " SET resync_started = ?, resync_confirmed = ? WHERE feed_id = ?";
        purgeDeletes = "DELETE FROM " + item + " WHERE feed_id = ? AND status = " + StatusCodes.ACCEPTED
                + " AND content_hash = 0 AND attempted_at < ? RETURNING identity_hash";
        markChanged = "UPDATE " + item + " SET status = " + StatusCodes.UNCONFIRMED + ", reason = NULL, attempted_at = ? "
                + "WHERE feed_id = ? AND identity_hash = ANY (?::bigint[]) AND status IN (" + StatusCodes.ACCEPTED + ", "
                + StatusCodes.REJECTED + ") RETURNING identity_hash";
    }

    /**
     * The text whose 64-bit hash keys the advisory lock of one lease: taken shared by every write of the state
     * and exclusively by a takeover, so that the two exclude each other.
     */
    String lockName(String dataSpaceId, String feed) {
        return lockPrefix + dataSpaceId.length() + ":" + dataSpaceId + " " + feed;
    }
}

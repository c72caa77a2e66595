package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.spi.ItemIndex;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code sync_item} for one feed: a batch of changes written as one upsert of arrays (and one delete
 * of removed items), the streamed load of every item into an {@link ItemIndex}, and the look-ups by identity.
 * Works on connections it is given, inside the caller's transaction. Stateless apart from the feed; thread-safe.
 */
final class ItemRows {
    /** The position an {@link ItemIndex} keeps for an item that has a row; 0 for one only on its way. */
    static final long HAS_ROW = 1;
    private static final int FETCH_SIZE = 10_000;

    private final SyncStateSql sql;
    private final long feedId;
    private final List<String> identityFields;

    ItemRows(SyncStateSql sql, long feedId, List<String> identityFields) {
        this.sql = sql;
        this.feedId = feedId;
        this.identityFields = identityFields;
    }

    /**
     * The last change of each identity in a batch, in order: a batch must hold each identity once, and when one
     * comes twice the later change is the one that counts, as if recorded after the earlier one.
     */
    static List<StateChange> lastOfEach(List<StateChange> changes) {
        if (changes.size() < 2 || distinct(changes)) {
            return changes;
        }
        Map<Long, Integer> last = new HashMap<>(changes.size() * 2);
        for (int i = 0; i < changes.size(); i++) {
            last.put(changes.get(i).identityHash(), i);
        }
        List<StateChange> distinct = new ArrayList<>(last.size());
        for (int i = 0; i < changes.size(); i++) {
            if (last.get(changes.get(i).identityHash()) == i) {
                distinct.add(changes.get(i));
            }
        }
        return distinct;
    }

    /** Whether no identity comes twice: the usual case, told apart without boxing a hash. */
    private static boolean distinct(List<StateChange> changes) {
        long[] identities = new long[changes.size()];
        for (int i = 0; i < identities.length; i++) {
            identities[i] = changes.get(i).identityHash();
        }
        Arrays.sort(identities);
        for (int i = 1; i < identities.length; i++) {
            if (identities[i] == identities[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Reads every item of the feed, in one streamed query, into a new index; the caller's transaction. */
    ItemIndex load(Connection connection) throws SQLException {
        ItemIndex index = new ItemIndex(1024);
        try (PreparedStatement statement = connection.prepareStatement(sql.loadItems)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, feedId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    index.put(rows.getLong(1), rows.getLong(2), StatusCodes.status(rows.getShort(3)), HAS_ROW, false);
                }
            }
        }
        return index;
    }

    /**
     * What the state holds of one item besides its hashes and status.
     *
     * @param key       its identity values
     * @param reason    its rejection reason, or {@code null}
     * @param attempted when it was last attempted
     */
    record Details(ItemKey key, String reason, Instant attempted) {
    }

    /** The details of one item, or {@code null} if no row holds it. */
    Details details(Connection connection, long identityHash) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.itemDetails)) {
            statement.setLong(1, feedId);
            statement.setLong(2, identityHash);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Details(KeyValues.key(identityFields, row.getString(1)), row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant());
            }
        }
    }

    /** The keys and reasons of some items, in the order of the identities given. */
    List<RejectedItem> rejected(Connection connection, long[] identities) throws SQLException {
        Map<Long, RejectedItem> found = new HashMap<>(identities.length * 2);
        try (PreparedStatement statement = connection.prepareStatement(sql.itemsWithReasons)) {
            statement.setLong(1, feedId);
            statement.setArray(2, longs(connection, identities));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getLong(1), new RejectedItem(KeyValues.key(identityFields, rows.getString(2)),
                            rows.getString(3), null, null, -1));
                }
            }
        }
        List<RejectedItem> result = new ArrayList<>(found.size());
        for (long identity : identities) {
            RejectedItem item = found.get(identity);
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    /** The retry payloads of some items that are retryable, decompressed. */
    List<RetryPayload> retryPayloads(Connection connection, long[] identities) throws SQLException {
        List<RetryPayload> payloads = new ArrayList<>(identities.length);
        try (PreparedStatement statement = connection.prepareStatement(sql.retryPayloads)) {
            statement.setLong(1, feedId);
            statement.setArray(2, longs(connection, identities));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byte[] stored = rows.getBytes(3);
                    if (stored != null) {
                        payloads.add(new RetryPayload(rows.getLong(1), rows.getLong(2), Payloads.decompress(stored)));
                    }
                }
            }
        }
        return payloads;
    }

    private static Array longs(Connection connection, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return connection.createArrayOf("bigint", boxed);
    }
}

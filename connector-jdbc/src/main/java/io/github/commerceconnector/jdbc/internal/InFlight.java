package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.StateChange;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The batches of one open state that are on their way to the gateway: a {@link StateChange.Kind#SENDING} record
 * writes one row of {@code sync_sending} (the batch's identities, content hashes and identity values as arrays)
 * instead of a row per item, and the record of the answer deletes it in its own transaction. So each item is
 * written once per sync, with its answer, while a crash in between still leaves the batch on record.
 *
 * <p>Every identity is in at most one row: any later record of an identity takes it out of the row that holds it
 * (the row is deleted when nothing is left; trimmed, under its row lock, otherwise). A row left by a worker that
 * died thus holds exactly the items whose answer was never recorded; {@link #recover} turns them into
 * unconfirmed item rows when the state opens next.
 *
 * <p>Thread-safe: the bookkeeping is guarded by this object's monitor, and {@link #plan} decides from what was
 * committed, so writes running at once never drop an item from a row that still needs it.
 */
final class InFlight {
    private final SyncStateSql sql;
    private final long feedId;
    private final long token;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<Long, Integer> unresolved = new HashMap<>();
    private long batches;

    InFlight(SyncStateSql sql, long feedId, long token) {
        this.sql = sql;
        this.feedId = feedId;
        this.token = token;
    }

    /**
     * An item whose sending is recorded and whose answer is not.
     *
     * @param key       its identity values
     * @param keyText   their stored text, reused when the answer is written
     * @param batch     the row that holds it
     * @param attempted when it was sent
     */
    record Pending(ItemKey key, String keyText, long batch, Instant attempted) {
    }

    /**
     * What one record does to the rows.
     *
     * @param batch     the number of the new row, or -1 when the record sends nothing
     * @param sending   the items about to be sent
     * @param attempted when they are sent
     * @param resolved  how many items each older row loses, by row
     * @param emptied   the rows that lose their last items (deleted)
     * @param trimmed   the rows that keep some items (rewritten)
     * @param identities every identity the record concerns
     * @param keyTexts  the stored texts of the sending items' identity values
     */
    record Plan(long batch, List<StateChange> sending, Instant attempted, Map<Long, Integer> resolved,
            List<Long> emptied, List<Long> trimmed, long[] identities, String[] keyTexts) {
    }

    /** Plans a record of distinct changes: the new row for its sending items, and the rows it resolves. */
    synchronized Plan plan(List<StateChange> changes, Instant attempted) {
        List<StateChange> sending = new ArrayList<>();
        Map<Long, Integer> resolved = new LinkedHashMap<>();
        long[] identities = new long[changes.size()];
        for (int i = 0; i < identities.length; i++) {
            StateChange change = changes.get(i);
            identities[i] = change.identityHash();
            if (change.kind() == StateChange.Kind.SENDING) {
                sending.add(change);
            }
            Pending earlier = pending.get(change.identityHash());
            if (earlier != null) {
                resolved.merge(earlier.batch(), 1, Integer::sum);
            }
        }
        List<Long> emptied = new ArrayList<>();
        List<Long> trimmed = new ArrayList<>();
        resolved.forEach((batch, count) -> (count.equals(unresolved.get(batch)) ? emptied : trimmed).add(batch));
        String[] keyTexts = new String[sending.size()];
        for (int i = 0; i < keyTexts.length; i++) {
            keyTexts[i] = KeyValues.text(sending.get(i).key());
        }
        return new Plan(sending.isEmpty() ? -1 : ++batches, sending, attempted, resolved, emptied, trimmed,
                identities, keyTexts);
    }

    /** The rows a plan empties, for the statement that writes the answered items to delete, or {@code null}. */
    ItemRows.Answered answered(Plan plan) {
        return plan.emptied().isEmpty() ? null : new ItemRows.Answered(token, plan.emptied().toArray(new Long[0]));
    }

    /**
     * Writes a plan in the caller's transaction; a new row checks the lease ({@link Fence}).
     *
     * @param emptiedDeleted whether the statement that wrote the answered items deleted the emptied rows
     */
    void write(Connection connection, Fence fence, Plan plan, boolean emptiedDeleted) throws SQLException {
        if (!emptiedDeleted && !plan.emptied().isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(sql.deleteSending)) {
                delete.setLong(1, feedId);
                delete.setLong(2, token);
                delete.setArray(3, connection.createArrayOf("bigint", plan.emptied().toArray(new Long[0])));
                delete.executeUpdate();
            }
        }
        for (long batch : plan.trimmed()) {
            trim(connection, batch, plan.identities());
        }
        if (plan.batch() >= 0) {
            insert(connection, fence, plan);
        }
    }

    private void insert(Connection connection, Fence fence, Plan plan) throws SQLException {
        int size = plan.sending().size();
        Long[] identities = new Long[size];
        Long[] contents = new Long[size];
        for (int i = 0; i < size; i++) {
            StateChange change = plan.sending().get(i);
            identities[i] = change.identityHash();
            contents[i] = change.contentHash();
        }
        try (PreparedStatement insert = connection.prepareStatement(sql.insertSending)) {
            insert.setLong(1, feedId);
            insert.setLong(2, token);
            insert.setLong(3, plan.batch());
            insert.setArray(4, connection.createArrayOf("bigint", identities));
            insert.setArray(5, connection.createArrayOf("bigint", contents));
            insert.setArray(6, connection.createArrayOf("text", plan.keyTexts()));
            insert.setObject(7, OffsetDateTime.ofInstant(plan.attempted(), ZoneOffset.UTC));
            fence.bind(insert, 8);
            fence.wrote(connection, insert.executeUpdate(), 1);
        }
    }

    /** Takes identities out of a row that keeps others: reads it under its row lock, rewrites or deletes it. */
    private void trim(Connection connection, long batch, long[] leaving) throws SQLException {
        Set<Long> gone = new HashSet<>();
        for (long identity : leaving) {
            gone.add(identity);
        }
        List<Long> identities = new ArrayList<>();
        List<Long> contents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (PreparedStatement lock = connection.prepareStatement(sql.lockSending)) {
            lock.setLong(1, feedId);
            lock.setLong(2, token);
            lock.setLong(3, batch);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    return;
                }
                Long[] storedIdentities = longs(row.getArray(1));
                Long[] storedContents = longs(row.getArray(2));
                Array storedKeys = row.getArray(3);
                String[] literals = (String[]) storedKeys.getArray();
                storedKeys.free();
                for (int i = 0; i < storedIdentities.length; i++) {
                    if (!gone.contains(storedIdentities[i])) {
                        identities.add(storedIdentities[i]);
                        contents.add(storedContents[i]);
                        keys.add(literals[i]);
                    }
                }
            }
        }
        if (identities.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(sql.deleteSending)) {
                delete.setLong(1, feedId);
                delete.setLong(2, token);
                delete.setArray(3, connection.createArrayOf("bigint", new Long[] {batch}));
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(sql.updateSending)) {
            update.setArray(1, connection.createArrayOf("bigint", identities.toArray(new Long[0])));
            update.setArray(2, connection.createArrayOf("bigint", contents.toArray(new Long[0])));
            update.setArray(3, connection.createArrayOf("text", keys.toArray(new String[0])));
            update.setLong(4, feedId);
            update.setLong(5, token);
            update.setLong(6, batch);
            update.executeUpdate();
        }
    }

    private static Long[] longs(Array array) throws SQLException {
        try {
            return (Long[]) array.getArray();
        } finally {
            array.free();
        }
    }

    /** Updates the bookkeeping once a plan's transaction committed. */
    synchronized void committed(Plan plan) {
        for (long identity : plan.identities()) {
            pending.remove(identity);
        }
        plan.resolved().forEach((batch, count) -> unresolved.computeIfPresent(batch,
                (row, left) -> left - count <= 0 ? null : left - count));
        if (plan.batch() >= 0) {
            for (int i = 0; i < plan.sending().size(); i++) {
                StateChange change = plan.sending().get(i);
                pending.put(change.identityHash(), new Pending(change.key(), plan.keyTexts()[i], plan.batch(),
                        plan.attempted()));
            }
            unresolved.put(plan.batch(), plan.sending().size());
        }
    }

    /** The stored text of a change's identity values: the one computed when the item was sent, if it was. */
    synchronized String keyText(StateChange change) {
        Pending sent = pending.get(change.identityHash());
        return sent != null && sent.key().equals(change.key()) ? sent.keyText() : KeyValues.text(change.key());
    }

    /** The item sent under an identity whose answer is not recorded yet, or {@code null}. */
    synchronized Pending pending(long identityHash) {
        return pending.get(identityHash);
    }

    /**
     * Turns the rows left by workers that died into unconfirmed item rows, and deletes them; the caller's
     * transaction, before the items are loaded.
     */
    static void recover(Connection connection, SyncStateSql sql, long feedId) throws SQLException {
        try (PreparedStatement recover = connection.prepareStatement(sql.recoverSending)) {
            recover.setLong(1, feedId);
            recover.executeUpdate();
        }
        deleteAll(connection, sql, new Long[] {feedId});
    }

    /** Deletes the rows of some feeds; the caller's transaction. */
    static void deleteAll(Connection connection, SyncStateSql sql, Long[] feedIds) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql.deleteFeedSending)) {
            delete.setArray(1, connection.createArrayOf("bigint", feedIds));
            delete.executeUpdate();
        }
    }
}

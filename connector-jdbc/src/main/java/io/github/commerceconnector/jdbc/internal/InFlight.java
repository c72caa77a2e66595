package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.StateChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final long feedId;
    private final long token;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<Long, Integer> unresolved = new HashMap<>();
    private long batches;

    InFlight(long feedId, long token) {
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
     * @param row       whether it had an item row when it was sent (it has one still: only a record of the same
     *                  identity changes that, and takes it out of here)
     */
    record Pending(ItemKey key, String keyText, long batch, Instant attempted, boolean row) {
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
     * @param rows      for each identity, whether it has an item row, as known from its sending; {@code null} for
     *                  one that is not on its way
     * @param sendingAt the positions among the identities of the sending items
     */
    record Plan(long batch, List<StateChange> sending, Instant attempted, Map<Long, Integer> resolved,
            List<Long> emptied, List<Long> trimmed, long[] identities, String[] keyTexts, Boolean[] rows,
            int[] sendingAt) {
    }

    /** Plans a record of distinct changes: the new row for its sending items, and the rows it resolves. */
    synchronized Plan plan(List<StateChange> changes, Instant attempted) {
        List<StateChange> sending = new ArrayList<>();
        Map<Long, Integer> resolved = new LinkedHashMap<>();
        long[] identities = new long[changes.size()];
        Boolean[] rows = new Boolean[identities.length];
        int[] sendingAt = new int[identities.length];
        for (int i = 0; i < identities.length; i++) {
            StateChange change = changes.get(i);
            identities[i] = change.identityHash();
            if (change.kind() == StateChange.Kind.SENDING) {
                sendingAt[sending.size()] = i;
                sending.add(change);
            }
            Pending earlier = pending.get(change.identityHash());
            if (earlier != null) {
                resolved.merge(earlier.batch(), 1, Integer::sum);
                rows[i] = earlier.row();
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
                identities, keyTexts, rows, Arrays.copyOf(sendingAt, sending.size()));
    }

    /**
     * Updates the bookkeeping once a plan's transaction committed.
     *
     * @param hadRow for each of the plan's identities, whether it had an item row when the record was made
     */
    synchronized void committed(Plan plan, boolean[] hadRow) {
        for (long identity : plan.identities()) {
            pending.remove(identity);
        }
        plan.resolved().forEach((batch, count) -> unresolved.computeIfPresent(batch,
                (row, left) -> left - count <= 0 ? null : left - count));
        if (plan.batch() >= 0) {
            for (int i = 0; i < plan.sending().size(); i++) {
                StateChange change = plan.sending().get(i);
                pending.put(change.identityHash(), new Pending(change.key(), plan.keyTexts()[i], plan.batch(),
                        plan.attempted(), hadRow[plan.sendingAt()[i]]));
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

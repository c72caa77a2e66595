package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.spi.StateChange;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One {@code record} of a feed's state as one call of the schema's {@code sync_write} function, so that a write
 * is one statement and one round trip, committed on its own: the lease check, the items (inserted when they have
 * no row, upserted otherwise, deleted when removed), the sent batches it answers and the batch about to be sent.
 * Every part may run twice (a call whose commit was not confirmed is made again): the batch row is inserted if
 * missing, deletes and upserts repeat harmlessly, and an insert that meets its own earlier row fails with
 * SQLState 23505, upon which the caller writes again with upserts only.
 *
 * <p><b>Which commits wait for the disk.</b> A record that holds items about to be sent commits durably (the
 * server's {@code synchronous_commit}, on by default): it returns only once the WAL is flushed, before the request
 * goes out. A record that sends nothing (the answers of the gateway, local rejections) commits without waiting for
 * the flush ({@link SyncStateSql#writeAnswer}: {@code synchronous_commit} off for that transaction only). Why this
 * keeps every guarantee:
 * <ul>
 *   <li>A worker killed, or a connection cut, loses no such commit: once the server confirmed it, it is in the
 *       server's WAL buffers, visible to every session at once, and flushed by the WAL writer within
 *       {@code 3 x wal_writer_delay} (0.6 s by default); a commit that was not confirmed is made again or never
 *       happened, as with a durable one. Only PostgreSQL itself stopping (a crash, a power loss, a failover) inside
 *       that window can lose it.</li>
 *   <li>What such a stop loses is harmless. The WAL is replayed in order, so what survives is every commit up to
 *       some point: a flush of a later commit (the next durable record, the full sync's end, the lease's release)
 *       flushes every answer before it. And a batch's sending record was durable before its request went out. So
 *       a lost answer leaves its items as that record left them: unconfirmed (sent, no answer recorded), never
 *       accepted, and the next run sends them again. Nothing is marked accepted that the gateway did not accept.</li>
 *   <li>The sending record must stay durable: lost after its request went out, it would leave items the gateway
 *       may hold that the state does not know of (never deleted when they leave the catalog), or an accepted
 *       content older than the one the gateway now holds.</li>
 * </ul>
 * So a batch costs one wait for the disk instead of two, and the answer's commit is off the senders' path.
 */
final class SyncWrite {
    private final SyncStateSql sql;
    private final Lease lease;
    private final long feedId;

    SyncWrite(SyncStateSql sql, Lease lease, long feedId) {
        this.sql = sql;
        this.lease = lease;
        this.feedId = feedId;
    }

    /**
     * Writes a record: durably when it sends items, without waiting for the WAL flush otherwise (see above). One
     * round trip on a connection at READ COMMITTED; on one at another level, the call writes nothing and is made
     * again with the connection set to READ COMMITTED and set back afterwards ({@link ReadCommitted}).
     *
     * @param settled  the changes other than sending, for distinct identities
     * @param fresh    the identities of settled changes known to have no row: inserted, not upserted
     * @param keyText  the stored text of a change's identity values
     * @param plan     what the record does to the sent batches
     * @return whether the lease held (nothing is written when it did not)
     */
    boolean write(Connection connection, List<StateChange> settled, Set<Long> fresh,
            Function<StateChange, String> keyText, InFlight.Plan plan) throws SQLException {
        Boolean held = call(connection, settled, fresh, keyText, plan);
        if (held != null) {
            return held;
        }
        return ReadCommitted.pinned(connection, pinned -> call(pinned, settled, fresh, keyText, plan));
    }

    /**
     * Makes the call once.
     *
     * @return whether the lease held, or {@code null} if the connection was not at READ COMMITTED (nothing written)
     */
    private Boolean call(Connection connection, List<StateChange> settled, Set<Long> fresh,
            Function<StateChange, String> keyText, InFlight.Plan plan) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement(plan.batch() < 0 ? sql.writeAnswer : sql.write)) {
            bind(connection, call, settled, fresh, keyText, plan);
            try (ResultSet result = call.executeQuery()) {
                result.next();
                boolean held = result.getBoolean(1);
                return result.wasNull() ? null : held;
            }
        }
    }

    /** Binds the parameters of a call of {@link SyncStateSql#write} for a record (see {@link #write}). */
    void bind(Connection connection, PreparedStatement call, List<StateChange> settled, Set<Long> fresh,
            Function<StateChange, String> keyText, InFlight.Plan plan) throws SQLException {
        List<StateChange> inserted = new ArrayList<>();
        List<StateChange> upserted = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        for (StateChange change : settled) {
            if (change.kind() == StateChange.Kind.REMOVED) {
                removed.add(change.identityHash());
            } else {
                (fresh.contains(change.identityHash()) ? inserted : upserted).add(change);
            }
        }
        call.setString(1, sql.lockName(lease.dataSpaceId(), lease.feed()));
        call.setString(2, lease.dataSpaceId());
        call.setString(3, lease.feed());
        call.setLong(4, lease.token());
        call.setLong(5, feedId);
        call.setLong(6, micros(plan.attempted()));
        items(connection, call, 7, inserted, keyText);
        items(connection, call, 13, upserted, keyText);
        call.setArray(19, longs(connection, removed));
        call.setArray(20, longs(connection, plan.emptied()));
        call.setArray(21, longs(connection, plan.trimmed()));
        call.setArray(22, plan.trimmed().isEmpty() ? null : longs(connection, plan.identities()));
        batch(connection, call, 23, plan);
    }

    /** Binds six arrays of items (hashes, contents, statuses, identity values, reasons, payloads), or six nulls. */
    private static void items(Connection connection, PreparedStatement call, int first, List<StateChange> changes,
            Function<StateChange, String> keyText) throws SQLException {
        if (changes.isEmpty()) {
            for (int i = 0; i < 6; i++) {
                call.setArray(first + i, null);
            }
            return;
        }
        int size = changes.size();
        Long[] identities = new Long[size];
        Long[] contents = new Long[size];
        Short[] statuses = new Short[size];
        String[] keys = new String[size];
        String[] reasons = new String[size];
        byte[][] payloads = new byte[size][];
        for (int i = 0; i < size; i++) {
            StateChange change = changes.get(i);
            identities[i] = change.identityHash();
            contents[i] = change.contentHash();
            statuses[i] = StatusCodes.of(change.kind().status());
            keys[i] = keyText.apply(change);
            reasons[i] = change.reason() == null ? null : Reasons.cut(change.reason());
            payloads[i] = change.payload() == null ? null : Payloads.compress(change.payload());
        }
        call.setArray(first, connection.createArrayOf("bigint", identities));
        call.setArray(first + 1, connection.createArrayOf("bigint", contents));
        call.setArray(first + 2, connection.createArrayOf("int2", statuses));
        call.setArray(first + 3, connection.createArrayOf("text", keys));
        call.setArray(first + 4, allNull(reasons) ? null : connection.createArrayOf("text", reasons));
        call.setArray(first + 5, allNull(payloads) ? null : connection.createArrayOf("bytea", payloads));
    }

    /**
     * Whether an array holds only nulls: it is then bound as a null array, which {@code unnest} of several arrays
     * reads as nulls all along (accepted items have neither reason nor payload).
     */
    private static boolean allNull(Object[] values) {
        for (Object value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }

    /** Binds the batch about to be sent (number, hashes, contents, identity values), or four nulls. */
    private static void batch(Connection connection, PreparedStatement call, int first, InFlight.Plan plan)
            throws SQLException {
        if (plan.batch() < 0) {
            call.setObject(first, null);
            for (int i = 1; i < 4; i++) {
                call.setArray(first + i, null);
            }
            return;
        }
        int size = plan.sending().size();
        Long[] identities = new Long[size];
        Long[] contents = new Long[size];
        for (int i = 0; i < size; i++) {
            identities[i] = plan.sending().get(i).identityHash();
            contents[i] = plan.sending().get(i).contentHash();
        }
        call.setLong(first, plan.batch());
        call.setArray(first + 1, connection.createArrayOf("bigint", identities));
        call.setArray(first + 2, connection.createArrayOf("bigint", contents));
        call.setArray(first + 3, connection.createArrayOf("text", plan.keyTexts()));
    }

    /** An instant as microseconds since the epoch, as the call's time parameter takes it. */
    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Array longs(Connection connection, List<Long> values) throws SQLException {
        return values.isEmpty() ? null : connection.createArrayOf("bigint", values.toArray(new Long[0]));
    }

    private static Array longs(Connection connection, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return connection.createArrayOf("bigint", boxed);
    }
}

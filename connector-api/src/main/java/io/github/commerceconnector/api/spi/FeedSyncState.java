package io.github.commerceconnector.api.spi;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The open, exclusively locked sync state of one feed in one data space (a <em>session</em>), from
 * {@link SyncStateStore#open}. Items are addressed by the 64-bit hash of their identity; the state keeps
 * the identity values themselves too, so that deletes can be sent for items that disappeared. Identity
 * hashes are never 0 (the connector's hashing avoids it; stores may refuse it).
 *
 * <p>Each session also keeps a transient <em>seen</em> mark per held item, cleared when the state is
 * opened: {@link #markSeen} sets it, and {@link #record} sets it for every item it records. At the end of a
 * full sync, {@link #unseen()} lists the items the input no longer contains.
 *
 * <p>It also keeps the checkpoint of a resync that has not finished ({@link #resyncCheckpoint()}), and accepted
 * deletes (accepted with {@link StateChange#DELETE_CONTENT}) until {@link #purgeDeletes} forgets them.
 *
 * <p>Thread-safe. Close it to release the lock.
 */
public interface FeedSyncState extends AutoCloseable {

    /** The feed. */
    Feed feed();

    /** The data space. */
    String dataSpaceId();

    /**
     * The algorithm of the content hashes this state holds, which the client then hashes items with. It never
     * changes while the state holds a hash. The default, {@link ContentHashAlgorithm#SHA_256}, is what states
     * written before the algorithm was kept hold; a store that keeps it should give
     * {@link ContentHashAlgorithm#FIELDS_XXH3_64} for the states it creates (the connector's file and PostgreSQL
     * stores do), and keep giving what it gave for a state it created before.
     */
    default ContentHashAlgorithm contentHashAlgorithm() {
        return ContentHashAlgorithm.SHA_256;
    }

    /** The item held under an identity, or {@code null} when none is. */
    StoredItem find(long identityHash);

    /**
     * The items held under several identities, as {@link #find} gives each: {@code into[i]} for
     * {@code identityHashes[i]}, for the first {@code count} of them. A sync looks its items up a chunk at a
     * time through it, so that a store can take its lock once and overlap the memory accesses of the look-ups
     * (the connector's file and PostgreSQL stores do; on a state of a million items each look-up alone waits for
     * main memory). The default calls {@link #find} for each.
     *
     * @param identityHashes the identities, the first {@code count} looked up
     * @param count          how many to look up
     * @param into           where the items go, {@code null} for an identity none is held under
     * @throws IndexOutOfBoundsException if {@code count} is negative or beyond either array
     */
    default void findAll(long[] identityHashes, int count, StoredItem[] into) {
        Objects.checkFromIndexSize(0, count, identityHashes.length);
        Objects.checkFromIndexSize(0, count, into.length);
        for (int i = 0; i < count; i++) {
            into[i] = find(identityHashes[i]);
        }
    }

    /**
     * Marks a held item as seen in this session.
     *
     * @return {@code false} if it was already marked (the identity came twice), {@code true} otherwise,
     *     also when no item is held under the identity (nothing is marked then)
     */
    boolean markSeen(long identityHash);

    /**
     * Marks several held items as seen, as {@link #markSeen} marks each in turn: {@code firsts[i]} is what
     * {@code markSeen(identityHashes[i])} would return, for the first {@code count} identities in order (an
     * identity given twice is {@code false} the second time). A sync marks the unchanged items of a chunk at once
     * through it; the connector's file and PostgreSQL stores overlap the memory accesses. The default calls
     * {@link #markSeen} for each.
     *
     * @param identityHashes the identities, the first {@code count} marked
     * @param count          how many to mark
     * @param firsts         where each one's answer goes
     * @throws IndexOutOfBoundsException if {@code count} is negative or beyond either array
     */
    default void markAllSeen(long[] identityHashes, int count, boolean[] firsts) {
        Objects.checkFromIndexSize(0, count, identityHashes.length);
        Objects.checkFromIndexSize(0, count, firsts.length);
        for (int i = 0; i < count; i++) {
            firsts[i] = markSeen(identityHashes[i]);
        }
    }

    /**
     * A hint that the items held under these identities are about to be looked up or marked one by one: a store may
     * bring what it holds of them closer first. The connector's file and PostgreSQL stores read their index's
     * slots for them, so that the waits for memory overlap rather than come one after the other. The default does
     * nothing.
     *
     * @param identityHashes the identities, the first {@code count} about to be used
     * @param count          how many
     * @throws IndexOutOfBoundsException if {@code count} is negative or beyond the array (a store may skip the
     *     check, as the default does)
     */
    default void prefetch(long[] identityHashes, int count) {
    }

    /**
     * Records changes durably: when this returns, they survive a crash of the process. A sync records
     * {@link StateChange.Kind#SENDING} just before a request goes out, and the outcome (accepted, rejected,
     * retryable, removed) once the gateway answered; an item must never be recorded as accepted before the
     * gateway accepted it. Every recorded item is marked seen.
     *
     * @param changes   the changes, for distinct identities
     * @param attempted when the request was made
     */
    void record(List<StateChange> changes, Instant attempted);

    /** The identity values of a held item, or {@code null} when none is held. */
    ItemKey key(long identityHash);

    /** The rejection reason of a held rejected item, or {@code null} when it is not rejected. */
    String reason(long identityHash);

    /** When the item held under an identity was last attempted, or {@code null} when none is held. */
    Instant lastAttempt(long identityHash);

    /** The identities held but not marked seen in this session: a snapshot. */
    long[] unseen();

    /**
     * Visits the payloads of the items that are retryable now (each with the content hash it is retryable
     * for). Changes recorded while visiting do not disturb the visit.
     */
    void forEachRetryable(Consumer<RetryPayload> visitor);

    /**
     * How many items have a status. A sync reads the counts as it starts: when every status counts 0, it takes the
     * state for empty and does not {@link #find look up} the items of that call (a second occurrence of an item
     * the call records itself is still caught through {@link #markSeen}). A count must therefore not be 0 while
     * items of that status are held.
     */
    long count(ItemStatus status);

    /** Up to {@code limit} rejected items with their reasons (positions are {@code -1}). */
    List<RejectedItem> rejected(int limit);

    /** When the last full sync of this feed finished, or {@code null} if none did. */
    Instant lastFullSync();

    /** Records, durably, that a full sync finished. */
    void fullSyncFinished(Instant finished);

    /**
     * Marks held items as changed, so that the next sync sends them whatever their content: each item held as
     * accepted or rejected becomes {@link ItemStatus#UNCONFIRMED} with the content it had (as if recorded
     * {@link StateChange.Kind#SENDING}); retryable and unconfirmed items stay as they are. Durable as
     * {@link #record} is. The default records {@code SENDING} changes for the items to change.
     *
     * @param identityHashes the items, any number (unknown identities are skipped)
     * @param marked         when they were marked
     * @return how many of the identities are held (whatever their status)
     */
    default long markChanged(long[] identityHashes, Instant marked) {
        List<StateChange> changes = new ArrayList<>();
        long held = 0;
        for (long identity : identityHashes) {
            StoredItem stored = find(identity);
            if (stored == null) {
                continue;
            }
            held++;
            ItemKey key = key(identity);
            if (key != null && (stored.status() == ItemStatus.ACCEPTED || stored.status() == ItemStatus.REJECTED)) {
                changes.add(StateChange.sending(key, identity, stored.contentHash()));
            }
        }
        if (!changes.isEmpty()) {
            record(changes, marked);
        }
        return held;
    }

    /**
     * The checkpoint of this feed's resync that has not finished, or {@code null} when none is kept (no resync
     * ran, the last one finished, or the state was reset).
     */
    ResyncCheckpoint resyncCheckpoint();

    /**
     * Keeps how far the running resync got, or forgets it ({@code null}) once it finished; resets of the data space
     * forget it too. It must survive the process being killed once this returns; a store may lose the latest
     * checkpoint to a power loss as long as it then keeps an earlier one (a resume sends a little more), never one
     * ahead of the outcomes recorded before it.
     *
     * @param checkpoint the checkpoint, or {@code null}
     */
    void resyncCheckpoint(ResyncCheckpoint checkpoint);

    /**
     * Forgets, durably, the accepted deletes older than a time: the items held as {@link ItemStatus#ACCEPTED}
     * with content {@link StateChange#DELETE_CONTENT} whose last attempt was before {@code acceptedBefore}.
     *
     * @param acceptedBefore the oldest accepted delete kept
     * @return how many were forgotten
     */
    long purgeDeletes(Instant acceptedBefore);

    /**
     * How many accepted deletes are kept: items held as {@link ItemStatus#ACCEPTED} with content
     * {@link StateChange#DELETE_CONTENT} (counted by {@link #count} as accepted too).
     */
    long keptDeletes();

    /** Releases the lock. Idempotent. */
    @Override
    void close();
}

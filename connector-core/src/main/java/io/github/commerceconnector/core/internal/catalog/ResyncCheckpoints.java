package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import java.time.Instant;
import java.util.List;
import java.util.PriorityQueue;

/**
 * How far a resync got, kept in the feed state as it goes: the count of leading input positions whose outcome is
 * final (accepted or refused by the gateway, or settled without sending: rejected locally, a duplicate, skipped).
 * Outcomes arrive out of order (several batches in flight); the positions settled beyond the first unsettled one
 * wait in a queue. The checkpoint is saved after each batch's outcome is recorded, so it never covers an item whose
 * outcome is not recorded. An item left retryable is not final: the checkpoint stops before it. Thread-safe.
 *
 * <p>As the {@link ItemPreparer.Skip} of a resumed resync, it leaves out the positions the checkpoint covers and the
 * items the interrupted run had accepted or refused with the same content (recorded since the resync started).
 */
final class ResyncCheckpoints implements ItemPreparer.Skip {
    private final FeedSyncState state;
    private final Instant started;
    private final long resumedFrom;
    private final PriorityQueue<Long> settled = new PriorityQueue<>();
    private long confirmed;
    private long saved = -1;

    /**
     * Tracks a resync.
     *
     * @param from where it starts: a new checkpoint at 0, or the one to resume
     */
    ResyncCheckpoints(FeedSyncState state, ResyncCheckpoint from) {
        this.state = state;
        this.started = from.started();
        this.resumedFrom = from.confirmedItems();
        this.confirmed = from.confirmedItems();
    }

    /** Notes that the outcome of the item at a position is final (negative positions are ignored). */
    synchronized void settled(long position) {
        if (position < confirmed) {
            return;
        }
        settled.add(position);
        while (!settled.isEmpty() && settled.peek() == confirmed) {
            settled.poll();
            confirmed++;
        }
    }

    /** Notes the final outcomes among a batch's recorded changes, then saves the checkpoint. */
    void recorded(List<BatchItem> batch, List<StateChange> changes) {
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).kind() != StateChange.Kind.RETRYABLE) {
                settled(batch.get(i).position());
            }
        }
        save();
    }

    /** Saves the checkpoint if it moved since last saved. */
    synchronized void save() {
        if (confirmed != saved) {
            state.resyncCheckpoint(new ResyncCheckpoint(started, confirmed));
            saved = confirmed;
        }
    }

    /** Forgets the checkpoint: the resync finished. */
    synchronized void finished() {
        state.resyncCheckpoint(null);
    }

    /** How many leading items are confirmed. */
    synchronized long confirmed() {
        return confirmed;
    }

    @Override
    public boolean skip(long position, long identity, long content) {
        if (position < resumedFrom) {
            return true;
        }
        StoredItem stored = state.find(identity);
        if (stored == null || stored.contentHash() != content
                || (stored.status() != ItemStatus.ACCEPTED && stored.status() != ItemStatus.REJECTED)) {
            return false;
        }
        Instant attempted = state.lastAttempt(identity);
        return attempted != null && !attempted.isBefore(started);
    }
}

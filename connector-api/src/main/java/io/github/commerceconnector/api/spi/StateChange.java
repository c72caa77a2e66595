package io.github.commerceconnector.api.spi;

import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import java.util.Objects;

/**
 * One change to record in a {@link FeedSyncState}: an item about to be sent, accepted, rejected or left
 * retryable with some content, or removed (its delete was accepted).
 *
 * @param kind         what happened
 * @param key          the item's identity values
 * @param identityHash the hash of those values
 * @param contentHash  the hash of the content concerned ({@link #DELETE_CONTENT} for a delete)
 * @param reason       why it was rejected; only for {@link Kind#REJECTED}
 * @param payload      the JSON to resend; only for {@link Kind#RETRYABLE}
 */
public record StateChange(Kind kind, ItemKey key, long identityHash, long contentHash, String reason,
        byte[] payload) {

    /**
     * The content hash that stands for "a delete of this item", never produced by content hashing. An accepted
     * delete that the connector keeps for a while ({@code CatalogSyncSettings.deletedRetention}) is recorded as
     * {@link Kind#ACCEPTED} with this content, and forgotten by {@link FeedSyncState#purgeDeletes}.
     */
    public static final long DELETE_CONTENT = 0L;

    /** What happened to the item. */
    public enum Kind {
        /** The gateway accepted the content. */
        ACCEPTED(ItemStatus.ACCEPTED),
        /** The content was refused, with a reason. */
        REJECTED(ItemStatus.REJECTED),
        /** Sending the content failed in a way that may succeed later; the payload is kept. */
        RETRYABLE(ItemStatus.RETRYABLE),
        /**
         * The item is about to be sent (recorded before the request goes out): until its answer is
         * recorded it is {@link ItemStatus#UNCONFIRMED}, so a crash in between leaves the state knowing the
         * gateway may hold it.
         */
        SENDING(ItemStatus.UNCONFIRMED),
        /** The gateway accepted the item's delete and the state forgets it at once (no delete is kept). */
        REMOVED(null);

        private final ItemStatus status;

        Kind(ItemStatus status) {
            this.status = status;
        }

        /** The status the item has afterwards, or {@code null} for {@link #REMOVED}. */
        public ItemStatus status() {
            return status;
        }
    }

    /** Checks that each kind carries what it needs. */
    public StateChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (kind == Kind.REJECTED && reason == null) {
            throw new IllegalArgumentException("A rejected item needs a reason: " + key);
        }
        if (kind == Kind.RETRYABLE && payload == null) {
            throw new IllegalArgumentException("A retryable item needs its payload: " + key);
        }
        reason = kind == Kind.REJECTED ? reason : null;
        payload = kind == Kind.RETRYABLE ? payload : null;
    }

    /** The gateway accepted this content. */
    public static StateChange accepted(ItemKey key, long identityHash, long contentHash) {
        return new StateChange(Kind.ACCEPTED, key, identityHash, contentHash, null, null);
    }

    /** This content was refused. */
    public static StateChange rejected(ItemKey key, long identityHash, long contentHash, String reason) {
        return new StateChange(Kind.REJECTED, key, identityHash, contentHash, reason, null);
    }

    /** Sending this content failed retryably; {@code payload} is what to resend. */
    public static StateChange retryable(ItemKey key, long identityHash, long contentHash, byte[] payload) {
        return new StateChange(Kind.RETRYABLE, key, identityHash, contentHash, null, payload);
    }

    /** A request carrying this content is about to be sent. */
    public static StateChange sending(ItemKey key, long identityHash, long contentHash) {
        return new StateChange(Kind.SENDING, key, identityHash, contentHash, null, null);
    }

    /** The gateway accepted the item's delete. */
    public static StateChange removed(ItemKey key, long identityHash) {
        return new StateChange(Kind.REMOVED, key, identityHash, DELETE_CONTENT, null, null);
    }

    /** Shows kind and key only. */
    @Override
    public String toString() {
        return "StateChange[" + kind + " " + key + "]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

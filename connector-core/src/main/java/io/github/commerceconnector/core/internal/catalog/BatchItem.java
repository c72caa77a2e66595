package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.ItemKey;

/**
 * One item on its way to the gateway.
 *
 * @param key          its identity values
 * @param identityHash their hash
 * @param contentHash  its content hash ({@link io.github.commerceconnector.api.spi.StateChange#DELETE_CONTENT}
 *                     for a delete)
 * @param json         its JSON object, UTF-8
 * @param position     its 0-based position in the call's input, or -1 (deletes of disappeared items, retries)
 * @param delete       whether it is a delete ({@code "deleted": true}): accepted, the state forgets the item
 */
record BatchItem(ItemKey key, long identityHash, long contentHash, byte[] json, long position, boolean delete) {

    /** Shows the key only. */
    @Override
    public String toString() {
        return "BatchItem[" + key + "]";
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

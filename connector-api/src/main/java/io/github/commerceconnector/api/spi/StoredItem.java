package io.github.commerceconnector.api.spi;

import io.github.commerceconnector.api.catalog.ItemStatus;

/**
 * What a {@link FeedSyncState} holds for one item.
 *
 * @param identityHash the hash of its identity values
 * @param contentHash  the hash of the content last accepted, rejected or left retryable
 *                     ({@link StateChange#DELETE_CONTENT} for a delete left retryable)
 * @param status       where it stands
 */
public record StoredItem(long identityHash, long contentHash, ItemStatus status) {
}

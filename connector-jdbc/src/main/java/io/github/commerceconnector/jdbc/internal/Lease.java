package io.github.commerceconnector.jdbc.internal;

import java.time.Instant;

/**
 * A lease held by this worker on the sync state of one feed in one data space.
 *
 * @param dataSpaceId the data space
 * @param feed        the feed's name
 * @param ownerId     this worker's id, as written in the lease row
 * @param token       the fencing token: the lease row carries it as long as this worker holds the lease
 * @param expiresAt   when the lease ended at the last renewal, by the database's clock
 */
record Lease(String dataSpaceId, String feed, String ownerId, long token, Instant expiresAt) {

    /** Names the feed and data space, for messages. */
    String describe() {
        return "the sync state of feed " + feed + " in data space " + dataSpaceId;
    }
}

package io.github.commerceconnector.api.catalog;

import java.time.Instant;
import java.util.List;

/**
 * The sync state of one feed in the selected data space.
 *
 * @param feed          the feed
 * @param dataSpaceId   the data space
 * @param accepted      items the gateway holds
 * @param rejected      items rejected, with reasons kept until their content changes
 * @param retryable     items waiting to be resent ({@code retryFailed} resends them)
 * @param unconfirmed   items sent by a call that stopped before their answer was recorded (the process
 *                      died); the next full sync resends them, or deletes those that left the catalog
 * @param lastSync      when the last full sync ({@code sync} or {@code resync}) finished, or {@code null} if
 *                      never
 * @param rejectedItems the rejected items with their reasons (the first 1,000)
 */
public record FeedStatus(Feed feed, String dataSpaceId, long accepted, long rejected, long retryable,
        long unconfirmed, Instant lastSync, List<RejectedItem> rejectedItems) {

    /** Copies the list. */
    public FeedStatus {
        rejectedItems = List.copyOf(rejectedItems);
    }

    /** Whether every item the state holds is accepted: nothing rejected, retryable or unconfirmed. */
    public boolean isClean() {
        return rejected == 0 && retryable == 0 && unconfirmed == 0;
    }
}

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
 * @param retryable     items waiting to be resent
 * @param lastSync      when the last sync call finished, or {@code null} if never
 * @param rejectedItems the rejected items with their reasons (the first 1,000)
 */
public record FeedStatus(Feed feed, String dataSpaceId, long accepted, long rejected, long retryable,
        Instant lastSync, List<RejectedItem> rejectedItems) {

    /** Copies the list. */
    public FeedStatus {
        rejectedItems = List.copyOf(rejectedItems);
    }
}

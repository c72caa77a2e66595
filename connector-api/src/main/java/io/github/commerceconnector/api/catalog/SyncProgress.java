package io.github.commerceconnector.api.catalog;

import java.time.Duration;

/**
 * Running totals of a catalog call.
 *
 * @param feed      the feed
 * @param processed items read from the input and settled so far (the final report leaves out those a stopped call
 *                  read but never got an answer for, so it may be lower than the last progress)
 * @param unchanged items skipped because the gateway already holds them
 * @param sent      items accepted by the gateway so far
 * @param rejected  items rejected so far (by validation or by the gateway)
 * @param retryable items that failed with a retryable outcome so far
 * @param deleted   deletes accepted so far
 * @param bytesSent bytes of request bodies sent, as on the wire (compressed)
 * @param elapsed   time since the call started
 */
public record SyncProgress(Feed feed, long processed, long unchanged, long sent, long rejected, long retryable,
        long deleted, long bytesSent, Duration elapsed) {
}

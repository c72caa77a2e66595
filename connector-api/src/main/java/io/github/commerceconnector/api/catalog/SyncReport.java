package io.github.commerceconnector.api.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one catalog call did, item by item.
 *
 * @param feed          the feed
 * @param dataSpaceId   the data space written to
 * @param processed     items read from the input and settled (a call that stopped leaves out those it read but
 *                      did not send, or sent without an answer: the next sync sends them)
 * @param unchanged     items skipped because the gateway already holds that content
 * @param sent          items the gateway accepted
 * @param rejected      items rejected, each with its identity and reason (the first 1,000; see
 *                      {@code rejectedCount})
 * @param rejectedCount all items rejected
 * @param retryable     items that failed with a retryable outcome; {@code retryFailed} resends them
 * @param deleted       deletes the gateway accepted
 * @param requests      feed requests sent, retries included
 * @param bytesSent     request body bytes on the wire (compressed)
 * @param duration      wall time of the call
 * @param dryRun        whether nothing was actually sent
 * @param stopReason    why the call ended before it had read and sent all its input (the gateway failed for
 *                      longer than the sync deadline, the keys were refused, ...); empty when it ran to the end
 */
public record SyncReport(Feed feed, String dataSpaceId, long processed, long unchanged, long sent,
        List<RejectedItem> rejected, long rejectedCount, long retryable, long deleted, long requests,
        long bytesSent, Duration duration, boolean dryRun, Optional<String> stopReason) {

    /** Copies the list. */
    public SyncReport {
        rejected = List.copyOf(rejected);
        stopReason = stopReason == null ? Optional.empty() : stopReason;
    }

    /** A report of a call that ran to the end of its input. */
    public SyncReport(Feed feed, String dataSpaceId, long processed, long unchanged, long sent,
            List<RejectedItem> rejected, long rejectedCount, long retryable, long deleted, long requests,
            long bytesSent, Duration duration, boolean dryRun) {
        this(feed, dataSpaceId, processed, unchanged, sent, rejected, rejectedCount, retryable, deleted, requests,
                bytesSent, duration, dryRun, Optional.empty());
    }

    /** The same report, saying why the call stopped early. */
    public SyncReport stoppedBecause(String reason) {
        return new SyncReport(feed, dataSpaceId, processed, unchanged, sent, rejected, rejectedCount, retryable,
                deleted, requests, bytesSent, duration, dryRun, Optional.of(reason));
    }

    /**
     * Whether every item ended accepted or unchanged: nothing rejected, nothing left to retry, and the call ran to
     * the end of its input.
     */
    public boolean isComplete() {
        return rejectedCount == 0 && retryable == 0 && stopReason.isEmpty();
    }
}

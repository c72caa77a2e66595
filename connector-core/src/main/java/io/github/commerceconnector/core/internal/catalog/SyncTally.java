package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The running totals of one catalog call, shared by the reading thread and the senders. Thread-safe. */
final class SyncTally {
    /** How many rejected items a report lists. */
    static final int REJECTED_LISTED = 1000;

    private final Feed feed;
    private final String dataSpaceId;
    private final boolean dryRun;
    private final long startedNanos = System.nanoTime();
    final AtomicLong processed = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong retryable = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong rejectedCount = new AtomicLong();
    private final List<RejectedItem> rejected = new ArrayList<>();

    SyncTally(Feed feed, String dataSpaceId, boolean dryRun) {
        this.feed = feed;
        this.dataSpaceId = dataSpaceId;
        this.dryRun = dryRun;
    }

    /** Counts a rejected item, listing it while the list has room. */
    void reject(RejectedItem item) {
        rejectedCount.incrementAndGet();
        synchronized (rejected) {
            if (rejected.size() < REJECTED_LISTED) {
                rejected.add(item);
            }
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The totals so far. */
    SyncProgress progress() {
        return new SyncProgress(feed, processed.get(), unchanged.get(), sent.get(), rejectedCount.get(),
                retryable.get(), deleted.get(), bytesSent.get(), elapsed());
    }

    /** The final report. */
    SyncReport report() {
        List<RejectedItem> listed;
        synchronized (rejected) {
            listed = new ArrayList<>(rejected);
        }
        return new SyncReport(feed, dataSpaceId, processed.get(), unchanged.get(), sent.get(), listed,
                rejectedCount.get(), retryable.get(), deleted.get(), requests.get(), bytesSent.get(), elapsed(),
                dryRun);
    }
}

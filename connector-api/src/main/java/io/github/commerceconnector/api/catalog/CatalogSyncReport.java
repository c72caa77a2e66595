package io.github.commerceconnector.api.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What a {@link CatalogSyncPlan} did: the report of each feed that ran, in the order they ran, their totals, and,
 * when the run stopped at a failing feed, which feed, why, and the exception if the feed's call threw one.
 *
 * @param feeds      the reports of the feeds that ran, in order; a feed whose call threw has none here, unless its
 *                   exception carried one (a sync deadline exceeded)
 * @param notRun     the feeds of the plan that did not run because an earlier one failed, in plan order
 * @param stoppedAt  the feed that failed and stopped the run; empty when every feed ran and none failed
 * @param stopReason why that feed failed, naming it (the exception's message, items left retryable, items
 *                   rejected, ...); empty when none failed
 * @param failure    the exception the failing feed's call threw; empty when none threw
 */
public record CatalogSyncReport(List<SyncReport> feeds, List<Feed> notRun, Optional<Feed> stoppedAt,
        Optional<String> stopReason, Optional<RuntimeException> failure) {

    /** Copies the lists and checks the fields. */
    public CatalogSyncReport {
        feeds = List.copyOf(feeds);
        notRun = List.copyOf(notRun);
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(failure, "failure");
        if (stoppedAt.isPresent() != stopReason.isPresent()) {
            throw new IllegalArgumentException("A catalog sync report names the feed that stopped it and the reason "
                    + "together, or neither");
        }
    }

    /**
     * Whether every feed of the plan ran and none failed.
     *
     * @return {@code true} when the run went to its end
     */
    public boolean isComplete() {
        return stoppedAt.isEmpty();
    }

    /**
     * The report of one feed, if it ran.
     *
     * @param feed the feed (matched by name)
     * @return its report, or empty
     */
    public Optional<SyncReport> report(Feed feed) {
        return feeds.stream().filter(report -> report.feed().name().equals(feed.name())).findFirst();
    }

    /**
     * Items read from the suppliers, all feeds together.
     *
     * @return the total
     */
    public long processed() {
        return sum(SyncReport::processed);
    }

    /**
     * Items skipped as unchanged, all feeds together.
     *
     * @return the total
     */
    public long unchanged() {
        return sum(SyncReport::unchanged);
    }

    /**
     * Items the gateway accepted, all feeds together.
     *
     * @return the total
     */
    public long sent() {
        return sum(SyncReport::sent);
    }

    /**
     * Items rejected, all feeds together.
     *
     * @return the total
     */
    public long rejectedCount() {
        return sum(SyncReport::rejectedCount);
    }

    /**
     * Items left retryable, all feeds together.
     *
     * @return the total
     */
    public long retryable() {
        return sum(SyncReport::retryable);
    }

    /**
     * Deletes the gateway accepted, all feeds together.
     *
     * @return the total
     */
    public long deleted() {
        return sum(SyncReport::deleted);
    }

    /**
     * Feed requests sent, retries included, all feeds together.
     *
     * @return the total
     */
    public long requests() {
        return sum(SyncReport::requests);
    }

    /**
     * Request body bytes on the wire, all feeds together.
     *
     * @return the total
     */
    public long bytesSent() {
        return sum(SyncReport::bytesSent);
    }

    /**
     * The wall time of the feeds' calls, added up.
     *
     * @return the total
     */
    public Duration duration() {
        return feeds.stream().map(SyncReport::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private long sum(ToLongFunction<SyncReport> count) {
        return feeds.stream().mapToLong(count).sum();
    }
}

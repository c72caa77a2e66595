package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncWait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How long one catalog call keeps trying while the gateway fails it: the failures count as continuous from the
 * first failed delivery after the last success (of any of the call's senders) and end at the next success. Tells
 * the listener once when a wait starts (or its reason changes) and once when the call resumes. Thread-safe.
 */
final class SyncPatience {
    private final Feed feed;
    private final Duration deadline;
    private final Clock clock;
    private final Consumer<SyncWait> waiting;
    private final BiConsumer<Feed, Duration> resumed;
    private Instant failingSince;
    private Instant waitingSince;
    private SyncWait.Reason reported;

    /**
     * The patience of a call.
     *
     * @param deadline how long continuous failure may last before the call ends
     * @param waiting  told when a wait starts or its reason changes
     * @param resumed  told when a request succeeds after a reported wait, with how long the call waited
     */
    SyncPatience(Feed feed, Duration deadline, Clock clock, Consumer<SyncWait> waiting,
            BiConsumer<Feed, Duration> resumed) {
        this.feed = feed;
        this.deadline = deadline;
        this.clock = clock;
        this.waiting = waiting;
        this.resumed = resumed;
    }

    /** The gateway settled a request (accepted or refused its items): the failures, if any, are over. */
    void succeeded() {
        Duration waited;
        synchronized (this) {
            failingSince = null;
            if (waitingSince == null) {
                return;
            }
            waited = Duration.between(waitingSince, clock.instant());
            waitingSince = null;
            reported = null;
        }
        resumed.accept(feed, waited);
    }

    /**
     * A delivery failed with a retryable outcome.
     *
     * @return how long the gateway has failed the call without a success, this failure included
     */
    synchronized Duration failed() {
        Instant now = clock.instant();
        if (failingSince == null) {
            failingSince = now;
        }
        return Duration.between(failingSince, now);
    }

    /** How long the gateway has failed the call without a success; zero while it has not. */
    synchronized Duration failingFor() {
        return failingSince == null ? Duration.ZERO : Duration.between(failingSince, clock.instant());
    }

    /** Whether failures that lasted this long end the call. */
    boolean exhausted(Duration failingFor) {
        return failingFor.compareTo(deadline) >= 0;
    }

    /** How much longer the call keeps trying after failures that lasted this long. */
    Duration left(Duration failingFor) {
        Duration left = deadline.minus(failingFor);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The sync deadline. */
    Duration deadline() {
        return deadline;
    }

    /** A sender waits for a reason: reported when no wait was, or one for another reason was. */
    void waiting(SyncWait.Reason reason, Duration expected, Duration failingFor) {
        synchronized (this) {
            if (reason == reported) {
                return;
            }
            if (waitingSince == null) {
                waitingSince = clock.instant();
            }
            reported = reason;
        }
        waiting.accept(new SyncWait(feed, reason, expected, failingFor, left(failingFor)));
    }
}

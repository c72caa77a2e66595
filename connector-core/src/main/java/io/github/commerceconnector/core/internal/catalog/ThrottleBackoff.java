package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.internal.http.Backoff;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The least a batch answered {@code 429} waits before it is delivered again, by how many bursts of {@code 429}s its
 * data space got in a row: exponential, from up to 500 ms doubling up to 30 s (the bounds of
 * {@link RetrySettings#defaults()}), drawn at random in the upper half of that bound so that a throttled data space
 * is never asked again at once and senders throttled together do not come back together. The caller waits this only
 * when the gateway asked for no wait; a {@code Retry-After} window it asked for is honoured as it is. On a shared
 * runtime each delivery is a single request, so this stands in for the transport's retries, which back off between
 * the attempts of a delivery without a runtime ({@link #NONE} there).
 * Without it a {@code 429} with no {@code Retry-After}, {@code Retry-After: 0} or a date already past was sent again
 * at once, hundreds of times a second when the client-side rate limit is off. Immutable.
 */
final class ThrottleBackoff {
    /** No wait of its own: the sender's transport retries already back off. */
    static final ThrottleBackoff NONE = new ThrottleBackoff(null);
    /** The backoff of a sender whose every delivery is one request (a shared runtime's). */
    static final ThrottleBackoff REDELIVERY = new ThrottleBackoff(new Backoff(RetrySettings.defaults()));

    private final Backoff backoff;

    private ThrottleBackoff(Backoff backoff) {
        this.backoff = backoff;
    }

    /**
     * The wait after the data space's latest {@code 429}.
     *
     * @param throttledInARow the bursts of {@code 429}s its data space got since its last accepted request, 1 or more
     * @return zero for {@link #NONE}; otherwise between half and all of the exponential bound
     */
    Duration after(int throttledInARow) {
        if (backoff == null) {
            return Duration.ZERO;
        }
        long bound = backoff.ceilingMillis(Math.max(1, throttledInARow));
        long half = bound / 2;
        return Duration.ofMillis(bound - ThreadLocalRandom.current().nextLong(half + 1));
    }
}

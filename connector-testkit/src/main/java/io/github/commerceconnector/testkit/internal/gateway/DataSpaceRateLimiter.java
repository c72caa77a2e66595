package io.github.commerceconnector.testkit.internal.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's guardrail (PROTOCOL.md §5): about {@code rate} feed requests per second per data
 * space, as a token bucket holding at most {@code max(1, rate)} tokens, timed by the account clock.
 * Thread-safe.
 */
final class DataSpaceRateLimiter {
    private final double rate;
    private final double capacity;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /** A limiter of {@code rate} requests per second per data space; {@code 0} allows everything. */
    DataSpaceRateLimiter(double rate, Clock clock) {
        this.rate = rate;
        this.capacity = Math.max(1.0, rate);
        this.clock = clock;
    }

    /** Takes a token for the data space: {@link Duration#ZERO} when allowed, else how long until one is free. */
    synchronized Duration acquire(String dataSpaceId) {
        if (rate <= 0) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(dataSpaceId, id -> new Bucket(capacity, now));
        double elapsed = Math.max(0, Duration.between(bucket.updated, now).toNanos() / 1e9);
        bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * rate);
        bucket.updated = now;
        if (bucket.tokens >= 1.0) {
            bucket.tokens -= 1.0;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1.0 - bucket.tokens) / rate * 1e9));
    }

    /** Forgets every bucket. */
    synchronized void reset() {
        buckets.clear();
    }

    private static final class Bucket {
        private double tokens;
        private Instant updated;

        private Bucket(double tokens, Instant updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}

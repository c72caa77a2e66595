package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.spi.Sleeper;
import java.time.Clock;
import java.time.Duration;

/**
 * The client-side request rate limit of one data space, shared by every feed syncing into it. Requests get
 * evenly spaced start slots at the current rate. The rate adapts (additive increase, multiplicative
 * decrease): a {@code 429} halves it (at most once per current interval, so a burst of refusals counts once)
 * and pauses every sender for the gateway's {@code Retry-After}; each accepted request raises it by a tenth of
 * the configured rate, back up to that rate. Written by hand because resilience4j's limiter has a fixed rate.
 * Thread-safe; waits through the injected {@link Sleeper} and reads the injected {@link Clock}.
 */
public final class AdaptiveRateLimiter {
    private static final double MIN_RATE = 0.05;

    private final double maxRate;
    private final boolean adaptive;
    private final Clock clock;
    private final Sleeper sleeper;
    private double rate;
    private long nextSlotMillis;
    private long pausedUntilMillis;
    private long lastDecreaseMillis = Long.MIN_VALUE;
    private long throttled;

    /**
     * A limiter.
     *
     * @param requestsPerSecond the rate to hold (and climb back to); 0 switches limiting off
     * @param adaptive          whether to back off on {@code 429} and climb back on success
     */
    public AdaptiveRateLimiter(double requestsPerSecond, boolean adaptive, Clock clock, Sleeper sleeper) {
        this.maxRate = requestsPerSecond;
        this.adaptive = adaptive;
        this.clock = clock;
        this.sleeper = sleeper;
        this.rate = requestsPerSecond;
    }

    /** Whether limiting is on. */
    public boolean enabled() {
        return maxRate > 0;
    }

    /**
     * Waits for the next start slot.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public void acquire() throws InterruptedException {
        if (!enabled()) {
            return;
        }
        long waitMillis;
        synchronized (this) {
            long now = clock.millis();
            long slot = Math.max(now, Math.max(nextSlotMillis, pausedUntilMillis));
            nextSlotMillis = slot + intervalMillis();
            waitMillis = slot - now;
        }
        if (waitMillis > 0) {
            sleeper.sleep(Duration.ofMillis(waitMillis));
        }
    }

    private long intervalMillis() {
        return Math.max(1, Math.round(1000.0 / rate));
    }

    /**
     * The gateway refused a request with {@code 429}.
     *
     * @param retryAfterMillis the {@code Retry-After} it sent, or a negative value for none
     */
    public synchronized void throttled(long retryAfterMillis) {
        throttled++;
        if (!enabled()) {
            return;
        }
        long now = clock.millis();
        if (adaptive && now >= lastDecreaseMillis + intervalMillis()) {
            rate = Math.max(Math.min(MIN_RATE, maxRate), rate / 2);
            lastDecreaseMillis = now;
        }
        long pause = retryAfterMillis >= 0 ? retryAfterMillis : intervalMillis();
        pausedUntilMillis = Math.max(pausedUntilMillis, now + pause);
    }

    /** The gateway accepted a request. */
    public synchronized void accepted() {
        if (adaptive && enabled()) {
            rate = Math.min(maxRate, rate + maxRate / 10);
        }
    }

    /** The current rate, in requests per second (0 when limiting is off). */
    public synchronized double rate() {
        return enabled() ? rate : 0;
    }

    /** How many {@code 429}s were reported. */
    public synchronized long throttledCount() {
        return throttled;
    }
}

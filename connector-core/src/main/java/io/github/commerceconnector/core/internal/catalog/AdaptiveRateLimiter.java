package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.core.internal.http.RequestGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side request rate limit of one data space, shared by every feed syncing into it. Requests get
 * evenly spaced start slots at the current rate, spaced to the nanosecond so that no rate runs faster than set
 * (each start is rounded up to the clock's millisecond). The rate adapts: a {@code 429} halves it (at most once per
 * current interval, so a burst of refusals counts once), remembers the rate that was refused as a ceiling,
 * and pauses every sender for the gateway's {@code Retry-After}. Each accepted request raises the rate
 * quickly back to 80% of that ceiling, then only by 1% a request, probing above it slowly, up to the
 * configured rate: so a sync settles just under what the gateway allows instead of refusing and recovering in
 * a storm. It also counts the {@code 429}s in a row, which a sender on a shared runtime backs off by (see
 * {@link ThrottleBackoff}). Every request to the data space passes through {@link #enter}, the transport's
 * retries included, so no request leaves inside a {@code Retry-After} window, whichever feed or sender it comes
 * from. Written by hand because resilience4j's limiter has a fixed rate. Thread-safe; waits through the
 * injected {@link Sleeper} and reads the injected {@link Clock}.
 */
public final class AdaptiveRateLimiter implements RequestGate {
    /** {@code 429}s this close to the one that counted last are one burst: they count once in a row. */
    static final long BURST_MILLIS = 250;
    /** A streak of {@code 429}s this long past is over: the next one counts from one again. */
    static final long STREAK_FORGOTTEN_MILLIS = 60_000;
    private static final double MIN_RATE = 0.05;
    private static final double SAFE_SHARE = 0.8;
    private static final double PROBE_STEP = 0.01;
    private static final long NANOS_PER_MILLI = 1_000_000;
    private static final double NANOS_PER_SECOND = 1e9;

    private final double maxRate;
    private final boolean adaptive;
    private final Clock clock;
    private final Sleeper sleeper;
    private double rate;
    private double ceiling;
    /** The next free start slot, in nanoseconds since the epoch: exact, so that no rounding speeds the pace up. */
    private long nextSlotNanos;
    private long pausedUntilMillis;
    private long lastDecreaseMillis = Long.MIN_VALUE;
    private long throttled;
    private int throttledInARow;
    /** When the latest {@code 429} came, and when the latest one that counted towards {@link #throttledInARow}. */
    private long lastThrottledMillis;
    private long lastCountedMillis;

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
        this.ceiling = requestsPerSecond;
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
        enter(Instant.EPOCH);
    }

    /**
     * Waits for the next start slot at or after {@code notBefore}, and past every {@code Retry-After} window.
     * A {@code 429} reported while the thread waits for its slot moves the slot past the new window: the wait is
     * checked again after every sleep. {@code Retry-After} windows hold requests back even when limiting is off.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    @Override
    public void enter(Instant notBefore) throws InterruptedException {
        Slot slot = new Slot(notBefore);
        long waitMillis;
        while ((waitMillis = millisUntil(slot)) > 0) {
            sleeper.sleep(Duration.ofMillis(waitMillis));
        }
    }

    /**
     * How long a request holding this place in the queue still waits, taking its start slot at the first ask and
     * moving it past a {@code Retry-After} window reported since; zero or less once it may leave. Never blocks: a
     * sender that must not hold a thread while it waits asks again after the time returned (see {@link #enter},
     * which is this in a loop with the sleeper).
     *
     * @param slot the request's place, from {@link Slot#Slot(Instant)}
     * @return milliseconds still to wait; zero or less to leave now
     */
    public long millisUntil(Slot slot) {
        synchronized (this) {
            long now = clock.millis();
            if (slot.startMillis == Long.MIN_VALUE || slot.startMillis < pausedUntilMillis) {
                long start = Math.max(now, Math.max(slot.earliestMillis, pausedUntilMillis));
                if (enabled()) {
                    // The clock reads whole milliseconds: a free slot within the one it reads is kept, not moved on,
                    // so that the pace holds above 1,000 requests a second; the start still rounds up to that
                    // millisecond. An older free slot restarts the pace at the millisecond read.
                    long earliestNanos = start * NANOS_PER_MILLI;
                    long startNanos = nextSlotNanos > earliestNanos - NANOS_PER_MILLI ? nextSlotNanos : earliestNanos;
                    nextSlotNanos = startNanos + intervalNanos();
                    start = Math.floorDiv(startNanos + NANOS_PER_MILLI - 1, NANOS_PER_MILLI);
                }
                slot.startMillis = start;
            }
            return slot.startMillis - now;
        }
    }

    /** One request's place in a limiter's queue: its start slot, taken at the first {@link #millisUntil}. */
    public static final class Slot {
        private final long earliestMillis;
        private long startMillis = Long.MIN_VALUE;

        /**
         * A place not yet taken.
         *
         * @param notBefore the earliest start (the end of a backoff), or {@link Instant#EPOCH} for none
         */
        public Slot(Instant notBefore) {
            this.earliestMillis = notBefore.toEpochMilli();
        }
    }

    /** How long the current {@code Retry-After} window still runs; zero when none does. */
    public synchronized Duration pausedFor() {
        return Duration.ofMillis(Math.max(0, pausedUntilMillis - clock.millis()));
    }

    /**
     * The spacing of start slots at the current rate, rounded up so that the slots never come faster than the rate
     * (a start is then rounded up to the clock's next millisecond, which only delays it).
     */
    private long intervalNanos() {
        return Math.max(1, (long) Math.ceil(NANOS_PER_SECOND / rate));
    }

    private long intervalMillis() {
        return Math.floorDiv(intervalNanos() + NANOS_PER_MILLI - 1, NANOS_PER_MILLI);
    }

    /**
     * The gateway refused a request with {@code 429}.
     *
     * @param retryAfterMillis the {@code Retry-After} it sent, or a negative value for none
     */
    public synchronized void throttled(long retryAfterMillis) {
        throttled++;
        long now = clock.millis();
        countInARow(now);
        if (!enabled()) {
            pausedUntilMillis = Math.max(pausedUntilMillis, now + Math.max(0, retryAfterMillis));
            return;
        }
        if (adaptive && now >= lastDecreaseMillis + intervalMillis()) {
            ceiling = rate;
            rate = Math.max(Math.min(MIN_RATE, maxRate), rate / 2);
            lastDecreaseMillis = now;
        }
        long pause = retryAfterMillis >= 0 ? retryAfterMillis : intervalMillis();
        pausedUntilMillis = Math.max(pausedUntilMillis, now + pause);
    }

    /**
     * Counts a {@code 429} towards those in a row: once per burst (those within {@link #BURST_MILLIS} of the one that
     * counted last, as senders in flight together are refused together), and from one again after a quiet spell of
     * {@link #STREAK_FORGOTTEN_MILLIS}, so that a streak does not carry over into a sync that starts much later.
     */
    private void countInARow(long now) {
        if (throttledInARow == 0 || now - lastThrottledMillis > STREAK_FORGOTTEN_MILLIS) {
            throttledInARow = 1;
            lastCountedMillis = now;
        } else if (now - lastCountedMillis >= BURST_MILLIS && throttledInARow < Integer.MAX_VALUE) {
            throttledInARow++;
            lastCountedMillis = now;
        }
        lastThrottledMillis = now;
    }

    /** The gateway accepted a request. */
    public synchronized void accepted() {
        throttledInARow = 0;
        if (!adaptive || !enabled()) {
            return;
        }
        double safe = ceiling * SAFE_SHARE;
        if (rate < safe) {
            rate = Math.min(safe, rate + maxRate / 10);
        } else {
            rate = Math.min(maxRate, rate * (1 + PROBE_STEP));
            ceiling = Math.max(ceiling, rate);
        }
    }

    /** The current rate, in requests per second (0 when limiting is off). */
    public synchronized double rate() {
        return enabled() ? rate : 0;
    }

    /**
     * How many bursts of {@code 429}s were reported since the last accepted request (or since the start, or since a
     * quiet minute), a burst being those within {@link #BURST_MILLIS} of each other.
     */
    public synchronized int throttledInARow() {
        return throttledInARow;
    }

    /** How many {@code 429}s were reported. */
    public synchronized long throttledCount() {
        return throttled;
    }
}

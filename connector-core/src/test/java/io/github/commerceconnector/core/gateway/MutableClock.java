package io.github.commerceconnector.core.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test (or a {@link RecordingSleeper}) moves it. Thread-safe. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /** A clock at the given instant. */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock at 2026-01-15T10:00:00Z. */
    public static MutableClock standing() {
        return new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    }

    /** Moves the clock forward. */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("MutableClock is UTC only");
    }
}

package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.spi.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Time for tests that must not sleep but must still see real time pass: the clock starts now and runs with the real
 * elapsed time
 * plus every wait the {@link #sleeper()} was asked for, which returns at once. So a backoff of 30 s costs nothing,
 * while a reply that really takes 3 s moves the clock by 3 s, and the connector's whole-call deadline binds as it
 * would in production. Thread-safe.
 */
final class VirtualTime {
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final List<Duration> waits = new ArrayList<>();
    private long waitedNanos;

    /** The clock: start + real elapsed time + waits. */
    Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return start.plusNanos(System.nanoTime() - startNanos + waited());
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    /** A sleeper that records the wait, moves the clock by it and returns at once. */
    Sleeper sleeper() {
        return duration -> {
            synchronized (this) {
                waits.add(duration);
                waitedNanos += duration.toNanos();
            }
        };
    }

    /** The waits asked for so far, in order. */
    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }

    private synchronized long waited() {
        return waitedNanos;
    }
}

package io.github.commerceconnector.api.spi;

import java.time.Duration;

/**
 * Waits between retries and under rate limits. Tests inject one that records the waits and returns at
 * once, together with a controllable {@link java.time.Clock}, so that no test sleeps for real.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real one: {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /**
     * Waits for the duration.
     *
     * @throws InterruptedException if the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}

package io.github.commerceconnector.jdbc.internal;

import java.time.Duration;

/** Durations as PostgreSQL settings and intervals take them, e.g. {@code 30000ms}. */
final class Intervals {

    private Intervals() {
    }

    /** {@code <millis>ms}: a value for {@code set_config} of a time setting. */
    static String setting(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /** {@code <millis> milliseconds}: a value for {@code ?::interval}. */
    static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }
}

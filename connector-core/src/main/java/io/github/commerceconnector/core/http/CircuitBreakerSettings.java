package io.github.commerceconnector.core.http;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.time.Duration;

/**
 * The circuit breaker kept for each gateway endpoint (a service route such as {@code merchant-registry/v1} or
 * {@code feeds/catalog/v2}). Only transport failures and {@code 5xx} replies count as failures; a {@code 4xx}
 * shows the endpoint is alive. When at least {@code minimumCalls} of the last {@code windowSize} attempts were
 * made and {@code failureRatePercent} of them failed, the breaker opens: calls then fail at once, without a
 * request, for {@code openDuration}; afterwards {@code halfOpenCalls} trial calls decide whether it closes.
 *
 * @param failureRatePercent the failure rate that opens the breaker, 1 to 100. Default 50
 * @param windowSize         how many recent attempts are counted. Default 20
 * @param minimumCalls       attempts needed before the rate is judged, 1 to {@code windowSize}. Default 10
 * @param openDuration       how long an open breaker refuses calls. Default 30 s
 * @param halfOpenCalls      trial calls after {@code openDuration}. Default 3
 */
public record CircuitBreakerSettings(float failureRatePercent, int windowSize, int minimumCalls, Duration openDuration,
        int halfOpenCalls) {

    /**
     * Validates the settings.
     *
     * @throws ConfigurationException naming the setting that is out of range
     */
    public CircuitBreakerSettings {
        if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
            throw new ConfigurationException("failureRatePercent is " + failureRatePercent + ": give 1 to 100.");
        }
        if (windowSize < 1) {
            throw new ConfigurationException("windowSize is " + windowSize + ": give at least 1.");
        }
        if (minimumCalls < 1 || minimumCalls > windowSize) {
            throw new ConfigurationException("minimumCalls is " + minimumCalls + ": give 1 to windowSize ("
                    + windowSize + ").");
        }
        if (openDuration == null || openDuration.isNegative() || openDuration.isZero()) {
            throw new ConfigurationException("openDuration is " + openDuration + ": give a positive duration.");
        }
        if (halfOpenCalls < 1) {
            throw new ConfigurationException("halfOpenCalls is " + halfOpenCalls + ": give at least 1.");
        }
    }

    /** The defaults: opens at 50 % failures of the last 20 attempts (10 at least), for 30 s, then 3 trials. */
    public static CircuitBreakerSettings defaults() {
        return new CircuitBreakerSettings(50f, 20, 10, Duration.ofSeconds(30), 3);
    }

    /** A copy with another window: the breaker judges the last {@code size} attempts once it has {@code minimum}. */
    public CircuitBreakerSettings withWindow(int size, int minimum) {
        return new CircuitBreakerSettings(failureRatePercent, size, minimum, openDuration, halfOpenCalls);
    }

    /** A copy with another open duration. */
    public CircuitBreakerSettings withOpenDuration(Duration value) {
        return new CircuitBreakerSettings(failureRatePercent, windowSize, minimumCalls, value, halfOpenCalls);
    }

    /** A copy with another failure-rate threshold. */
    public CircuitBreakerSettings withFailureRatePercent(float value) {
        return new CircuitBreakerSettings(value, windowSize, minimumCalls, openDuration, halfOpenCalls);
    }

    /** A copy with another number of trial calls after the open period. */
    public CircuitBreakerSettings withHalfOpenCalls(int value) {
        return new CircuitBreakerSettings(failureRatePercent, windowSize, minimumCalls, openDuration, value);
    }
}

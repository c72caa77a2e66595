package io.github.commerceconnector.core.http;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.time.Duration;

/**
 * How failed gateway calls are retried: exponential backoff with full jitter (each wait is drawn at random
 * between zero and {@code min(maxBackoff, initialBackoff * 2^(retry - 1))}) after I/O errors, {@code 408},
 * {@code 429} and {@code 5xx}; a {@code Retry-After} from the gateway (seconds or an HTTP date) replaces
 * the drawn wait, capped at {@code maxRetryAfter}. Calls that are not safe to repeat (creating a project)
 * are only retried when the request certainly did not take effect.
 *
 * @param maxAttempts    attempts in all, the first included; 1 disables retries. Default {@value #DEFAULT_MAX_ATTEMPTS}
 * @param initialBackoff the upper bound of the first wait. Default 500 ms
 * @param maxBackoff     the largest upper bound of a drawn wait. Default 30 s
 * @param maxRetryAfter  the longest {@code Retry-After} honoured; longer requests are shortened to it.
 *                       Default 60 s
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Default number of attempts (the first and three retries). */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    /**
     * Validates the settings.
     *
     * @throws ConfigurationException naming the setting that is out of range
     */
    public RetrySettings {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new ConfigurationException("maxAttempts is " + maxAttempts
                    + ": give 1 (no retries) to 20 attempts in all.");
        }
        requireNotNegative(initialBackoff, "initialBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ConfigurationException("maxBackoff (" + maxBackoff + ") is shorter than initialBackoff ("
                    + initialBackoff + "): the cap must be at least the first wait.");
        }
    }

    /** The defaults: 4 attempts, backoff from 500 ms up to 30 s, {@code Retry-After} honoured up to 60 s. */
    public static RetrySettings defaults() {
        return new RetrySettings(DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    /** No retries at all: every call is made once. */
    public static RetrySettings none() {
        return defaults().withMaxAttempts(1);
    }

    /** A copy with another number of attempts. */
    public RetrySettings withMaxAttempts(int value) {
        return new RetrySettings(value, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /** A copy with other backoff bounds. */
    public RetrySettings withBackoff(Duration initial, Duration max) {
        return new RetrySettings(maxAttempts, initial, max, maxRetryAfter);
    }

    /** A copy with another cap on {@code Retry-After}. */
    public RetrySettings withMaxRetryAfter(Duration value) {
        return new RetrySettings(maxAttempts, initialBackoff, maxBackoff, value);
    }

    private static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new ConfigurationException(name + " is " + (value == null ? "missing" : value)
                    + ": give zero or a positive duration.");
        }
    }
}

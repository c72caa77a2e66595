package io.github.commerceconnector.core.internal.http;

import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.core.http.RetrySettings;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before a retry: the gateway's {@code Retry-After} when it sent one (capped), otherwise
 * exponential backoff with full jitter, a wait drawn at random between zero and
 * {@code min(maxBackoff, initialBackoff * 2^(retry - 1))}, so that clients that failed together do not
 * retry together.
 */
public final class Backoff {
    private final RetrySettings settings;

    /** Creates the backoff for the settings. */
    public Backoff(RetrySettings settings) {
        this.settings = settings;
    }

    /**
     * The wait after a failed attempt.
     *
     * @param failedAttempts attempts made so far, 1 after the first failure
     * @param failure        what the last attempt ended with
     */
    public Duration waitAfter(int failedAttempts, Throwable failure) {
        if (failure instanceof ConnectorServiceException service && service.retryAfter().isPresent()) {
            Duration asked = service.retryAfter().get();
            return asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
        }
        return jittered(failedAttempts);
    }

    /** A full-jitter exponential wait for the given number of failed attempts. */
    public Duration jittered(int failedAttempts) {
        long ceiling = ceilingMillis(failedAttempts);
        return Duration.ofMillis(ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** The upper bound of the jittered wait after the given number of failed attempts. */
    public long ceilingMillis(int failedAttempts) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        long ceiling = initial << doublings;
        return ceiling < 0 || ceiling > max ? max : ceiling;
    }
}

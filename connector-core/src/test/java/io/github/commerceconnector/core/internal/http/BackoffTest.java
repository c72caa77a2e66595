package io.github.commerceconnector.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.exception.ThrottledException;
import io.github.commerceconnector.core.http.RetrySettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter, and {@code Retry-After} taking its place. */
class BackoffTest {
    private final Backoff backoff = new Backoff(RetrySettings.defaults().withBackoff(Duration.ofMillis(100),
            Duration.ofMillis(1000)).withMaxRetryAfter(Duration.ofSeconds(30)));

    @Test
    void theCeilingDoublesUpToTheCap() {
        assertEquals(100, backoff.ceilingMillis(1));
        assertEquals(200, backoff.ceilingMillis(2));
        assertEquals(800, backoff.ceilingMillis(4));
        assertEquals(1000, backoff.ceilingMillis(5));
        assertEquals(1000, backoff.ceilingMillis(64));
    }

    @Test
    void waitsAreSpreadBetweenZeroAndTheCeiling() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            long wait = backoff.jittered(5).toMillis();
            assertTrue(wait >= 0 && wait <= 1000, "wait " + wait);
            seen.add(wait);
        }
        assertTrue(seen.size() > 100, "full jitter spreads the waits, even at the cap: " + seen.size());
    }

    @Test
    void retryAfterReplacesTheDrawnWaitUpToItsCap() {
        assertEquals(Duration.ofSeconds(12), backoff.waitAfter(1, throttled(Duration.ofSeconds(12))));
        assertEquals(Duration.ofSeconds(30), backoff.waitAfter(1, throttled(Duration.ofMinutes(10))));
    }

    @Test
    void withoutRetryAfterTheWaitIsDrawn() {
        Duration wait = backoff.waitAfter(2, throttled(null));
        assertTrue(wait.toMillis() <= 200, wait.toString());
    }

    private static ThrottledException throttled(Duration retryAfter) {
        return new ThrottledException("slow down", 429, null, null, retryAfter);
    }
}

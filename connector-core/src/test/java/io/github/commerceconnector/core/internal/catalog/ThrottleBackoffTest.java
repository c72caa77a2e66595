package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleBackoffTest {

    private static void assertWithin(long least, long most, int throttledInARow) {
        for (int draw = 0; draw < 200; draw++) {
            long wait = ThrottleBackoff.REDELIVERY.after(throttledInARow).toMillis();
            assertTrue(wait >= least && wait <= most, "after " + throttledInARow + " 429s in a row: " + wait + " ms");
        }
    }

    @Test
    void growsWithThe429sInARowFromTheUpperHalfOfTheBoundUpTo30Seconds() {
        assertWithin(250, 500, 1);
        assertWithin(500, 1000, 2);
        assertWithin(1000, 2000, 3);
        assertWithin(15_000, 30_000, 8);
        assertWithin(15_000, 30_000, Integer.MAX_VALUE);
    }

    @Test
    void theSenderWithTransportRetriesAddsNoWaitOfItsOwn() {
        assertEquals(Duration.ZERO, ThrottleBackoff.NONE.after(5));
    }

    @Test
    void theLimiterCountsBurstsOf429sInARowUntilARequestIsAcceptedOrAQuietMinute() {
        MutableClock clock = MutableClock.standing();
        for (double rate : new double[] {0, 2}) {
            AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(rate, true, clock, new RecordingSleeper(clock));
            limiter.throttled(-1);
            limiter.throttled(0);
            clock.advance(Duration.ofMillis(AdaptiveRateLimiter.BURST_MILLIS - 1));
            limiter.throttled(1000);
            assertEquals(1, limiter.throttledInARow(), "429s of senders refused together count once; rate " + rate);
            clock.advance(Duration.ofMillis(1));
            limiter.throttled(-1);
            clock.advance(Duration.ofSeconds(5));
            limiter.throttled(-1);
            assertEquals(3, limiter.throttledInARow(), "rate " + rate);
            limiter.accepted();
            assertEquals(0, limiter.throttledInARow(), "rate " + rate);
            limiter.throttled(-1);
            clock.advance(Duration.ofSeconds(1));
            limiter.throttled(-1);
            assertEquals(2, limiter.throttledInARow(), "rate " + rate);
            clock.advance(Duration.ofMillis(AdaptiveRateLimiter.STREAK_FORGOTTEN_MILLIS + 1));
            limiter.throttled(-1);
            assertEquals(1, limiter.throttledInARow(), "a streak a quiet minute old is over; rate " + rate);
        }
    }
}

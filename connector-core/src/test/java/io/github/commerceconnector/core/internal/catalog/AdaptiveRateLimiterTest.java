package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdaptiveRateLimiterTest {
    private final MutableClock clock = MutableClock.standing();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private List<Duration> acquire(AdaptiveRateLimiter limiter, int times) throws InterruptedException {
        int before = sleeper.waits().size();
        for (int i = 0; i < times; i++) {
            limiter.acquire();
        }
        return sleeper.waits().subList(before, sleeper.waits().size());
    }

    @Test
    void spacesRequestsEvenlyAtTheRate() throws InterruptedException {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(2, true, clock, sleeper);
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500)),
                acquire(limiter, 4));
    }

    @ParameterizedTest(name = "{0} requests/s")
    @ValueSource(doubles = {2, 3, 7, 300, 400, 700, 999, 3000, 10_000})
    void neverStartsRequestsFasterThanTheConfiguredRateNorMuchSlower(double rate) throws InterruptedException {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(rate, false, clock, sleeper);
        int requests = 10_000;
        limiter.acquire();
        Instant first = clock.instant();
        acquire(limiter, requests);
        double seconds = Duration.between(first, clock.instant()).toNanos() / 1e9;
        double achieved = requests / seconds;
        assertTrue(achieved <= rate, "configured " + rate + "/s, achieved " + achieved + "/s");
        assertTrue(achieved >= rate * 0.99, "configured " + rate + "/s, achieved " + achieved + "/s");
    }

    @Test
    void aThrottleHalvesTheRateOnceAndPausesForRetryAfter() throws InterruptedException {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(4, true, clock, sleeper);
        limiter.acquire();
        limiter.throttled(3000);
        limiter.throttled(3000);
        assertEquals(2.0, limiter.rate(), 1e-9, "a burst of 429s counts once");
        assertEquals(List.of(Duration.ofMillis(3000)), acquire(limiter, 1));
        assertEquals(List.of(Duration.ofMillis(500)), acquire(limiter, 1));
        assertEquals(2, limiter.throttledCount());
    }

    @Test
    void climbsQuicklyBelowTheRefusedRateThenProbesSlowly() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, true, clock, sleeper);
        limiter.throttled(-1);
        assertEquals(5.0, limiter.rate(), 1e-9);
        limiter.accepted();
        limiter.accepted();
        limiter.accepted();
        assertEquals(8.0, limiter.rate(), 1e-9, "back to 80% of the refused 10/s in big steps");
        limiter.accepted();
        assertEquals(8.08, limiter.rate(), 1e-9, "then 1% a request");
        for (int i = 0; i < 100; i++) {
            limiter.accepted();
        }
        assertEquals(10.0, limiter.rate(), 1e-9, "never above the configured rate");
    }

    @Test
    void aFixedRateHonoursRetryAfterWithoutSlowingDown() throws InterruptedException {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(2, false, clock, sleeper);
        limiter.throttled(1000);
        assertEquals(2.0, limiter.rate(), 1e-9);
        assertEquals(List.of(Duration.ofMillis(1000), Duration.ofMillis(500)), acquire(limiter, 2));
    }

    @Test
    void switchedOffItOnlyHoldsRequestsBackForRetryAfter() throws InterruptedException {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0, true, clock, sleeper);
        assertTrue(acquire(limiter, 100).isEmpty());
        limiter.throttled(5000);
        assertEquals(List.of(Duration.ofMillis(5000)), acquire(limiter, 100));
        assertEquals(0, limiter.rate(), 1e-9);
    }
}

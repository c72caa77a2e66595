package io.github.commerceconnector.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTest {
    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void aFixedClockStandsStillUntilMoved() {
        TestClock clock = TestClock.fixed(START);

        assertEquals(START, clock.instant());
        clock.advance(Duration.ofSeconds(90));
        assertEquals(START.plusSeconds(90), clock.instant());
        clock.set(START.minusSeconds(5));
        assertEquals(START.minusSeconds(5), clock.instant());
        assertTrue(clock.isFixed());
    }

    @Test
    void aSystemClockFollowsRealTimeShiftedByMoves() {
        TestClock clock = TestClock.system();
        Instant before = Instant.now();

        clock.advance(Duration.ofHours(1));
        Instant shifted = clock.instant();

        assertFalse(clock.isFixed());
        assertTrue(!shifted.isBefore(before.plus(Duration.ofHours(1))));
        assertTrue(shifted.isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(1)));
        clock.set(START);
        assertTrue(Duration.between(START, clock.instant()).abs().compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void zoneViewsShareTheTime() {
        TestClock clock = TestClock.fixed(START);
        TestClock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofMinutes(1));

        assertEquals(clock.instant(), paris.instant());
        assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    }
}

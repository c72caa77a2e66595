package io.github.commerceconnector.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both forms of {@code Retry-After}, and what is not one. */
class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", NOW));
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Thu, 15 Jan 2026 10:01:30 GMT", NOW));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Thu, 15 Jan 2026 09:00:00 GMT", NOW));
    }

    @Test
    void anAbsurdDelayIsCutToOneDay() {
        assertEquals(Optional.of(Duration.ofDays(1)), RetryAfter.parse("99999999999999999999", NOW));
    }

    @Test
    void ignoresWhatIsNeitherForm() {
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("1.5", NOW));
    }

    @Test
    void aFarFutureDateIsCutToOneDayLikeTheSecondsForm() {
        assertEquals(Optional.of(Duration.ofDays(1)), RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT",
                Instant.parse("2026-01-15T10:00:00Z")));
    }
}

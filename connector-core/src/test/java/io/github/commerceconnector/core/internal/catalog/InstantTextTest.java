package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import org.junit.jupiter.api.Test;

/** {@link InstantText} writes exactly the text of the formatter the typed items' maps use. */
class InstantTextTest {
    private static final DateTimeFormatter REFERENCE = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    /**
     * Every day of 1896 to 2104 (the century years 1900, 2000 and 2100 among them), and every 13th of the years 0 to
     * 9999 (13 shares no factor with the lengths of weeks, months or the 400-year cycle, so every day of month and
     * year is met).
     */
    @Test
    void theDaysOfTheYears0To9999AreWrittenAsTheFormatterWritesThem() {
        long recentFirst = LocalDate.of(1896, 1, 1).toEpochDay();
        long recentLast = LocalDate.of(2104, 12, 31).toEpochDay();
        for (long day = FIRST_DAY; day <= LAST_DAY; day += day >= recentFirst && day <= recentLast ? 1 : 13) {
            long secondOfDay = Math.floorMod(day * 7_919, 86_400);
            int nanos = (int) Math.floorMod(day * 1_000_003L, 1_000_000_000L);
            assertWrittenAsFormatted(Instant.ofEpochSecond(day * 86_400 + secondOfDay));
            assertWrittenAsFormatted(Instant.ofEpochSecond(day * 86_400 + secondOfDay, nanos));
        }
    }

    @Test
    void fractionsKeepOnlyTheDigitsNeeded() {
        Instant second = Instant.parse("2024-05-01T10:15:30Z");
        for (int nanos : new int[] {1, 10, 100_000, 500_000_000, 120_000_000, 999_999_999, 100_000_000, 7}) {
            assertWrittenAsFormatted(second.plusNanos(nanos));
        }
        assertEquals("2024-05-01T10:15:30.5Z", InstantText.text(second.plusMillis(500)));
        assertEquals("2024-05-01T10:15:30Z", InstantText.text(second));
    }

    @Test
    void theEndsOfTheWrittenYearsAreTheFormattersEnds() {
        Instant first = LocalDate.of(0, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant last = LocalDate.of(9999, 12, 31).atTime(23, 59, 59, 999_999_999).toInstant(ZoneOffset.UTC);
        assertTrue(InstantText.writable(first));
        assertTrue(InstantText.writable(last));
        assertWrittenAsFormatted(first);
        assertWrittenAsFormatted(last);
        assertFalse(InstantText.writable(first.minusNanos(1)));
        assertFalse(InstantText.writable(last.plusNanos(1)));
        assertFalse(InstantText.writable(Instant.MAX));
        assertFalse(InstantText.writable(Instant.MIN));
    }

    @Test
    void itWritesAtTheGivenPlaceAndTellsWhereItEnds() {
        byte[] buffer = new byte[40];
        buffer[3] = 'x';
        int end = InstantText.write(Instant.parse("1999-12-31T23:59:59.25Z"), buffer, 4);
        assertEquals(4 + "1999-12-31T23:59:59.25Z".length(), end);
        assertEquals("x1999-12-31T23:59:59.25Z", new String(buffer, 3, end - 3, StandardCharsets.US_ASCII));
    }

    private static void assertWrittenAsFormatted(Instant value) {
        String expected = REFERENCE.format(value);
        assertEquals(expected, InstantText.text(value), () -> "for " + value.getEpochSecond() + "s "
                + value.getNano() + "ns");
        assertEquals(expected.length(), InstantText.length(value), expected);
    }
}

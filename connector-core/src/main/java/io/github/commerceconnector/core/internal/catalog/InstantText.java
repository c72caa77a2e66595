package io.github.commerceconnector.core.internal.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes a timestamp of the years 0 to 9999 straight into a byte buffer as the typed items send it: RFC 3339 in
 * UTC with only the fraction digits needed ({@code 2024-05-01T10:15:30.5Z}), the text {@code
 * DateTimeFormatterBuilder.appendInstant(-1)} gives; {@link #write} makes no object. Other years are left to the
 * formatter ({@link #writable}). The text is plain ASCII, so its bytes are also its JSON string's content.
 *
 * <p>It must give exactly the text of the typed items' own {@code ItemFields.time} (connector-api), which their
 * fields maps hold: a typed item and its map have the same content hash only so. Both are tested against the
 * formatter.
 */
final class InstantText {
    /** The longest text written: nine fraction digits. */
    static final int MAX_LENGTH = 30;

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    private static final long LAST_SECOND_OF_YEAR_9999 = 253_402_300_799L;
    /** Days from 0000-03-01 to 1970-01-01: the date arithmetic counts from a March so that leap days come last. */
    private static final long DAYS_FROM_MARCH_OF_YEAR_0 = 719_468;
    private static final long DAYS_PER_400_YEARS = 146_097;

    private InstantText() {
    }

    /** Whether {@link #write} writes this timestamp: years 0 to 9999. */
    static boolean writable(Instant value) {
        long seconds = value.getEpochSecond();
        return seconds >= FIRST_SECOND_OF_YEAR_0 && seconds <= LAST_SECOND_OF_YEAR_9999;
    }

    /** The length of a {@link #writable} timestamp's text: 20, or 22 to 30 with a fraction. */
    static int length(Instant value) {
        int nanos = value.getNano();
        if (nanos == 0) {
            return 20;
        }
        int digits = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        return 21 + digits;
    }

    /** The text of a {@link #writable} timestamp. */
    static String text(Instant value) {
        byte[] text = new byte[MAX_LENGTH];
        int length = write(value, text, 0);
        return new String(text, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes a {@link #writable} timestamp's text at {@code at}, where {@link #MAX_LENGTH} bytes are free.
     *
     * @return where the text ends
     */
    static int write(Instant value, byte[] out, int at) {
        long seconds = value.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) (seconds - days * SECONDS_PER_DAY);
        long fromMarch = days + DAYS_FROM_MARCH_OF_YEAR_0;
        long era = Math.floorDiv(fromMarch, DAYS_PER_400_YEARS);
        int dayOfEra = (int) (fromMarch - era * DAYS_PER_400_YEARS);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        int year = (int) (era * 400) + yearOfEra + (month <= 2 ? 1 : 0);
        digits(out, at, year, 4);
        out[at + 4] = '-';
        digits(out, at + 5, month, 2);
        out[at + 7] = '-';
        digits(out, at + 8, day, 2);
        out[at + 10] = 'T';
        digits(out, at + 11, secondOfDay / 3600, 2);
        out[at + 13] = ':';
        digits(out, at + 14, secondOfDay / 60 % 60, 2);
        out[at + 16] = ':';
        digits(out, at + 17, secondOfDay % 60, 2);
        int end = at + 19;
        int nanos = value.getNano();
        if (nanos != 0) {
            out[end] = '.';
            digits(out, end + 1, nanos, 9);
            end += 10;
            while (out[end - 1] == '0') {
                end--;
            }
        }
        out[end] = 'Z';
        return end + 1;
    }

    /** Writes a non-negative number as {@code width} zero-padded decimal digits. */
    private static void digits(byte[] out, int at, int number, int width) {
        int rest = number;
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }
}

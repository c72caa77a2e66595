package io.github.commerceconnector.core.internal.catalog;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes the common numbers of an item straight into a byte buffer as {@link CanonicalJson#canonicalNumber} gives
 * their text, without making it: whole numbers, and decimals of at most 18 digits and a scale of 0 to 18 (prices,
 * weights), plain, with no trailing zeros. Shared by the canonical writer and the {@link FieldHasher}, so that both
 * give a number the same text.
 */
final class NumberText {
    /** The most bytes either method writes. */
    static final int MAX_LENGTH = 24;

    /** 10 to the powers 0 to 18: the decimals written here have fewer digits than its length. */
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private NumberText() {
    }

    /**
     * Writes a whole number's digits at {@code at}, where {@link #MAX_LENGTH} bytes are free.
     *
     * @return where they end
     */
    static int writeLong(long value, byte[] out, int at) {
        if (value == Long.MIN_VALUE) {
            System.arraycopy(LONG_MIN, 0, out, at, LONG_MIN.length);
            return at + LONG_MIN.length;
        }
        int next = at;
        long rest = value;
        if (rest < 0) {
            out[next++] = '-';
            rest = -rest;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && rest >= bound; bound *= 10) {
            digits++;
        }
        for (int i = next + digits - 1; i >= next; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return next + digits;
    }

    /**
     * Writes a decimal of at most 18 digits and a scale of 0 to 18 at {@code at}, where {@link #MAX_LENGTH} bytes
     * are free.
     *
     * @return where it ends, or -1 (nothing written) for any other decimal
     */
    static int writeShortDecimal(BigDecimal decimal, byte[] out, int at) {
        int scale = decimal.scale();
        if (scale < 0 || scale >= POWERS_OF_TEN.length || decimal.precision() >= POWERS_OF_TEN.length) {
            return -1;
        }
        long unscaled = decimal.unscaledValue().longValue();
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        if (scale == 0) {
            return writeLong(unscaled, out, at);
        }
        int next = at;
        if (unscaled < 0) {
            out[next++] = '-';
            unscaled = -unscaled;
        }
        next = writeLong(unscaled / POWERS_OF_TEN[scale], out, next);
        out[next++] = '.';
        long fraction = unscaled % POWERS_OF_TEN[scale];
        for (int i = next + scale - 1; i >= next; i--) {
            out[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        return next + scale;
    }
}

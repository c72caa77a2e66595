package io.github.commerceconnector.core.internal.catalog;

import java.util.Arrays;

/**
 * The byte form of {@link CanonicalJson}'s text: UTF-8, except that an unpaired UTF-16 surrogate is written as
 * the three bytes its code unit would take ({@code ED A0..BF xx}, never valid UTF-8, so never ambiguous).
 * Decodes that form back to text, compares two pieces of it in {@link String#compareTo} order without decoding
 * (for text free of unpaired surrogates), and turns it into the UTF-8 that {@link String#getBytes} gives (each
 * unpaired surrogate a {@code ?}). Written by hand: the JDK's UTF-8 coders replace unpaired surrogates on the
 * way in.
 */
final class Wtf8 {

    private Wtf8() {
    }

    /** The text of {@code bytes[0, length)}. */
    static String decode(byte[] bytes, int length) {
        return decode(bytes, 0, length);
    }

    /** The text of {@code bytes[from, to)}. */
    static String decode(byte[] bytes, int from, int to) {
        char[] chars = new char[to - from];
        int count = 0;
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                chars[count++] = (char) b;
                i++;
            } else if (b < 0xE0) {
                chars[count++] = (char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            } else if (b < 0xF0) {
                chars[count++] = (char) (((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                i += 3;
            } else {
                int codePoint = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12) | ((bytes[i + 2] & 0x3F) << 6)
                        | (bytes[i + 3] & 0x3F);
                chars[count++] = Character.highSurrogate(codePoint);
                chars[count++] = Character.lowSurrogate(codePoint);
                i += 4;
            }
        }
        return new String(chars, 0, count);
    }

    /**
     * Compares {@code bytes[aFrom, aTo)} with {@code bytes[bFrom, bTo)} as {@link String#compareTo} compares
     * their texts; both must be free of unpaired surrogates. Where they first differ both are at the same
     * character boundary (or inside sequences with the same lead byte, which order like their code points);
     * there UTF-16 puts characters from U+E000 (lead bytes {@code EE}, {@code EF}) after the supplementary ones
     * (lead bytes {@code F0} to {@code F4}, high surrogates in UTF-16), and keeps code point order otherwise.
     */
    static int compareAsUtf16(byte[] bytes, int aFrom, int aTo, int bFrom, int bTo) {
        int mismatch = Arrays.mismatch(bytes, aFrom, aTo, bytes, bFrom, bTo);
        if (mismatch < 0) {
            return 0;
        }
        int aLength = aTo - aFrom;
        int bLength = bTo - bFrom;
        if (mismatch == Math.min(aLength, bLength)) {
            return aLength - bLength;
        }
        return rank(bytes[aFrom + mismatch] & 0xFF) - rank(bytes[bFrom + mismatch] & 0xFF);
    }

    private static int rank(int b) {
        return b == 0xEE || b == 0xEF ? b + 0x10 : b;
    }

    /**
     * The first {@code length} bytes with each unpaired surrogate as {@code ?} (UTF-8, as {@link String#getBytes}
     * makes it), and {@code last} after them unless it is negative.
     */
    static byte[] replaceUnpairedSurrogates(byte[] bytes, int length, int last) {
        byte[] out = new byte[length + 1];
        int used = 0;
        for (int i = 0; i < length; i++) {
            if (isUnpairedSurrogate(bytes, i, length)) {
                out[used++] = '?';
                i += 2;
            } else {
                out[used++] = bytes[i];
            }
        }
        if (last >= 0) {
            out[used++] = (byte) last;
        }
        return Arrays.copyOf(out, used);
    }

    /** Whether {@code bytes[i]} starts an unpaired surrogate. */
    static boolean isUnpairedSurrogate(byte[] bytes, int i, int to) {
        return (bytes[i] & 0xFF) == 0xED && i + 1 < to && (bytes[i + 1] & 0xFF) >= 0xA0;
    }
}

package io.github.commerceconnector.core.internal.catalog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A fast test for the common string a JSON writer meets: one whose Latin-1 bytes are its UTF-8 bytes and its JSON
 * text unescaped. {@link #bytesOf} gives those bytes, 8 at a time checked, or {@code null} for any other string,
 * which the writer then writes character by character.
 *
 * <p>The bytes come from {@link String#getBytes(java.nio.charset.Charset) getBytes(ISO_8859_1)}: a plain copy for
 * a string the JDK holds as Latin-1, and {@code ?} for any character beyond Latin-1. So a string is plain only when
 * none of its bytes is {@code ?}, a quote, a backslash, a control character or above {@code 0x7F}: then each of its
 * characters is printable ASCII other than those three, and its bytes are exactly its JSON text. A string with a
 * {@code ?} is only slower, never wrong.
 */
final class PlainAscii {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;

    private PlainAscii() {
    }

    /**
     * The bytes of a string of at least 8 characters when each is printable ASCII other than a quote, a backslash
     * or {@code ?}; else (and for a shorter string, or one whose surrogate pairs leave fewer than 8 bytes: each is
     * one {@code ?}) {@code null}.
     */
    static byte[] bytesOf(String text) {
        if (text.length() < Long.BYTES) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int length = bytes.length;
        if (length < Long.BYTES) {
            return null;
        }
        long flagged = 0;
        int i = 0;
        for (; i <= length - Long.BYTES; i += Long.BYTES) {
            flagged |= flags((long) LONGS.get(bytes, i));
        }
        if (i < length) {
            flagged |= flags((long) LONGS.get(bytes, length - Long.BYTES));
        }
        return (flagged & HIGH_BITS) == 0 ? bytes : null;
    }

    /**
     * The high bit of some byte set when any of 8 bytes is at or above {@code 0x80}, below {@code 0x20}, or a
     * quote, backslash or {@code ?} (each test exact for "any": a borrow only starts at a flagged byte).
     */
    private static long flags(long word) {
        return word
                | (word - SPACES) & ~word
                | zeroBytes(word ^ QUOTES)
                | zeroBytes(word ^ BACKSLASHES)
                | zeroBytes(word ^ QUESTION_MARKS);
    }

    private static long zeroBytes(long word) {
        return (word - ONES) & ~word;
    }
}

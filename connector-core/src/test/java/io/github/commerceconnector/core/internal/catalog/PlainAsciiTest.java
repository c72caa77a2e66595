package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole-string test of plain ASCII, and the canonical text of long strings that pass it or not. */
class PlainAsciiTest {
    /** One character of each kind the plain test must turn away, then two it must let through. */
    private static final String[] REFUSED = {"\"", "\\", "?", "\u0000", "\n", "\u001f", "\u0080", "\u00e9", "\u00ff",
        "\u0142", "\u4e2d", "\ud83d\ude00", "\ud800", "\udfff"};
    private static final String[] PLAIN = {" ", "~", "\u007f", "A", "!", "#", "[", "]", ">", "@"};

    private final CanonicalJson canonical = new CanonicalJson();

    @Test
    void aStringIsPlainOnlyWhenEveryCharacterIsPrintableAsciiOtherThanQuoteBackslashAndQuestionMark() {
        assertNull(PlainAscii.bytesOf("short"), "too short to be read 8 bytes at a time");
        assertNull(PlainAscii.bytesOf("\ud83d\ude00".repeat(4)), "8 characters, but 4 bytes");
        for (int length = 8; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                for (String refused : REFUSED) {
                    String text = around(refused, at, length);
                    assertNull(PlainAscii.bytesOf(text),
                            () -> "plain: " + StreamedHashProperties.Reference.string(text));
                }
                for (String plain : PLAIN) {
                    String text = around(plain, at, length);
                    assertArrayEquals(text.getBytes(StandardCharsets.US_ASCII), PlainAscii.bytesOf(text), text);
                }
            }
        }
    }

    @Test
    void longStringsAreWrittenAsTheCharacterByCharacterPathWritesThem() {
        for (int length = 8; length <= 40; length += 3) {
            for (int at = 0; at < length; at++) {
                for (String character : concat(REFUSED, PLAIN)) {
                    String text = around(character, at, length);
                    String expected = StreamedHashProperties.Reference.string(text);
                    assertEquals("{\"a\":" + expected + "}", canonical.of(Map.of("a", text)), expected);
                }
            }
        }
    }

    /** {@code length} characters (one more for a surrogate pair): {@code character} at {@code at}, letters around. */
    private static String around(String character, int at, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < at; i++) {
            text.append((char) ('a' + i % 26));
        }
        text.append(character);
        for (int i = at + 1; i < length; i++) {
            text.append((char) ('A' + i % 26));
        }
        return text.toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] both = new String[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}

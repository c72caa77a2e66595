package io.github.commerceconnector.jdbc.internal;

import java.nio.charset.StandardCharsets;

/** Rejection reasons as stored: at most {@value #MAX_BYTES} UTF-8 bytes, as the file store keeps them. */
final class Reasons {
    /** The longest reason kept, in UTF-8 bytes. */
    static final int MAX_BYTES = 1024;

    private Reasons() {
    }

    /** The reason, cut at a character boundary to at most {@value #MAX_BYTES} UTF-8 bytes. */
    static String cut(String reason) {
        if (reason.length() * 3 <= MAX_BYTES) {
            return reason.replace('\u0000', '\uFFFD');
        }
        byte[] bytes = reason.replace('\u0000', '\uFFFD').getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        int end = MAX_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}

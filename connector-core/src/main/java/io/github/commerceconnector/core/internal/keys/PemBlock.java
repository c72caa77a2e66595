package io.github.commerceconnector.core.internal.keys;

import java.util.List;

/**
 * One armored block found in a pasted key, after normalization: its label, its RFC 1421 headers
 * (legacy {@code Proc-Type} / {@code DEK-Info}) and its base64 body with every whitespace removed.
 *
 * @param label   the label of the BEGIN and END lines, e.g. {@code PRIVATE KEY}
 * @param headers the header lines, e.g. {@code Proc-Type: 4,ENCRYPTED}; usually empty
 * @param base64  the body, without whitespace
 */
record PemBlock(String label, List<String> headers, String base64) {
    private static final int LINE_LENGTH = 64;

    PemBlock {
        headers = List.copyOf(headers);
    }

    /** Whether the block carries legacy encryption headers ({@code Proc-Type: 4,ENCRYPTED}). */
    boolean isLegacyEncrypted() {
        return headers.stream().anyMatch(header -> header.startsWith("Proc-Type:") && header.contains("ENCRYPTED"));
    }

    /** The block as strict PEM text: five-dash armor, headers, a blank line, 64-character base64 lines. */
    String canonicalText() {
        StringBuilder text = new StringBuilder(base64.length() + base64.length() / LINE_LENGTH + 128);
        text.append("-----BEGIN ").append(label).append("-----\n");
        if (!headers.isEmpty()) {
            headers.forEach(header -> text.append(header).append('\n'));
            text.append('\n');
        }
        for (int start = 0; start < base64.length(); start += LINE_LENGTH) {
            text.append(base64, start, Math.min(base64.length(), start + LINE_LENGTH)).append('\n');
        }
        text.append("-----END ").append(label).append("-----\n");
        return text.toString();
    }
}

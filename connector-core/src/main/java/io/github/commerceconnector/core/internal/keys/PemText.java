package io.github.commerceconnector.core.internal.keys;

import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns pasted key text into {@link PemBlock}s. It repairs what copying and environment variables do
 * to a key (a byte-order mark, CRLF, literal {@code \n} sequences, indentation, newlines flattened to
 * spaces, surrounding quotes) and refuses near misses of the armor with a message that says how to
 * fix them. Written by hand because BouncyCastle's {@code PEMParser} silently returns nothing for
 * every one of these cases. Messages never repeat any part of the text except recognized labels.
 */
final class PemText {
    private static final Pattern MARKER = Pattern.compile(
            "(-*)[ \\t]*\\b(BEGIN|END)[ \\t]+([A-Za-z0-9]+(?:[ \\t]+[A-Za-z0-9]+)*)[ \\t]*(-*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile("\\A\\s*([A-Za-z][A-Za-z-]*):[ \\t]*(\\S+)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern API_KEY_LIKE = Pattern.compile("[A-Za-z0-9._-]{8,128}");
    private static final Pattern BASE64_LIKE = Pattern.compile("[A-Za-z0-9+/=\\s]{100,}");
    private static final String DASHES = "-----";

    private PemText() {
    }

    /**
     * Finds the armored blocks of a pasted key.
     *
     * @throws InvalidKeyException {@code EMPTY}, {@code NOT_PEM}, {@code MALFORMED_PEM},
     *     {@code PUBLIC_KEY} or {@code UNSUPPORTED_FORMAT} for text that holds no well-formed block
     */
    static List<PemBlock> blocks(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidKeyException(Problem.EMPTY, "The private key is empty: paste the whole PEM private key, "
                    + "from the -----BEGIN PRIVATE KEY----- line to the -----END PRIVATE KEY----- line.");
        }
        String text = normalize(raw);
        if (text.isEmpty()) {
            throw new InvalidKeyException(Problem.EMPTY, "The private key is empty: paste the whole PEM private key, "
                    + "from the -----BEGIN PRIVATE KEY----- line to the -----END PRIVATE KEY----- line.");
        }
        refuseBinary(text);
        List<Marker> markers = markers(text);
        if (markers.isEmpty()) {
            throw withoutArmor(text);
        }
        markers.forEach(PemText::refuseMalformed);
        return pair(text, markers);
    }

    /** Repairs transport damage: BOM, literal and Windows line breaks, odd spaces, quotes. */
    static String normalize(String raw) {
        String text = raw.replace("\uFEFF", "")
                .replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n")
                .replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder spaced = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            spaced.append(c != '\n' && c != '\t' && (Character.isSpaceChar(c) || c == '\u200B') ? ' ' : c);
        }
        text = spaced.toString().strip();
        while (text.length() >= 2 && isQuote(text.charAt(0)) && text.charAt(text.length() - 1) == text.charAt(0)) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static void refuseBinary(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' && c != '\n' && c != '\t') || c == 0x7F || c == '\uFFFD') {
                throw new InvalidKeyException(Problem.NOT_PEM, "The private key is binary data, not PEM text. "
                        + "If it is a DER file, convert it with 'openssl pkcs8 -topk8 -nocrypt -inform DER "
                        + "-in key.der -out key.pem' and give the text of key.pem, which starts with "
                        + "-----BEGIN PRIVATE KEY-----.");
            }
        }
    }

    private static InvalidKeyException withoutArmor(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ssh-rsa ") || lower.startsWith("ssh-ed25519 ") || lower.startsWith("ecdsa-sha2-")
                || lower.startsWith("ssh-dss ")) {
            return new InvalidKeyException(Problem.PUBLIC_KEY, "This is an OpenSSH public key (ssh-...), not a "
                    + "private key: give the PEM private key, which starts with -----BEGIN PRIVATE KEY-----.");
        }
        if (lower.startsWith("putty-user-key-file")) {
            return new InvalidKeyException(Problem.UNSUPPORTED_FORMAT, "This is a PuTTY .ppk key, which is not "
                    + "supported: export it with 'puttygen key.ppk -O private-openssh -o key.pem' and give the "
                    + "PEM text, which starts with -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----.");
        }
        if (API_KEY_LIKE.matcher(text).matches()) {
            return new InvalidKeyException(Problem.NOT_PEM, "The private key field holds a short single word ("
                    + text.length() + " characters), which looks like the public API key id: put the API key in "
                    + "the API key field and the PEM private key, from -----BEGIN PRIVATE KEY----- to "
                    + "-----END PRIVATE KEY-----, in the private key field.");
        }
        if (BASE64_LIKE.matcher(text).matches()) {
            return new InvalidKeyException(Problem.NOT_PEM, "The private key has no -----BEGIN and -----END lines: "
                    + "it looks like the base64 body alone. Paste the whole key including the "
                    + "-----BEGIN PRIVATE KEY----- and -----END PRIVATE KEY----- lines.");
        }
        return new InvalidKeyException(Problem.NOT_PEM, "The private key is not PEM text: no -----BEGIN / "
                + "-----END lines were found. Paste the whole private key from the Commerce Services Connector "
                + "page, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.");
    }

    private static List<Marker> markers(String text) {
        List<Marker> markers = new ArrayList<>();
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            String label = WHITESPACE.matcher(matcher.group(3)).replaceAll(" ");
            Marker marker = new Marker(matcher.start(), matcher.end(), matcher.group(2), label,
                    matcher.group(1).length(), matcher.group(4).length());
            if (marker.leadingDashes() + marker.trailingDashes() > 0
                    || PemLabels.isKnown(label.toUpperCase(Locale.ROOT))) {
                markers.add(marker);
            }
        }
        return markers;
    }

    private static void refuseMalformed(Marker marker) {
        String upperLabel = marker.label().toUpperCase(Locale.ROOT);
        String keyword = marker.keyword().toUpperCase(Locale.ROOT);
        String line = keyword + " line";
        String rightForm = PemLabels.isKnown(upperLabel)
                ? DASHES + keyword + " " + upperLabel + DASHES
                : DASHES + keyword + " PRIVATE KEY" + DASHES;
        if (marker.leadingDashes() != 5 || marker.trailingDashes() != 5) {
            throw new InvalidKeyException(Problem.MALFORMED_PEM, "The private key's " + line + " has "
                    + marker.leadingDashes() + " dashes before and " + marker.trailingDashes()
                    + " after the label, but PEM needs exactly five on each side (some pages print it "
                    + "shortened). Write it as " + rightForm + " and give the other armor line five dashes "
                    + "on each side too.");
        }
        if (!marker.keyword().equals(keyword) || !marker.label().equals(upperLabel)) {
            throw new InvalidKeyException(Problem.MALFORMED_PEM, "The private key's " + line
                    + " is not in upper case: PEM armor lines are upper case. Write it as " + rightForm + ".");
        }
    }

    private static List<PemBlock> pair(String text, List<Marker> markers) {
        List<PemBlock> blocks = new ArrayList<>();
        Marker open = null;
        for (Marker marker : markers) {
            boolean begin = "BEGIN".equals(marker.keyword());
            if (begin && open != null) {
                throw new InvalidKeyException(Problem.MALFORMED_PEM, capitalized(describeBlock(open.label()))
                        + " has no END line before the next BEGIN line: the key was cut off. Copy the "
                        + "whole key again, including its -----END ...----- line.");
            }
            if (begin) {
                open = marker;
            } else if (open == null) {
                throw new InvalidKeyException(Problem.MALFORMED_PEM, "An END line (" + describe(marker.label())
                        + ") comes without its BEGIN line: the start of the key is missing. Copy the whole key "
                        + "again, including its -----BEGIN ...----- line.");
            } else if (!open.label().equals(marker.label())) {
                throw new InvalidKeyException(Problem.MALFORMED_PEM, "The BEGIN line says " + describe(open.label())
                        + " but the END line says " + describe(marker.label()) + ": both lines of one key carry "
                        + "the same label. Copy the key again so that both lines come from the same key.");
            } else {
                blocks.add(block(open.label(), text.substring(open.end(), marker.start())));
                open = null;
            }
        }
        if (open != null) {
            throw new InvalidKeyException(Problem.MALFORMED_PEM, capitalized(describeBlock(open.label()))
                    + " has a BEGIN line but no END line: the key was cut off. Copy the whole key again, down to "
                    + "the -----END " + (PemLabels.isKnown(open.label()) ? open.label() : "PRIVATE KEY")
                    + "----- line.");
        }
        return blocks;
    }

    private static PemBlock block(String label, String body) {
        List<String> headers = new ArrayList<>();
        String rest = body;
        Matcher header = HEADER.matcher(rest);
        while (header.find()) {
            headers.add(header.group(1) + ": " + header.group(2));
            rest = rest.substring(header.end());
            header = HEADER.matcher(rest);
        }
        return new PemBlock(label, headers, WHITESPACE.matcher(rest).replaceAll(""));
    }

    /** A label safe to print: a recognized one, or a neutral phrase for anything else. */
    static String describe(String label) {
        return PemLabels.isKnown(label) ? "'" + label + "'" : "an unrecognized label";
    }

    /** A block safe to print: "the 'PRIVATE KEY' block", or a neutral phrase for an unknown label. */
    static String describeBlock(String label) {
        return PemLabels.isKnown(label) ? "the '" + label + "' block" : "a block with an unrecognized label";
    }

    private static String capitalized(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }

    private record Marker(int start, int end, String keyword, String label, int leadingDashes, int trailingDashes) {
    }
}

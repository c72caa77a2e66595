package io.github.commerceconnector.testkit.internal.keys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the PEM blocks in pasted text and rewrites each in canonical form. Users paste keys with a
 * byte-order mark, Windows line endings, literal {@code \n} from environment variables, newlines
 * flattened to spaces, indentation, four dashes or a lower-case {@code Begin}; BouncyCastle's
 * {@code PEMParser} silently returns {@code null} for all of those, so the text is normalised here
 * first. JDK only.
 */
public final class PemText {
    private static final Pattern BLOCK = Pattern.compile(
            "-{4,5}\\s*BEGIN\\s+([A-Z0-9 ]+?)\\s*-{4,5}(.*?)-{4,5}\\s*END\\s+\\1\\s*-{4,5}",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]*");

    private PemText() {
    }

    /** The text with a BOM removed, literal {@code \n} turned into newlines and line endings unified. */
    public static String normalize(String text) {
        String result = text;
        if (!result.isEmpty() && result.charAt(0) == '\uFEFF') {
            result = result.substring(1);
        }
        return result.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The PEM blocks found in normalised text, in order. */
    public static List<Block> blocks(String normalized) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(normalized);
        while (matcher.find()) {
            blocks.add(toBlock(matcher.group(1), matcher.group(2)));
        }
        return blocks;
    }

    /** Whether the text has a BEGIN marker at all (to tell malformed armor from no armor). */
    public static boolean mentionsBegin(String normalized) {
        return normalized.toUpperCase(Locale.ROOT).contains("BEGIN");
    }

    /** PEM-encodes DER bytes under a label, 64 characters a line. */
    public static String encode(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    private static Block toBlock(String rawLabel, String rawBody) {
        String label = rawLabel.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        List<String> headers = new ArrayList<>();
        StringBuilder base64 = new StringBuilder();
        for (String line : rawBody.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.contains(":")) {
                headers.add(trimmed);
            } else {
                base64.append(trimmed.replaceAll("\\s+", ""));
            }
        }
        String body = base64.toString();
        byte[] der = null;
        if (BASE64.matcher(body).matches()) {
            try {
                der = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException notBase64) {
                der = null;
            }
        }
        return new Block(label, headers, der);
    }

    /**
     * One PEM block.
     *
     * @param label   the label in upper case, e.g. {@code RSA PRIVATE KEY}
     * @param headers RFC 1421 headers such as {@code Proc-Type: 4,ENCRYPTED}
     * @param der     the decoded body, or {@code null} when it is not valid base64
     */
    public record Block(String label, List<String> headers, byte[] der) {

        /** Whether the body decoded. */
        public boolean decodes() {
            return der != null && der.length > 0;
        }

        /** The block in canonical PEM form (requires {@link #decodes()}). */
        public String canonical() {
            StringBuilder text = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
            for (String header : headers) {
                text.append(header).append('\n');
            }
            if (!headers.isEmpty()) {
                text.append('\n');
            }
            String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
            return text.append(body).append("\n-----END ").append(label).append("-----\n").toString();
        }

        /** Shows the label only. */
        @Override
        public String toString() {
            return "Block[" + label + "]";
        }
    }
}

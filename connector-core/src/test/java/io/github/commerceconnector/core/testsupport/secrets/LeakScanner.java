package io.github.commerceconnector.core.testsupport.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in texts: fragments of registered key material, whole registered secrets (API key ids,
 * passphrases, client secrets, tokens), and anything shaped like a secret whatever made it: a JWT, a bearer
 * token, a PEM private key block with its body, an API key id of the testkit's {@code TestKeys}. A finding
 * names the secret and where it was found; it never quotes the secret.
 */
public final class LeakScanner {
    private static final List<Shape> SHAPES = List.of(
            new Shape("a JWT", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}")),
            new Shape("a bearer token", Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]{16,}")),
            new Shape("a PEM private key block", Pattern.compile(
                    "-----BEGIN [A-Z ]*PRIVATE KEY-----\\s*(?:[A-Za-z-]+:[^\\n]*\\s*)*[A-Za-z0-9+/]{32,}")),
            new Shape("an API key id made by TestKeys", Pattern.compile("testkit-[0-9a-f]{24}")));

    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/=_.-]{12,}");

    private final Map<String, String> fragments;
    private final Map<String, String> exact;

    /**
     * A scanner for given secrets.
     *
     * @param fragments fragments of key material of {@link SecretRegistry#FRAGMENT} characters, to what they belong
     * @param exact     whole secrets, to what they are
     */
    public LeakScanner(Map<String, String> fragments, Map<String, String> exact) {
        this.fragments = Map.copyOf(fragments);
        this.exact = Map.copyOf(exact);
    }

    /** A scanner for everything registered in the {@link SecretRegistry} so far. */
    public static LeakScanner ofRegistry() {
        return new LeakScanner(SecretRegistry.fragments(), SecretRegistry.exact());
    }

    /**
     * A secret found in a text.
     *
     * @param secret  what the secret is (a label, never the secret)
     * @param source  where the text came from
     * @param excerpt the text around the secret, with the secret itself replaced by {@code <SECRET>}
     */
    public record Finding(String secret, String source, String excerpt) {
        @Override
        public String toString() {
            return secret + " in " + source + ": ..." + excerpt + "...";
        }
    }

    /** The secrets in one text (at most one finding per kind of secret). */
    public List<Finding> scan(String source, String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(text);
            if (matcher.find()) {
                findings.add(finding(shape.name(), source, text, matcher.start(), matcher.end()));
            }
        }
        for (Map.Entry<String, String> secret : exact.entrySet()) {
            int at = text.indexOf(secret.getKey());
            if (at >= 0) {
                findings.add(finding(secret.getValue(), source, text, at, at + secret.getKey().length()));
            }
        }
        for (int i = 0; i + SecretRegistry.FRAGMENT <= text.length(); i++) {
            String label = fragments.get(text.substring(i, i + SecretRegistry.FRAGMENT));
            if (label != null) {
                findings.add(finding(label, source, text, i, i + SecretRegistry.FRAGMENT));
                break;
            }
        }
        return findings;
    }

    private static Finding finding(String secret, String source, String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 60), start);
        String after = text.substring(end, Math.min(text.length(), end + 60));
        return new Finding(secret, source, (mask(before) + "<SECRET>" + mask(after)).replaceAll("\\s+", " "));
    }

    /** Hides every long token around a finding, so that a failure message never carries the rest of a secret. */
    private static String mask(String text) {
        return LONG_TOKEN.matcher(text).replaceAll("<...>");
    }

    private record Shape(String name, Pattern pattern) {
    }
}

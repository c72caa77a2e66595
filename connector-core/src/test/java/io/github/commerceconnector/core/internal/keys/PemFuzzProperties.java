package io.github.commerceconnector.core.internal.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.core.testsupport.BadKeys;
import io.github.commerceconnector.core.testsupport.KeyPems;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the PEM loader with arbitrary text and with real keys damaged at random (characters changed, cut,
 * inserted or removed, armor dashes and line breaks changed): it returns an RSA key of at least 2048 bits or
 * refuses with exactly {@link InvalidKeyException}, whose message never quotes the key. Nothing else comes out.
 */
class PemFuzzProperties {
    private static final int FRAGMENT = 12;

    /** The keys to damage: PKCS#8, PKCS#1 and encrypted PKCS#8. */
    private static List<String> originals() {
        return List.of(KeyPems.pkcs8(KeyPems.rsa()), KeyPems.traditional(KeyPems.rsa().getPrivate()),
                KeyPems.encryptedPkcs8(KeyPems.rsa(), BadKeys.PASSPHRASE));
    }

    @Provide
    Arbitrary<String> damagedKeys() {
        Arbitrary<String> original = Arbitraries.of(originals());
        return original.flatMap(pem -> Combinators.combine(Arbitraries.integers().between(0, pem.length() - 1),
                Arbitraries.integers().between(0, 6), Arbitraries.strings().ofMaxLength(8),
                Arbitraries.integers().between(1, 400)).as((at, how, text, length) -> damage(pem, at, how, text,
                        length)));
    }

    private static String damage(String pem, int at, int how, String text, int length) {
        int end = Math.min(pem.length(), at + length);
        return switch (how) {
            case 0 -> pem.substring(0, at) + text + pem.substring(Math.min(pem.length(), at + 1));
            case 1 -> pem.substring(0, at);
            case 2 -> pem.substring(0, at) + text + pem.substring(at);
            case 3 -> pem.substring(0, at) + pem.substring(end);
            case 4 -> pem.replaceFirst("-----", "-".repeat(length % 8));
            case 5 -> pem.replace("\n", List.of("\r\n", " ", "\\n", "", "\n\n", "\t").get(length % 6));
            default -> pem.substring(at, end) + pem.substring(0, at);
        };
    }

    @Property(tries = 500)
    void aDamagedKeyIsReadWholeOrRefusedWithoutQuotingIt(@ForAll("damagedKeys") String pem) {
        readsOrRefuses(pem, Secret.of(BadKeys.PASSPHRASE));
    }

    @Property(tries = 500)
    void anyTextIsReadOrRefusedWithTheDocumentedException(@ForAll String text) {
        readsOrRefuses(text, null);
    }

    @Property(tries = 200)
    void armorAroundAnyTextIsRefusedWithTheDocumentedException(@ForAll String body) {
        readsOrRefuses("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n", null);
    }

    private static void readsOrRefuses(String pem, Secret passphrase) {
        try {
            RSAPrivateCrtKey key = PemKeyParser.parsePrivateKey(Secret.of(pem), passphrase);
            assertNotNull(key);
            assertTrue(key.getModulus().bitLength() >= PemKeyParser.MINIMUM_BITS);
        } catch (InvalidKeyException refused) {
            assertSame(InvalidKeyException.class, refused.getClass());
            assertNotNull(refused.problem());
            assertQuotesNothingOf(pem, refused.getMessage());
        } catch (RuntimeException other) {
            fail("the PEM loader threw " + other.getClass().getName() + " instead of InvalidKeyException");
        }
    }

    private static void assertQuotesNothingOf(String pem, String message) {
        String compact = pem.replaceAll("-----[A-Z ]+-----", " ").replaceAll("\\s+", "");
        for (int i = 0; i + FRAGMENT <= message.length(); i++) {
            String window = message.substring(i, i + FRAGMENT);
            assertFalse(!window.contains(" ") && compact.contains(window) && KeyPems.base64Body(pem).contains(window),
                    "the message quotes the key text");
        }
    }
}

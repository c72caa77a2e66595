package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.core.gateway.RsaKeys;
import io.github.commerceconnector.core.testsupport.KeyPems;
import io.github.commerceconnector.core.testsupport.secrets.LeakScanner;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The secret scan of {@link SuiteSecretScanTest} can fail: each kind of leak it looks for is found in a text made
 * for the purpose, and nothing is found in texts that only look alike (public keys, advice naming the PEM armor,
 * an API key's last four characters).
 */
class LeakScannerTest {
    private static final String API_KEY = "scanner-test-api-key-7f3e";

    private static List<LeakScanner.Finding> scan(String text) {
        SecretRegistry.value("LeakScannerTest API key", API_KEY);
        return LeakScanner.ofRegistry().scan("test text", text);
    }

    private static String body(String pem) {
        return KeyPems.base64Body(pem);
    }

    @Test
    void findsAPrivateKeyBodyQuotedInPart() {
        String body = body(RsaKeys.pkcs8Pem(0));
        List<LeakScanner.Finding> findings = scan("Parsing failed near " + body.substring(900, 940) + " in the key");
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).secret().startsWith("RsaKeys pair 0"), findings.toString());
        assertFalse(findings.get(0).toString().contains(body.substring(900, 940)), "a finding never quotes the secret");
    }

    @Test
    void findsThePrivateExponentPrintedAsANumber() {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) RsaKeys.pair(0).getPrivate();
        assertEquals(1, scan("d=" + key.getPrivateExponent()).size());
        assertEquals(1, scan("p=" + key.getPrimeP().toString(16)).size());
    }

    @Test
    void findsAWholeApiKeyButNotItsLastFour() {
        assertEquals(1, scan("x-api-key: " + API_KEY).size());
        assertEquals(List.of(), scan("ApiKey[****7f3e]"));
    }

    @Test
    void findsSecretShapesWhoeverMadeThem() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";
        assertEquals("a JWT", scan("token " + jwt).get(0).secret());
        assertEquals("a bearer token", scan("Authorization: Bearer abcdefghijklmnop1234").get(0).secret());
        assertEquals("a PEM private key block", scan("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"
                + "BKcwggSjAgEAAoIBAQ").get(0).secret());
        assertEquals("an API key id made by TestKeys", scan("key testkit-0123456789abcdef01234567").get(0).secret());
    }

    @Test
    void ignoresPublicMaterialAndAdvice() {
        assertEquals(List.of(), scan(KeyPems.publicKey(RsaKeys.pair(0))));
        assertEquals(List.of(), scan(KeyPems.certificate(RsaKeys.pair(0))));
        assertEquals(List.of(), scan("Give the private key, which starts with -----BEGIN PRIVATE KEY-----."));
    }
}

package io.github.commerceconnector.testkit.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.StringWriter;
import java.security.PublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;

/** The fake credential store's PEM reading, beyond what the credential store contract covers. */
class PrivateKeyReaderTest {
    private static final TestKeyPair PAIR = TestKeys.rsa();

    private static Problem problem(String pem, String passphrase) {
        return assertThrows(InvalidKeyException.class, () -> PrivateKeyReader.read(Secret.of(pem),
                passphrase == null ? null : Secret.of(passphrase))).problem();
    }

    private static String legacyEncrypted(String passphrase) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(PAIR.privateKey(), new JcePEMEncryptorBuilder("AES-128-CBC")
                    .setProvider(new BouncyCastleProvider()).build(passphrase.toCharArray()));
        }
        return text.toString();
    }

    @Test
    void readsKeysWithABomIndentationFourDashesOrLowerCaseMarkers() {
        String pem = PAIR.pkcs8Pem();

        for (String variant : new String[] {"\uFEFF" + pem, pem.replace("\n", "\n    "),
                pem.replace("-----", "----"), pem.replace("BEGIN", "Begin").replace("END", "End")}) {
            assertEquals(PAIR.privateKey().getModulus(),
                    PrivateKeyReader.read(Secret.of(variant), null).getModulus());
        }
    }

    @Test
    void readsLegacyEncryptedPkcs1WithItsPassphrase() throws Exception {
        String pem = legacyEncrypted("legacy phrase");

        assertEquals(PAIR.privateKey().getModulus(),
                PrivateKeyReader.read(Secret.of(pem), Secret.of("legacy phrase")).getModulus());
        assertEquals(Problem.WRONG_PASSPHRASE, problem(pem, "another phrase"));
        assertEquals(Problem.PASSPHRASE_REQUIRED, problem(pem, null));
    }

    @Test
    void namesAMissingEndLineAsMalformedArmor() {
        String pem = PAIR.pkcs8Pem();

        assertEquals(Problem.MALFORMED_PEM, problem(pem.substring(0, pem.indexOf("-----END")), null));
    }

    @Test
    void namesAnUnknownBlockAsUnsupported() {
        assertEquals(Problem.UNSUPPORTED_FORMAT,
                problem("-----BEGIN SOMETHING ELSE-----\nAAAA\n-----END SOMETHING ELSE-----\n", null));
    }

    @Test
    void namesAPkcs1PublicKeyAsAPublicKey() {
        String body = PAIR.publicKeyPem().split("\n")[1];

        assertEquals(Problem.PUBLIC_KEY,
                problem("-----BEGIN RSA PUBLIC KEY-----\n" + body + "\n-----END RSA PUBLIC KEY-----\n", null));
    }

    @Test
    void publicKeyPemReadsPublicKeysAndCertificatesWithTheJdkAlone() {
        PublicKey fromKey = PublicKeyPem.read(PAIR.publicKeyPem());
        PublicKey fromCertificate = PublicKeyPem.read(PAIR.certificatePem());

        assertEquals(PAIR.publicKey(), fromKey);
        assertEquals(PAIR.publicKey(), fromCertificate);
        assertThrows(IllegalArgumentException.class, () -> PublicKeyPem.read("no key here"));
    }
}

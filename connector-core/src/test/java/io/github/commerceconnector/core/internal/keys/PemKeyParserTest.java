package io.github.commerceconnector.core.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import io.github.commerceconnector.core.testsupport.BadKey;
import io.github.commerceconnector.core.testsupport.BadKeys;
import io.github.commerceconnector.core.testsupport.KeyPems;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class PemKeyParserTest {
    private static final KeyPair PAIR = KeyPems.rsa();

    // ---- accepted forms

    @Test
    void readsPkcs8AsAdobesPortalHandsItOut() throws GeneralSecurityException {
        RSAPrivateCrtKey key = parse(KeyPems.pkcs8(PAIR), null);

        assertSameKey(key);
        assertSignaturesVerifyWithTheOriginalPublicKey(key);
    }

    @Test
    void readsPkcs1RsaPrivateKey() {
        String pem = KeyPems.traditional(PAIR.getPrivate());
        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"), "fixture is PKCS#1");

        assertSameKey(parse(pem, null));
    }

    @Test
    void readsEncryptedPkcs8WithItsPassphrase() {
        assertSameKey(parse(KeyPems.encryptedPkcs8(PAIR, BadKeys.PASSPHRASE), BadKeys.PASSPHRASE));
    }

    @Test
    void readsLegacyOpenSslEncryptedKeyWithItsPassphrase() {
        String pem = KeyPems.legacyEncrypted(PAIR, BadKeys.PASSPHRASE);
        assertTrue(pem.contains("Proc-Type: 4,ENCRYPTED"), "fixture uses legacy encryption");

        assertSameKey(parse(pem, BadKeys.PASSPHRASE));
    }

    @Test
    void ignoresAPassphraseGivenForAnUnencryptedKey() {
        assertSameKey(parse(KeyPems.pkcs8(PAIR), "unused passphrase"));
    }

    @Test
    void toleratesWindowsLineEndings() {
        assertSameKey(parse(KeyPems.pkcs8(PAIR).replace("\n", "\r\n"), null));
    }

    @Test
    void toleratesSurroundingWhitespaceAndAByteOrderMark() {
        assertSameKey(parse("\uFEFF  \n\t" + KeyPems.pkcs8(PAIR) + "\n\n   ", null));
    }

    @Test
    void toleratesIndentedLines() {
        assertSameKey(parse(KeyPems.pkcs8(PAIR).replace("\n", "\n    "), null));
    }

    @Test
    void toleratesLiteralBackslashNFromAnEnvironmentVariable() {
        assertSameKey(parse(KeyPems.pkcs8(PAIR).strip().replace("\n", "\\n"), null));
    }

    @Test
    void toleratesNewlinesFlattenedToSpaces() {
        assertSameKey(parse(KeyPems.pkcs8(PAIR).strip().replace("\n", " "), null));
    }

    @Test
    void toleratesFlattenedLegacyEncryptedKey() {
        String flattened = KeyPems.legacyEncrypted(PAIR, BadKeys.PASSPHRASE).strip().replace("\n", " ");

        assertSameKey(parse(flattened, BadKeys.PASSPHRASE));
    }

    @Test
    void toleratesTheWholeBodyOnOneLine() {
        String body = KeyPems.base64Body(KeyPems.pkcs8(PAIR));

        assertSameKey(parse("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----", null));
    }

    @Test
    void toleratesSurroundingQuotes() {
        assertSameKey(parse("\"" + KeyPems.pkcs8(PAIR).strip().replace("\n", "\\n") + "\"", null));
    }

    @Test
    void picksThePrivateKeyWhenItsPublicKeyIsPastedAlongside() {
        assertSameKey(parse(KeyPems.publicKey(PAIR) + KeyPems.pkcs8(PAIR), null));
    }

    @Test
    void derivesThePublicKeyOfAPrivateKey() {
        RSAPublicKey publicKey = PemKeyParser.publicKeyOf(parse(KeyPems.pkcs8(PAIR), null));

        assertEquals(PAIR.getPublic(), publicKey);
    }

    // ---- refused forms, one test per mistake

    @Test
    void refusesEmptyText() {
        assertRefused(BadKeys.empty(), "empty");
        assertRefused(BadKeys.blank(), "empty");
    }

    @Test
    void refusesNullText() {
        InvalidKeyException refused = assertThrows(InvalidKeyException.class,
                () -> PemKeyParser.parsePrivateKey(null, null));
        assertEquals(Problem.EMPTY, refused.problem());
    }

    @Test
    void refusesTextWithoutArmor() {
        assertRefused(BadKeys.plainText(), "-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void refusesBase64BodyWithoutArmorAndSaysToAddTheLines() {
        assertRefused(BadKeys.base64BodyOnly(), "no -----BEGIN and -----END lines");
    }

    @Test
    void refusesFourDashHeaderAndShowsTheFivedashForm() {
        InvalidKeyException refused = assertRefused(BadKeys.fourDashHeader(), "-----BEGIN PRIVATE KEY-----");
        assertTrue(refused.getMessage().contains("4 dashes before and 3 after"), refused.getMessage());
    }

    @Test
    void refusesLowerCaseArmor() {
        assertRefused(BadKeys.lowerCaseArmor(), "upper case");
    }

    @Test
    void refusesTruncatedBody() {
        assertRefused(BadKeys.truncatedBody(), "truncated or corrupted");
    }

    @Test
    void refusesBodyWhoseLengthIsNotWholeBase64() {
        assertRefused(BadKeys.bodyOfOddLength(), "multiple of four");
    }

    @Test
    void refusesKeyCutOffBeforeItsEndLine() {
        assertRefused(BadKeys.missingEndLine(), "no END line");
    }

    @Test
    void refusesKeyWithoutItsBeginLine() {
        assertRefused(BadKeys.missingBeginLine(), "without its BEGIN line");
    }

    @Test
    void refusesKeyWithOneCharacterChanged() {
        assertRefused(BadKeys.corruptedCharacter(), "truncated or corrupted");
    }

    @Test
    void refusesCharacterThatBase64DoesNotUse() {
        assertRefused(BadKeys.nonBase64Character(), "base64 does not use");
    }

    @Test
    void refusesBeginAndEndLabelsThatDiffer() {
        assertRefused(BadKeys.labelsDiffer(), "'PRIVATE KEY' but the END line says 'RSA PRIVATE KEY'");
    }

    @Test
    void refusesPublicKey() {
        assertRefused(BadKeys.publicKey(), "public key");
    }

    @Test
    void refusesPkcs1PublicKey() {
        assertRefused(BadKeys.rsaPublicKey(), "public key");
    }

    @Test
    void refusesOpenSshPublicKeyLine() {
        assertRefused(BadKeys.sshPublicKey(), "OpenSSH public key");
    }

    @Test
    void refusesCertificate() {
        assertRefused(BadKeys.certificate(), "certificate");
    }

    @Test
    void refusesEncryptedKeyWithoutPassphrase() {
        assertRefused(BadKeys.encryptedWithoutPassphrase(), "passphrase");
    }

    @Test
    void refusesEncryptedKeyWithBlankPassphrase() {
        InvalidKeyException refused = assertThrows(InvalidKeyException.class, () -> parse(
                KeyPems.encryptedPkcs8(PAIR, BadKeys.PASSPHRASE), "   "));
        assertEquals(Problem.PASSPHRASE_REQUIRED, refused.problem());
    }

    @Test
    void refusesEncryptedKeyWithWrongPassphrase() {
        assertRefused(BadKeys.encryptedWithWrongPassphrase(), "passphrase does not decrypt");
    }

    @Test
    void refusesLegacyEncryptedKeyWithoutPassphrase() {
        assertRefused(BadKeys.legacyEncryptedWithoutPassphrase(), "legacy");
    }

    @Test
    void refusesLegacyEncryptedKeyWithWrongPassphrase() {
        assertRefused(BadKeys.legacyEncryptedWithWrongPassphrase(), "passphrase does not decrypt");
    }

    @Test
    void refusesEcKey() {
        assertRefused(BadKeys.ecPkcs8(), "algorithm is EC");
    }

    @Test
    void refusesEcKeyInTraditionalForm() {
        assertRefused(BadKeys.ecTraditional(), "algorithm is EC");
    }

    @Test
    void refusesDsaKey() {
        assertRefused(BadKeys.dsa(), "algorithm is DSA");
    }

    @Test
    void refusesEd25519Key() {
        assertRefused(BadKeys.ed25519(), "algorithm is Ed25519");
    }

    @Test
    void refusesRsaKeyShorterThan2048Bits() {
        assertRefused(BadKeys.rsa1024(), "1024 bits; at least 2048");
    }

    @Test
    void refusesApiKeyPastedIntoThePrivateKeyField() {
        assertRefused(BadKeys.apiKeyInPrivateKeyField(), "API key");
    }

    @Test
    void refusesTwoPrivateKeysInOnePaste() {
        assertRefused(BadKeys.twoPrivateKeys(), "2 private keys");
    }

    @Test
    void refusesOpenSshPrivateKeyAndSaysHowToConvertIt() {
        assertRefused(BadKeys.openSsh(), "ssh-keygen -p -m PKCS8");
    }

    @Test
    void refusesBinaryDerFile() {
        assertRefused(BadKeys.derBytes(), "binary");
    }

    @Test
    void refusesRandomBytes() {
        assertRefused(BadKeys.randomBytes(), "binary");
    }

    @Test
    void turnsBouncyCastleFailuresOnAWellFormedButWrongStructureIntoCorrupt() {
        assertRefused(BadKeys.pkcs8WrappingSomethingElse(), "truncated or corrupted");
    }

    @Test
    void refusesEveryBadKeyWithItsOwnProblem() {
        for (BadKey bad : BadKeys.all()) {
            InvalidKeyException refused = assertThrows(InvalidKeyException.class,
                    () -> PemKeyParser.parsePrivateKey(bad.pemSecret(), bad.passphraseSecret()), bad.name());
            assertEquals(bad.expected(), refused.problem(), bad.name() + ": " + refused.getMessage());
        }
    }

    private static RSAPrivateCrtKey parse(String pem, String passphrase) {
        return PemKeyParser.parsePrivateKey(Secret.of(pem), passphrase == null ? null : Secret.of(passphrase));
    }

    private static InvalidKeyException assertRefused(BadKey bad, String messageHint) {
        InvalidKeyException refused = assertThrows(InvalidKeyException.class,
                () -> PemKeyParser.parsePrivateKey(bad.pemSecret(), bad.passphraseSecret()));
        assertEquals(bad.expected(), refused.problem(), refused.getMessage());
        assertTrue(refused.getMessage().contains(messageHint),
                "message should contain '" + messageHint + "': " + refused.getMessage());
        return refused;
    }

    private static void assertSameKey(RSAPrivateCrtKey key) {
        RSAPrivateCrtKey original = (RSAPrivateCrtKey) PAIR.getPrivate();
        assertEquals(original.getModulus(), key.getModulus());
        assertEquals(original.getPrivateExponent(), key.getPrivateExponent());
    }

    private static void assertSignaturesVerifyWithTheOriginalPublicKey(RSAPrivateCrtKey key)
            throws GeneralSecurityException {
        byte[] data = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(PAIR.getPublic());
        verifier.update(data);
        assertTrue(verifier.verify(signature));
    }
}

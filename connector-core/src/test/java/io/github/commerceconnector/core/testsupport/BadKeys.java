package io.github.commerceconnector.core.testsupport;

import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** Every kind of wrong private key text the parser must refuse, built from real keys. */
public final class BadKeys {
    /** The passphrase of the encrypted test keys. */
    public static final String PASSPHRASE = "Pass-phrase!of*the$test#key";
    /** A passphrase that does not decrypt the test keys; no English word, so that no message contains it by chance. */
    public static final String WRONG_PASSPHRASE = "Wr0ng-Zq9x-Kv7m-Tt2p";

    static {
        SecretRegistry.value("BadKeys passphrase", PASSPHRASE);
        SecretRegistry.value("BadKeys wrong passphrase", WRONG_PASSPHRASE);
    }

    private BadKeys() {
    }

    /** All cases, each with the problem it must be refused with. */
    public static List<BadKey> all() {
        return List.of(empty(), blank(), plainText(), base64BodyOnly(), fourDashHeader(), lowerCaseArmor(),
                truncatedBody(), bodyOfOddLength(), missingEndLine(), missingBeginLine(), corruptedCharacter(),
                nonBase64Character(), labelsDiffer(), publicKey(), rsaPublicKey(), sshPublicKey(), certificate(),
                encryptedWithoutPassphrase(), encryptedWithWrongPassphrase(), legacyEncryptedWithoutPassphrase(),
                legacyEncryptedWithWrongPassphrase(), ecPkcs8(), ecTraditional(), dsa(), ed25519(), rsa1024(),
                apiKeyInPrivateKeyField(), twoPrivateKeys(), openSsh(), derBytes(), randomBytes(),
                pkcs8WrappingSomethingElse());
    }

    /** An empty string. */
    public static BadKey empty() {
        return new BadKey("empty", "", null, Problem.EMPTY);
    }

    /** Whitespace only. */
    public static BadKey blank() {
        return new BadKey("blank", " \n\t \r\n ", null, Problem.EMPTY);
    }

    /** Text without armor. */
    public static BadKey plainText() {
        return new BadKey("plain text", "my private key is in the vault, ask Joe", null, Problem.NOT_PEM);
    }

    /** The base64 body without the BEGIN and END lines. */
    public static BadKey base64BodyOnly() {
        return new BadKey("base64 body only", wrap(KeyPems.base64Body(good())), null, Problem.NOT_PEM);
    }

    /** {@code ----BEGIN PRIVATE KEY---} as Adobe's page prints it. */
    public static BadKey fourDashHeader() {
        return new BadKey("four-dash header",
                good().replace("-----BEGIN PRIVATE KEY-----", "----BEGIN PRIVATE KEY---"), null,
                Problem.MALFORMED_PEM);
    }

    /** {@code -----Begin Private Key-----}. */
    public static BadKey lowerCaseArmor() {
        return new BadKey("lower-case armor", good().replace("BEGIN PRIVATE KEY", "Begin Private Key")
                .replace("END PRIVATE KEY", "End Private Key"), null, Problem.MALFORMED_PEM);
    }

    /** The first ten lines of the body only, then the END line. */
    public static BadKey truncatedBody() {
        String body = KeyPems.base64Body(good());
        return new BadKey("truncated body", armor("PRIVATE KEY", body.substring(0, 640)), null, Problem.CORRUPT);
    }

    /** A body whose length is not a multiple of four. */
    public static BadKey bodyOfOddLength() {
        String body = KeyPems.base64Body(good());
        return new BadKey("body of odd length", armor("PRIVATE KEY", body.substring(0, body.length() - 7)), null,
                Problem.CORRUPT);
    }

    /** The key cut off before its END line. */
    public static BadKey missingEndLine() {
        String pem = good();
        return new BadKey("missing END line", pem.substring(0, pem.length() * 2 / 3), null, Problem.MALFORMED_PEM);
    }

    /** The key without its BEGIN line. */
    public static BadKey missingBeginLine() {
        String pem = good();
        return new BadKey("missing BEGIN line", pem.substring(pem.indexOf('\n') + 1), null, Problem.MALFORMED_PEM);
    }

    /** One base64 character changed in the middle of the modulus. */
    public static BadKey corruptedCharacter() {
        String body = KeyPems.base64Body(good());
        int at = 200;
        char replacement = body.charAt(at) == 'A' ? 'B' : 'A';
        String corrupted = body.substring(0, at) + replacement + body.substring(at + 1);
        return new BadKey("corrupted character", armor("PRIVATE KEY", corrupted), null, Problem.CORRUPT);
    }

    /** A character base64 does not use, in the body. */
    public static BadKey nonBase64Character() {
        String body = KeyPems.base64Body(good());
        return new BadKey("non-base64 character", armor("PRIVATE KEY", body.substring(0, 300) + "*"
                + body.substring(301)), null, Problem.CORRUPT);
    }

    /** BEGIN PRIVATE KEY ... END RSA PRIVATE KEY. */
    public static BadKey labelsDiffer() {
        return new BadKey("labels differ", good().replace("-----END PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----"),
                null, Problem.MALFORMED_PEM);
    }

    /** {@code -----BEGIN PUBLIC KEY-----}. */
    public static BadKey publicKey() {
        return new BadKey("public key", KeyPems.publicKey(KeyPems.rsa()), null, Problem.PUBLIC_KEY);
    }

    /** {@code -----BEGIN RSA PUBLIC KEY-----}. */
    public static BadKey rsaPublicKey() {
        return new BadKey("RSA public key", KeyPems.rsaPublicKey(KeyPems.rsa()), null, Problem.PUBLIC_KEY);
    }

    /** An OpenSSH public key line ({@code ssh-rsa AAAA... comment}). */
    public static BadKey sshPublicKey() {
        return new BadKey("OpenSSH public key", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7"
                + KeyPems.base64Body(KeyPems.publicKey(KeyPems.rsa())).substring(40, 300) + " user@host", null,
                Problem.PUBLIC_KEY);
    }

    /** {@code -----BEGIN CERTIFICATE-----}. */
    public static BadKey certificate() {
        return new BadKey("certificate", KeyPems.certificate(KeyPems.rsa()), null, Problem.CERTIFICATE);
    }

    /** An encrypted PKCS#8 key without its passphrase. */
    public static BadKey encryptedWithoutPassphrase() {
        return new BadKey("encrypted without passphrase", KeyPems.encryptedPkcs8(KeyPems.rsa(), PASSPHRASE), null,
                Problem.PASSPHRASE_REQUIRED);
    }

    /** An encrypted PKCS#8 key with a wrong passphrase. */
    public static BadKey encryptedWithWrongPassphrase() {
        return new BadKey("encrypted with wrong passphrase", KeyPems.encryptedPkcs8(KeyPems.rsa(), PASSPHRASE),
                WRONG_PASSPHRASE, Problem.WRONG_PASSPHRASE);
    }

    /** A legacy {@code Proc-Type: 4,ENCRYPTED} key without its passphrase. */
    public static BadKey legacyEncryptedWithoutPassphrase() {
        return new BadKey("legacy encrypted without passphrase", KeyPems.legacyEncrypted(KeyPems.rsa(), PASSPHRASE),
                null, Problem.PASSPHRASE_REQUIRED);
    }

    /** A legacy {@code Proc-Type: 4,ENCRYPTED} key with a wrong passphrase. */
    public static BadKey legacyEncryptedWithWrongPassphrase() {
        return new BadKey("legacy encrypted with wrong passphrase",
                KeyPems.legacyEncrypted(KeyPems.rsa(), PASSPHRASE), WRONG_PASSPHRASE,
                Problem.WRONG_PASSPHRASE);
    }

    /** An EC key in PKCS#8. */
    public static BadKey ecPkcs8() {
        return new BadKey("EC key (PKCS#8)", KeyPems.pkcs8(KeyPems.generate("EC", 256)), null, Problem.NOT_RSA);
    }

    /** An EC key in OpenSSL's traditional form ({@code BEGIN EC PRIVATE KEY}). */
    public static BadKey ecTraditional() {
        return new BadKey("EC key (traditional)", KeyPems.traditional(KeyPems.generate("EC", 256).getPrivate()), null,
                Problem.NOT_RSA);
    }

    /** A DSA key in PKCS#8. */
    public static BadKey dsa() {
        return new BadKey("DSA key", KeyPems.pkcs8(KeyPems.generate("DSA", 2048)), null, Problem.NOT_RSA);
    }

    /** An Ed25519 key in PKCS#8. */
    public static BadKey ed25519() {
        return new BadKey("Ed25519 key", KeyPems.pkcs8(KeyPems.generate("Ed25519", 0)), null, Problem.NOT_RSA);
    }

    /** An RSA key of 1024 bits. */
    public static BadKey rsa1024() {
        return new BadKey("RSA 1024", KeyPems.pkcs8(KeyPems.generate("RSA", 1024)), null, Problem.TOO_SHORT);
    }

    /** The public API key id pasted where the private key belongs. */
    public static BadKey apiKeyInPrivateKeyField() {
        return new BadKey("API key in the private key field", "3f9a2c7e41b84d0f9e6a5b2c1d7e8f90", null,
                Problem.NOT_PEM);
    }

    /** Two private keys in one paste. */
    public static BadKey twoPrivateKeys() {
        return new BadKey("two private keys", good() + "\n" + KeyPems.pkcs8(KeyPems.rsa(1)), null,
                Problem.MULTIPLE_KEYS);
    }

    /** {@code -----BEGIN OPENSSH PRIVATE KEY-----}. */
    public static BadKey openSsh() {
        return new BadKey("OpenSSH private key", KeyPems.openSsh(), null, Problem.UNSUPPORTED_FORMAT);
    }

    /** A DER key file read as text. */
    public static BadKey derBytes() {
        return new BadKey("DER bytes", new String(KeyPems.rsa().getPrivate().getEncoded(), StandardCharsets.ISO_8859_1),
                null, Problem.NOT_PEM);
    }

    /** Random bytes read as UTF-8. */
    public static BadKey randomBytes() {
        byte[] bytes = new byte[1200];
        new Random(42).nextBytes(bytes);
        return new BadKey("random bytes", new String(bytes, StandardCharsets.UTF_8), null, Problem.NOT_PEM);
    }

    /** Well-formed PKCS#8 that says RSA but wraps something that is not an RSA key. */
    public static BadKey pkcs8WrappingSomethingElse() {
        try {
            PrivateKeyInfo info = new PrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    new ASN1Integer(12345));
            String pem = armor("PRIVATE KEY", Base64.getEncoder().encodeToString(info.getEncoded()));
            return new BadKey("PKCS#8 wrapping something else", pem, null, Problem.CORRUPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String good() {
        return KeyPems.pkcs8(KeyPems.rsa());
    }

    private static String armor(String label, String body) {
        return "-----BEGIN " + label + "-----\n" + wrap(body) + "-----END " + label + "-----\n";
    }

    private static String wrap(String body) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < body.length(); i += 64) {
            text.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return text.toString();
    }
}

package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import io.github.commerceconnector.core.testsupport.BadKey;
import io.github.commerceconnector.core.testsupport.BadKeys;
import io.github.commerceconnector.core.testsupport.KeyPems;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The malformed private keys of the reliability suite: every case of {@link BadKeys} plus what else users paste
 * (a PuTTY key, keys of two algorithms, a JWK, a CSR, other algorithms, six dashes, a NUL byte, an empty body, a
 * two-megabyte paste), each with the problem it must be refused with; and the damaged-but-repairable forms the
 * parser documents it accepts.
 */
final class MoreBadKeys {

    private static List<BadKey> refused;

    private MoreBadKeys() {
    }

    /** Every refused case, 30 and more; made once (some keys are slow to generate). */
    static synchronized List<BadKey> refused() {
        if (refused == null) {
            refused = List.copyOf(make());
        }
        return refused;
    }

    private static List<BadKey> make() {
        List<BadKey> all = new ArrayList<>(BadKeys.all());
        String good = KeyPems.pkcs8(KeyPems.rsa());
        String body = KeyPems.base64Body(good);
        all.add(new BadKey("PuTTY key", "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key\n"
                + "Public-Lines: 6\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ\nPrivate-Lines: 14\n" + body.substring(0, 200)
                + "\nPrivate-MAC: 3f2a9c\n", null, Problem.UNSUPPORTED_FORMAT));
        all.add(new BadKey("RSA key and EC key pasted together", good + KeyPems.pkcs8(KeyPems.generate("EC", 256)),
                null, Problem.MULTIPLE_KEYS));
        all.add(new BadKey("RSA key and traditional EC key pasted together",
                good + KeyPems.traditional(KeyPems.generate("EC", 256).getPrivate()), null, Problem.MULTIPLE_KEYS));
        all.add(new BadKey("JWK pasted", jwk(KeyPems.rsa()), null, Problem.NOT_PEM));
        all.add(new BadKey("certificate signing request", "-----BEGIN CERTIFICATE REQUEST-----\n" + wrap(body)
                + "-----END CERTIFICATE REQUEST-----\n", null, Problem.CERTIFICATE));
        all.add(new BadKey("X25519 key", KeyPems.pkcs8(KeyPems.generate("X25519", 0)), null, Problem.NOT_RSA));
        all.add(new BadKey("Ed448 key", KeyPems.pkcs8(KeyPems.generate("Ed448", 0)), null, Problem.NOT_RSA));
        all.add(new BadKey("RSASSA-PSS key", KeyPems.pkcs8(KeyPems.generate("RSASSA-PSS", 2048)), null,
                Problem.NOT_RSA));
        all.add(new BadKey("six-dash armor", good.replace("-----BEGIN PRIVATE KEY-----",
                "------BEGIN PRIVATE KEY------"), null, Problem.MALFORMED_PEM));
        all.add(new BadKey("NUL byte in the body", good.replace(body.substring(100, 101),
                body.charAt(100) + "\u0000"), null, Problem.NOT_PEM));
        all.add(new BadKey("empty body", "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n", null,
                Problem.CORRUPT));
        all.add(new BadKey("two megabytes between the armor lines", "-----BEGIN PRIVATE KEY-----\n"
                + wrap(body.repeat(2 * 1024 * 1024 / body.length())) + "-----END PRIVATE KEY-----\n", null,
                Problem.CORRUPT));
        all.add(new BadKey("encrypted key with an empty passphrase", KeyPems.encryptedPkcs8(KeyPems.rsa(),
                BadKeys.PASSPHRASE), "", Problem.PASSPHRASE_REQUIRED));
        return all;
    }

    /** Damage the parser documents it repairs: the key comes out whole. */
    static List<BadKey> repaired() {
        String good = KeyPems.pkcs8(KeyPems.rsa());
        String body = KeyPems.base64Body(good);
        return List.of(
                new BadKey("byte-order mark", "\uFEFF" + good, null, Problem.EMPTY),
                new BadKey("literal \\n from an environment variable", good.replace("\n", "\\n"), null, Problem.EMPTY),
                new BadKey("indented lines", good.replace("\n", "\n    "), null, Problem.EMPTY),
                new BadKey("Windows line endings", good.replace("\n", "\r\n"), null, Problem.EMPTY),
                new BadKey("newlines flattened to spaces", good.replace("\n", " "), null, Problem.EMPTY),
                new BadKey("whole body on one line", "-----BEGIN PRIVATE KEY-----\n" + body
                        + "\n-----END PRIVATE KEY-----\n", null, Problem.EMPTY),
                new BadKey("surrounding quotes", "\"" + good + "\"", null, Problem.EMPTY),
                new BadKey("certificate before the key", KeyPems.certificate(KeyPems.rsa()) + good, null,
                        Problem.EMPTY),
                new BadKey("public key after the key", good + KeyPems.publicKey(KeyPems.rsa()), null, Problem.EMPTY),
                new BadKey("PKCS#1 form", KeyPems.traditional(KeyPems.rsa().getPrivate()), null, Problem.EMPTY),
                new BadKey("encrypted with its passphrase", KeyPems.encryptedPkcs8(KeyPems.rsa(), BadKeys.PASSPHRASE),
                        BadKeys.PASSPHRASE, Problem.EMPTY));
    }

    /** A private key as a JSON Web Key, as some tools export it. */
    private static String jwk(KeyPair pair) {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"n\":\"" + url.encodeToString(key.getModulus().toByteArray()) + "\",\"e\":\"AQAB\","
                + "\"d\":\"" + url.encodeToString(key.getPrivateExponent().toByteArray()) + "\",\"p\":\""
                + url.encodeToString(key.getPrimeP().toByteArray()) + "\"}";
    }

    private static String wrap(String body) {
        StringBuilder text = new StringBuilder(body.length() + body.length() / 64 + 1);
        for (int i = 0; i < body.length(); i += 64) {
            text.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return text.toString();
    }
}

package io.github.commerceconnector.testkit.internal.keys;

import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads and checks the private key of {@code ServiceCredentials} for the fake credential store:
 * PKCS#8, PKCS#1, encrypted PKCS#8 and legacy encrypted PKCS#1 PEM, RSA of at least 2048 bits.
 * Anything else is an {@link InvalidKeyException} naming the problem, never echoing the key. Uses a
 * BouncyCastle provider instance that is never registered globally.
 */
public final class PrivateKeyReader {
    /** The minimum RSA modulus length. */
    public static final int MIN_BITS = 2048;

    private static final Provider BC = new BouncyCastleProvider();
    private static final Set<String> PRIVATE_LABELS = Set.of("PRIVATE KEY", "RSA PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY");
    private static final Set<String> PUBLIC_LABELS = Set.of("PUBLIC KEY", "RSA PUBLIC KEY");
    private static final Set<String> CERTIFICATE_LABELS = Set.of("CERTIFICATE", "X509 CERTIFICATE",
            "TRUSTED CERTIFICATE");

    private PrivateKeyReader() {
    }

    /**
     * Parses and checks a PEM private key.
     *
     * @param pem        the PEM text
     * @param passphrase the passphrase of an encrypted key, or {@code null}
     * @return the RSA private key
     * @throws InvalidKeyException naming what is wrong and what would be right
     */
    public static RSAPrivateKey read(Secret pem, Secret passphrase) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidKeyException(Problem.EMPTY, "The private key is empty: paste the whole PEM block, "
                    + "from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.");
        }
        String text = PemText.normalize(pem.reveal());
        List<PemText.Block> blocks = PemText.blocks(text);
        if (blocks.isEmpty()) {
            throw noBlock(text);
        }
        List<PemText.Block> privateBlocks = blocks.stream().filter(b -> PRIVATE_LABELS.contains(b.label())).toList();
        if (privateBlocks.size() > 1) {
            throw new InvalidKeyException(Problem.MULTIPLE_KEYS, "The text holds " + privateBlocks.size()
                    + " private keys: paste exactly one, the private key of this environment's key pair.");
        }
        if (privateBlocks.isEmpty()) {
            throw notAPrivateKey(blocks);
        }
        PemText.Block block = privateBlocks.get(0);
        return checkRsa(toPrivateKey(block, passphrase));
    }

    private static InvalidKeyException noBlock(String text) {
        if (PemText.mentionsBegin(text)) {
            return new InvalidKeyException(Problem.MALFORMED_PEM, "The private key's PEM armor is malformed: it "
                    + "needs a -----BEGIN PRIVATE KEY----- line and a matching -----END PRIVATE KEY----- line, "
                    + "five dashes each, with the same label.");
        }
        return new InvalidKeyException(Problem.NOT_PEM, "The private key is not a PEM block: no -----BEGIN ...----- "
                + "line was found. Paste the whole key, including its BEGIN and END lines.");
    }

    private static InvalidKeyException notAPrivateKey(List<PemText.Block> blocks) {
        for (PemText.Block block : blocks) {
            if (PUBLIC_LABELS.contains(block.label())) {
                return new InvalidKeyException(Problem.PUBLIC_KEY, "This is a public key (" + block.label()
                        + "): the private key belongs here, the PEM block starting -----BEGIN PRIVATE KEY-----.");
            }
        }
        for (PemText.Block block : blocks) {
            if (CERTIFICATE_LABELS.contains(block.label())) {
                return new InvalidKeyException(Problem.CERTIFICATE, "This is a certificate: the private key belongs "
                        + "here, the PEM block starting -----BEGIN PRIVATE KEY-----.");
            }
        }
        return new InvalidKeyException(Problem.UNSUPPORTED_FORMAT, "A PEM block labelled " + blocks.get(0).label()
                + " is not a private key: give a PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1 (BEGIN RSA PRIVATE KEY) key.");
    }

    private static PrivateKey toPrivateKey(PemText.Block block, Secret passphrase) {
        if (block.label().equals("OPENSSH PRIVATE KEY")) {
            throw new InvalidKeyException(Problem.UNSUPPORTED_FORMAT, "This is an OpenSSH private key: convert it "
                    + "to PKCS#8 with 'ssh-keygen -p -m PKCS8 -f <file>' and paste the result.");
        }
        if (block.label().equals("EC PRIVATE KEY") || block.label().equals("DSA PRIVATE KEY")) {
            throw notRsa(block.label().substring(0, block.label().indexOf(' ')));
        }
        if (!block.decodes()) {
            throw corrupt();
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(block.canonical()))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException unreadable) {
            throw corrupt();
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
        try {
            if (parsed instanceof PrivateKeyInfo) {
                return converter.getPrivateKey((PrivateKeyInfo) parsed);
            }
            if (parsed instanceof PEMKeyPair) {
                return converter.getKeyPair((PEMKeyPair) parsed).getPrivate();
            }
            if (parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
                char[] password = requirePassphrase(passphrase);
                return converter.getPrivateKey(decrypt((PKCS8EncryptedPrivateKeyInfo) parsed, password));
            }
            if (parsed instanceof PEMEncryptedKeyPair) {
                char[] password = requirePassphrase(passphrase);
                return converter.getKeyPair(decrypt((PEMEncryptedKeyPair) parsed, password)).getPrivate();
            }
        } catch (IOException | RuntimeException unusable) {
            if (unusable instanceof InvalidKeyException) {
                throw (InvalidKeyException) unusable;
            }
            throw corrupt();
        }
        throw corrupt();
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo info, char[] password) {
        try {
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                    .build(password);
            return info.decryptPrivateKeyInfo(decryptor);
        } catch (OperatorCreationException | PKCSException | RuntimeException wrongPassphrase) {
            throw wrongPassphrase();
        }
    }

    private static PEMKeyPair decrypt(PEMEncryptedKeyPair pair, char[] password) {
        try {
            return pair.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password));
        } catch (IOException | RuntimeException wrongPassphrase) {
            throw wrongPassphrase();
        }
    }

    private static char[] requirePassphrase(Secret passphrase) {
        if (passphrase == null || passphrase.isBlank()) {
            throw new InvalidKeyException(Problem.PASSPHRASE_REQUIRED, "The private key is encrypted: give its "
                    + "passphrase too (ServiceCredentials.of(environment, apiKey, privateKeyPem, passphrase)).");
        }
        return passphrase.reveal().toCharArray();
    }

    private static RSAPrivateKey checkRsa(PrivateKey key) {
        if (!(key instanceof RSAPrivateKey)) {
            throw notRsa(key.getAlgorithm());
        }
        RSAPrivateKey rsa = (RSAPrivateKey) key;
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw new InvalidKeyException(Problem.TOO_SHORT, "The RSA key has " + bits + " bits: Commerce Services "
                    + "keys need at least " + MIN_BITS + ". Generate a new key pair on the Commerce Services "
                    + "Connector page.");
        }
        return rsa;
    }

    private static InvalidKeyException notRsa(String algorithm) {
        return new InvalidKeyException(Problem.NOT_RSA, "The private key is " + algorithm + ", not RSA: Commerce "
                + "Services signs with RS256, which needs an RSA key of at least " + MIN_BITS + " bits.");
    }

    private static InvalidKeyException wrongPassphrase() {
        return new InvalidKeyException(Problem.WRONG_PASSPHRASE, "The passphrase does not decrypt the private key: "
                + "check the passphrase, or give the key unencrypted.");
    }

    private static InvalidKeyException corrupt() {
        return new InvalidKeyException(Problem.CORRUPT, "The private key's base64 body is truncated or corrupted: "
                + "paste the whole key again, every line between BEGIN and END.");
    }
}

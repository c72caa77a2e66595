package io.github.commerceconnector.core.internal.keys;

import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the RSA private key that signs the gateway's JWTs from PEM text: PKCS#8
 * ({@code BEGIN PRIVATE KEY}, what Adobe's portal hands out), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}),
 * encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}) and legacy OpenSSL encryption
 * ({@code Proc-Type: 4,ENCRYPTED}) with a passphrase. Text damaged by copying or by environment
 * variables is repaired first (see {@link PemText}).
 *
 * <p>Everything else is refused with an {@link InvalidKeyException} whose {@link Problem} and message
 * say what is wrong and what would be right; no message ever contains any part of the key, and no
 * message of BouncyCastle or the JDK is passed on. BouncyCastle is used through a private provider
 * instance; it is never registered globally. Thread-safe and stateless.
 */
public final class PemKeyParser {
    /** The shortest RSA modulus accepted, in bits. */
    public static final int MINIMUM_BITS = 2048;

    private static final Logger LOG = LoggerFactory.getLogger(PemKeyParser.class);

    private PemKeyParser() {
    }

    /**
     * Parses and checks a PEM private key.
     *
     * @param pem              the PEM text
     * @param passphraseOrNull the passphrase of an encrypted key; {@code null} or blank for none (it is
     *                         ignored when the key is not encrypted)
     * @return the key; always an {@link RSAPrivateCrtKey} of at least {@value #MINIMUM_BITS} bits
     * @throws InvalidKeyException naming what is wrong and how to fix it
     */
    public static RSAPrivateCrtKey parsePrivateKey(Secret pem, Secret passphraseOrNull) {
        if (pem == null) {
            return parse(null, passphraseOrNull);
        }
        return parse(pem.reveal(), passphraseOrNull);
    }

    /**
     * The public half of a private key, for verifying signatures made with it.
     *
     * @throws IllegalArgumentException if the key's numbers do not form an RSA public key
     */
    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The private key's modulus and public exponent do not form an RSA "
                    + "public key (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static RSAPrivateCrtKey parse(String text, Secret passphrase) {
        try {
            PemBlock block = privateKeyBlock(PemText.blocks(text));
            PrivateKeyInfo info = decode(block, passphrase);
            RSAPrivateCrtKey key = toRsaKey(info);
            checkConsistent(key);
            checkLength(key);
            return key;
        } catch (InvalidKeyException e) {
            LOG.debug("Private key refused: {}", e.problem());
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("Private key refused after an unexpected {}", e.getClass().getName());
            throw corrupt();
        }
    }

    private static PemBlock privateKeyBlock(List<PemBlock> blocks) {
        List<PemBlock> privateBlocks = blocks.stream().filter(block -> PemLabels.isPrivate(block.label())).toList();
        if (privateBlocks.size() > 1) {
            throw new InvalidKeyException(Problem.MULTIPLE_KEYS, "The text holds " + privateBlocks.size()
                    + " private keys: give exactly one, the private key that belongs to this environment's API key.");
        }
        if (privateBlocks.isEmpty()) {
            throw noPrivateKey(blocks);
        }
        PemBlock block = privateBlocks.get(0);
        if (PemLabels.OPENSSH.equals(block.label())) {
            throw new InvalidKeyException(Problem.UNSUPPORTED_FORMAT, "This is an OpenSSH-format private key "
                    + "(-----BEGIN OPENSSH PRIVATE KEY-----), which is not supported. Convert a copy to PKCS#8 with "
                    + "'ssh-keygen -p -m PKCS8 -f <copy of the key file>' and give the result, which starts with "
                    + "-----BEGIN PRIVATE KEY----- (or -----BEGIN RSA PRIVATE KEY-----).");
        }
        if (PemLabels.OTHER_ALGORITHM_PRIVATE.contains(block.label())) {
            throw notRsa(block.label().startsWith("EC") ? "EC" : "DSA");
        }
        return block;
    }

    private static InvalidKeyException noPrivateKey(List<PemBlock> blocks) {
        if (blocks.stream().anyMatch(block -> PemLabels.PUBLIC.contains(block.label()))) {
            return new InvalidKeyException(Problem.PUBLIC_KEY, "This is a public key (-----BEGIN PUBLIC KEY----- "
                    + "or -----BEGIN RSA PUBLIC KEY-----), not the private key. Give the private key of the pair, "
                    + "which starts with -----BEGIN PRIVATE KEY-----.");
        }
        if (blocks.stream().anyMatch(block -> PemLabels.CERTIFICATE.contains(block.label()))) {
            return new InvalidKeyException(Problem.CERTIFICATE, "This is a certificate (-----BEGIN CERTIFICATE-----), "
                    + "not a private key. Give the private key, which starts with -----BEGIN PRIVATE KEY-----.");
        }
        return new InvalidKeyException(Problem.UNSUPPORTED_FORMAT, "The text holds no private key: its PEM block is "
                + PemText.describeBlock(blocks.get(0).label()).replace("the ", "a ")
                + ". Give the private key, which starts with -----BEGIN PRIVATE KEY-----.");
    }

    private static PrivateKeyInfo decode(PemBlock block, Secret passphrase) {
        Base64Body.check(block);
        Object object = readObject(block);
        if (object instanceof PrivateKeyInfo info) {
            return info;
        }
        if (object instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            return decryptPkcs8(encrypted, requirePassphrase(passphrase, "an encrypted PKCS#8"));
        }
        if (object instanceof PEMEncryptedKeyPair encrypted) {
            return decryptLegacy(encrypted, requirePassphrase(passphrase, "a legacy OpenSSL-encrypted"));
        }
        LOG.debug("PEM block decoded to an unexpected {}", object == null ? "null" : object.getClass().getName());
        throw corrupt();
    }

    private static Object readObject(PemBlock block) {
        try (PEMParser parser = new PEMParser(new StringReader(block.canonicalText()))) {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            LOG.debug("PEM block could not be decoded: {}", e.getClass().getName());
            throw corrupt();
        }
    }

    private static char[] requirePassphrase(Secret passphrase, String kind) {
        if (passphrase == null || passphrase.isBlank()) {
            throw new InvalidKeyException(Problem.PASSPHRASE_REQUIRED, "The private key is " + kind + " key and no "
                    + "passphrase was given: give its passphrase too, or store a copy without encryption made with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in encrypted.pem -out key.pem'.");
        }
        return passphrase.reveal().toCharArray();
    }

    private static PrivateKeyInfo decryptPkcs8(PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase) {
        try {
            return encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(passphrase));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            LOG.debug("Encrypted PKCS#8 key not decrypted: {}", e.getClass().getName());
            throw wrongPassphrase();
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static PrivateKeyInfo decryptLegacy(PEMEncryptedKeyPair encrypted, char[] passphrase) {
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER)
                    .build(passphrase)).getPrivateKeyInfo();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Legacy encrypted key not decrypted: {}", e.getClass().getName());
            throw wrongPassphrase();
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static RSAPrivateCrtKey toRsaKey(PrivateKeyInfo info) {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            throw notRsa(algorithmName(algorithm));
        }
        PrivateKey key;
        try {
            key = new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPrivateKey(info);
        } catch (IOException e) {
            LOG.debug("RSA key structure refused: {}", e.getClass().getName());
            throw corrupt();
        }
        if (key instanceof RSAPrivateCrtKey crtKey) {
            return crtKey;
        }
        throw new InvalidKeyException(Problem.UNSUPPORTED_FORMAT, "The RSA private key lacks its CRT parameters "
                + "(primes and exponents), which every standard RSA key file holds: export the key again as PKCS#8, "
                + "-----BEGIN PRIVATE KEY-----.");
    }

    private static String algorithmName(ASN1ObjectIdentifier algorithm) {
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            return "EC";
        }
        if (X9ObjectIdentifiers.id_dsa.equals(algorithm)) {
            return "DSA";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            return "Ed25519";
        }
        if (EdECObjectIdentifiers.id_Ed448.equals(algorithm)) {
            return "Ed448";
        }
        if (EdECObjectIdentifiers.id_X25519.equals(algorithm) || EdECObjectIdentifiers.id_X448.equals(algorithm)) {
            return "X25519/X448";
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm)) {
            return "RSASSA-PSS (an RSA key restricted to PSS signatures)";
        }
        return "not RSA (object identifier " + algorithm.getId() + ")";
    }

    /** A corruption in the middle of the base64 can still decode; the RSA numbers then disagree. */
    private static void checkConsistent(RSAPrivateCrtKey key) {
        BigInteger p = key.getPrimeP();
        BigInteger q = key.getPrimeQ();
        BigInteger e = key.getPublicExponent();
        boolean consistent = p.signum() > 0 && q.signum() > 0 && e.signum() > 0
                && p.multiply(q).equals(key.getModulus())
                && e.multiply(key.getPrimeExponentP()).mod(p.subtract(BigInteger.ONE)).equals(BigInteger.ONE)
                && e.multiply(key.getPrimeExponentQ()).mod(q.subtract(BigInteger.ONE)).equals(BigInteger.ONE)
                && key.getCrtCoefficient().multiply(q).mod(p).equals(BigInteger.ONE);
        if (!consistent) {
            throw corrupt();
        }
    }

    private static void checkLength(RSAPrivateCrtKey key) {
        int bits = key.getModulus().bitLength();
        if (bits < MINIMUM_BITS) {
            throw new InvalidKeyException(Problem.TOO_SHORT, "The RSA private key has " + bits + " bits; at least "
                    + MINIMUM_BITS + " are required. Generate a new key pair on the Commerce Services Connector page "
                    + "(or with 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048') and register its "
                    + "public key.");
        }
    }

    private static InvalidKeyException notRsa(String algorithm) {
        return new InvalidKeyException(Problem.NOT_RSA, "The private key's algorithm is " + algorithm + "; the gateway's "
                + "signatures (RS256) need an RSA key of at least " + MINIMUM_BITS + " bits. Use the RSA key pair "
                + "generated on the Commerce Services Connector page, which starts with -----BEGIN PRIVATE KEY-----.");
    }

    private static InvalidKeyException wrongPassphrase() {
        return new InvalidKeyException(Problem.WRONG_PASSPHRASE, "The passphrase does not decrypt the private key "
                + "(or the encrypted key is damaged). Check the passphrase; 'openssl pkey -in key.pem -noout' asks "
                + "for it and tells whether it is right.");
    }

    static InvalidKeyException corrupt() {
        return new InvalidKeyException(Problem.CORRUPT, "The private key's base64 body is truncated or corrupted: "
                + "its data does not decode to a whole, consistent private key. Copy the whole key again from the "
                + "original file, from the -----BEGIN line to the -----END line, without editing it.");
    }

    /** Holds the private BouncyCastle provider instance, created on first use and never registered globally. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}

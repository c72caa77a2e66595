package io.github.commerceconnector.core.testsupport;

import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Real keys for tests, generated with the JDK and written in every PEM form with BouncyCastle.
 * RSA key pairs are generated once per JVM and shared, because 2048-bit generation is slow.
 */
public final class KeyPems {
    private static final Provider BC = new BouncyCastleProvider();
    private static final List<KeyPair> RSA_2048 = new ArrayList<>();

    private KeyPems() {
    }

    /** The {@code index}-th shared RSA 2048 key pair (0, 1, 2, ...), generated on first use. */
    public static synchronized KeyPair rsa(int index) {
        while (RSA_2048.size() <= index) {
            RSA_2048.add(generate("RSA", 2048));
        }
        return RSA_2048.get(index);
    }

    /** The first shared RSA 2048 key pair. */
    public static KeyPair rsa() {
        return rsa(0);
    }

    /** A new key pair of any JDK algorithm ({@code RSA}, {@code EC}, {@code DSA}, {@code Ed25519}). */
    public static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                generator.initialize(bits);
            }
            KeyPair pair = generator.generateKeyPair();
            SecretRegistry.keyPair("KeyPems " + algorithm + " key", pair);
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8), what Adobe's portal hands out. */
    public static String pkcs8(KeyPair pair) {
        return pkcs8(pair.getPrivate());
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8) of any private key. */
    public static String pkcs8(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenSSL's traditional form: {@code -----BEGIN RSA PRIVATE KEY-----} for RSA (PKCS#1), {@code EC PRIVATE KEY}... */
    public static String traditional(PrivateKey key) {
        return write(key);
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PKCS#8 encrypted with AES-256-CBC under a passphrase. */
    public static String encryptedPkcs8(KeyPair pair, String passphrase) {
        try {
            String pem = write(new JcaPKCS8Generator(pair.getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC)
                            .setPassword(passphrase.toCharArray()).build()).generate());
            SecretRegistry.pem("KeyPems encrypted PKCS#8 key", pem);
            SecretRegistry.value("KeyPems passphrase", passphrase);
            return pem;
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -----BEGIN RSA PRIVATE KEY-----} with {@code Proc-Type: 4,ENCRYPTED} (legacy OpenSSL encryption). */
    public static String legacyEncrypted(KeyPair pair, String passphrase) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pair.getPrivate(),
                    new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(passphrase.toCharArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecretRegistry.pem("KeyPems legacy encrypted key", text.toString());
        SecretRegistry.value("KeyPems passphrase", passphrase);
        return text.toString();
    }

    /** {@code -----BEGIN PUBLIC KEY-----} (X.509 SubjectPublicKeyInfo). */
    public static String publicKey(KeyPair pair) {
        return write(pair.getPublic());
    }

    /** {@code -----BEGIN RSA PUBLIC KEY-----} (PKCS#1). */
    public static String rsaPublicKey(KeyPair pair) {
        try {
            byte[] pkcs1 = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).parsePublicKey().getEncoded();
            return write(new PemObject("RSA PUBLIC KEY", pkcs1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code -----BEGIN CERTIFICATE-----}: a self-signed certificate of the key pair. */
    public static String certificate(KeyPair pair) {
        try {
            X500Name name = new X500Name("CN=connector test");
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
                    Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            return write(holder);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -----BEGIN OPENSSH PRIVATE KEY-----}: an Ed25519 key in OpenSSH's own format. */
    public static String openSsh() {
        try {
            byte[] encoded = OpenSSHPrivateKeyUtil.encodePrivateKey(
                    new Ed25519PrivateKeyParameters(new SecureRandom()));
            String pem = write(new PemObject("OPENSSH PRIVATE KEY", encoded));
            SecretRegistry.pem("KeyPems OpenSSH key", pem);
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 body of a PEM text: every line but armor lines (starting with a dash) and headers, joined. */
    public static String base64Body(String pem) {
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("-") && !trimmed.contains(":") && !trimmed.isEmpty()) {
                body.append(trimmed);
            }
        }
        return body.toString();
    }

    private static String write(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

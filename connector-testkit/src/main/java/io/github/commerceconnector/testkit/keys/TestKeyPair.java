package io.github.commerceconnector.testkit.keys;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.internal.keys.PemText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An RSA key pair for tests, with the PEM forms users paste: PKCS#8 ({@code BEGIN PRIVATE KEY}, what
 * Adobe's portal hands out), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), encrypted PKCS#8, the public key
 * and a self-signed certificate. {@link #toString()} never shows key material. Immutable.
 */
public final class TestKeyPair {
    private static final Provider BC = new BouncyCastleProvider();

    private final KeyPair keyPair;

    private TestKeyPair(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /**
     * Wraps an existing RSA key pair.
     *
     * @throws IllegalArgumentException if it is not RSA
     */
    public static TestKeyPair of(KeyPair keyPair) {
        Objects.requireNonNull(keyPair, "keyPair");
        if (!(keyPair.getPrivate() instanceof RSAPrivateKey) || !(keyPair.getPublic() instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("A TestKeyPair holds RSA keys; this pair is "
                    + keyPair.getPrivate().getAlgorithm());
        }
        return new TestKeyPair(keyPair);
    }

    /** The JDK key pair. */
    public KeyPair keyPair() {
        return keyPair;
    }

    /** The private key. */
    public RSAPrivateKey privateKey() {
        return (RSAPrivateKey) keyPair.getPrivate();
    }

    /** The public key, which a fake account registers. */
    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    /** The modulus length in bits. */
    public int bits() {
        return publicKey().getModulus().bitLength();
    }

    /** The private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public String pkcs8Pem() {
        return PemText.encode("PRIVATE KEY", privateKey().getEncoded());
    }

    /** The private key as PKCS#1 PEM ({@code -----BEGIN RSA PRIVATE KEY-----}). */
    public String pkcs1Pem() {
        return write(privateKey());
    }

    /** The private key as encrypted PKCS#8 PEM ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}, AES-256-CBC). */
    public String encryptedPkcs8Pem(String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("Give a non-empty passphrase to encrypt the key with");
        }
        try {
            JceOpenSSLPKCS8EncryptorBuilder encryptor =
                    new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                            .setProvider(BC).setRandom(new SecureRandom()).setPassword(passphrase.toCharArray());
            return write(new JcaPKCS8Generator(privateKey(), encryptor.build()));
        } catch (OperatorCreationException | IOException failed) {
            throw new IllegalStateException("Encrypting the test key failed: " + failed.getClass().getSimpleName());
        }
    }

    /** The public key as X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public String publicKeyPem() {
        return PemText.encode("PUBLIC KEY", publicKey().getEncoded());
    }

    /** A self-signed certificate for the public key, as PEM ({@code -----BEGIN CERTIFICATE-----}). */
    public String certificatePem() {
        try {
            X500Name name = new X500Name("CN=connector-testkit");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(1))),
                    Date.from(now.plus(Duration.ofDays(1))), name, publicKey());
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC)
                    .build(privateKey())).getEncoded();
            return PemText.encode("CERTIFICATE", der);
        } catch (OperatorCreationException | IOException failed) {
            throw new IllegalStateException("Making the test certificate failed: " + failed.getClass().getSimpleName());
        }
    }

    /** Credentials with this pair's PKCS#8 private key. */
    public ServiceCredentials credentials(Environment environment, ApiKey apiKey) {
        return new ServiceCredentials(environment, apiKey, Secret.of(pkcs8Pem()), null);
    }

    /** Credentials with this pair's private key encrypted under {@code passphrase}. */
    public ServiceCredentials encryptedCredentials(Environment environment, ApiKey apiKey, String passphrase) {
        return new ServiceCredentials(environment, apiKey, Secret.of(encryptedPkcs8Pem(passphrase)),
                Secret.of(passphrase));
    }

    /**
     * Registers this pair's public half with a fake account under a fresh API key id, and returns the
     * credentials a client needs for the fake's environment.
     */
    public ServiceCredentials registerWith(FakeCommerceServices services) {
        ApiKey apiKey = TestKeys.apiKey();
        services.registerKey(apiKey, publicKey());
        return credentials(services.environment(), apiKey);
    }

    /** As {@link #registerWith(FakeCommerceServices)}, for the account behind a fake gateway. */
    public ServiceCredentials registerWith(FakeGateway gateway) {
        return registerWith(gateway.services());
    }

    /** {@code TestKeyPair[RSA 2048]}: never key material. */
    @Override
    public String toString() {
        return "TestKeyPair[RSA " + bits() + "]";
    }

    private static String write(Object pemObject) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pemObject);
        } catch (IOException failed) {
            throw new UncheckedIOException("Writing a PEM block to memory failed", failed);
        }
        return text.toString();
    }
}

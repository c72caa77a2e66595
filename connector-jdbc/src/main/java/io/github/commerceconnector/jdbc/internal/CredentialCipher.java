package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a key pair for storage with AES-GCM (the JDK's provider) under the caller's key: a fresh 96-bit nonce
 * per seal, a 128-bit tag, and the installation and environment as additional data, so that a row copied to
 * another installation or environment does not open. The key is identified by a key check value (the first 8
 * bytes of the key's encryption of a zero block, as key ceremonies use), stored beside each row, so that a row
 * sealed under another key is reported as such. Thread-safe.
 */
public final class CredentialCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte FORMAT = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String keyId;

    /**
     * A cipher with the caller's key.
     *
     * @throws IllegalArgumentException if the key is not an AES key of 128, 192 or 256 bits
     */
    public CredentialCipher(SecretKey key) {
        Objects.requireNonNull(key, "encryption key");
        byte[] encoded = key.getEncoded();
        int bits = encoded == null ? -1 : encoded.length * 8;
        if (encoded != null) {
            Arrays.fill(encoded, (byte) 0);
        }
        if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || (bits != -1 && bits != 128 && bits != 192 && bits != 256)) {
            throw new IllegalArgumentException("The encryption key must be an AES key of 128, 192 or 256 bits (this "
                    + "one is " + key.getAlgorithm() + (bits > 0 ? ", " + bits + " bits" : "") + "): make one with "
                    + "KeyGenerator.getInstance(\"AES\") and keep it outside the database, e.g. in a vault");
        }
        this.key = key;
        this.keyId = checkValue(key);
    }

    private static String checkValue(SecretKey key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return HexFormat.of().formatHex(cipher.doFinal(new byte[16]), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available in this JVM", e);
        }
    }

    /** The key check value of the key: names it without revealing it. */
    public String keyId() {
        return keyId;
    }

    /**
     * A sealed key pair.
     *
     * @param nonce      the nonce it was sealed with
     * @param ciphertext the encrypted key pair and its tag
     */
    public record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    /** Seals a key pair of an installation. */
    public Sealed seal(ServiceCredentials credentials, String installationId) {
        byte[] plain = encode(credentials);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(installationId, credentials.environment()));
            return new Sealed(nonce, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt the key pair (" + e.getClass().getSimpleName()
                    + ")", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a stored key pair.
     *
     * @param storedKeyId the key check value stored with the row
     * @throws ConfigurationException if the row was sealed under another key, or does not open (it was changed,
     *     or belongs to another installation or environment)
     */
    public ServiceCredentials open(String installationId, Environment environment, String storedKeyId, byte[] nonce,
            byte[] ciphertext) {
        if (!keyId.equals(storedKeyId)) {
            throw new ConfigurationException("The " + environment.wireName() + " keys of installation "
                    + installationId + " were encrypted with another key (key id " + storedKeyId + "; this store's "
                    + "key has id " + keyId + "): give the store the key they were encrypted with, or put the keys "
                    + "again.");
        }
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(installationId, environment));
            plain = cipher.doFinal(ciphertext);
            return decode(plain, environment);
        } catch (AEADBadTagException tampered) {
            throw new ConfigurationException("The stored " + environment.wireName() + " keys of installation "
                    + installationId + " do not decrypt: the row was changed or copied from another installation. "
                    + "Put the keys again.", tampered);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to decrypt the key pair (" + e.getClass().getSimpleName()
                    + ")", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static byte[] associated(String installationId, Environment environment) {
        return ("commerce-services-connector/credentials/v1\u0000" + installationId + "\u0000"
                + environment.wireName()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(ServiceCredentials credentials) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            text(out, credentials.apiKey().value());
            text(out, credentials.privateKey().reveal());
            out.writeBoolean(credentials.passphrase() != null);
            if (credentials.passphrase() != null) {
                text(out, credentials.passphrase().reveal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
        Arrays.fill(utf8, (byte) 0);
    }

    private static ServiceCredentials decode(byte[] plain, Environment environment) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            if (in.readByte() != FORMAT) {
                throw new ConfigurationException("The stored " + environment.wireName() + " keys have a format this "
                        + "version does not know: upgrade connector-jdbc, or put the keys again.");
            }
            ApiKey apiKey = ApiKey.of(text(in));
            Secret privateKey = Secret.of(text(in));
            Secret passphrase = in.readBoolean() ? Secret.of(text(in)) : null;
            return new ServiceCredentials(environment, apiKey, privateKey, passphrase);
        } catch (IOException e) {
            throw new ConfigurationException("The stored " + environment.wireName() + " keys are cut short: put "
                    + "the keys again.", e);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        try {
            return new String(utf8, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }
}

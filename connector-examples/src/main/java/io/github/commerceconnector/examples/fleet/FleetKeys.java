package io.github.commerceconnector.examples.fleet;

import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fleet's credentials key: the AES-256 key the merchants' API keys are encrypted with in the database, kept
 * outside it (here in the environment variable {@value #VARIABLE}, base64; in production a vault or a KMS).
 */
public final class FleetKeys {
    /** The environment variable holding the key, base64. */
    public static final String VARIABLE = "FLEET_CREDENTIALS_KEY";

    private FleetKeys() {
    }

    /**
     * The key of the environment.
     *
     * @return the key
     * @throws IllegalArgumentException if the variable is missing or not a base64 AES key
     */
    public static SecretKey fromEnvironment() {
        return decode(System.getenv(VARIABLE));
    }

    /**
     * A key from its base64 text.
     *
     * @param base64 16, 24 or 32 bytes, base64
     * @return the key
     * @throws IllegalArgumentException naming what is wrong; never the key
     */
    public static SecretKey decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(VARIABLE + " is not set: give the fleet's AES key, base64 (e.g. "
                    + "openssl rand -base64 32)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(VARIABLE + " is not base64: give 32 random bytes, base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException(VARIABLE + " holds " + bytes.length + " bytes: an AES key has 16, 24 "
                    + "or 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /**
     * A new random AES-256 key, base64, for a demo or a test.
     *
     * @return the key's base64 text
     */
    public static String newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return Base64.getEncoder().encodeToString(generator.generateKey().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no AES", e);
        }
    }
}

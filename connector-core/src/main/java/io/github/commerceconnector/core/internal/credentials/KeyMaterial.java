package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.core.internal.keys.PemKeyParser;
import java.security.interfaces.RSAPrivateCrtKey;

/** The local check of a key pair: the private key must parse as an RSA key of at least 2048 bits. */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    /**
     * Parses the private key of a key pair.
     *
     * @throws InvalidKeyException naming what is wrong
     */
    public static RSAPrivateCrtKey check(ServiceCredentials credentials) {
        return PemKeyParser.parsePrivateKey(credentials.privateKey(), credentials.passphrase());
    }

    /** Checks the key material only and says that the gateway was not asked. */
    public static KeyCheck localCheck(ServiceCredentials credentials) {
        String environment = credentials.environment().wireName();
        try {
            RSAPrivateCrtKey key = check(credentials);
            return new KeyCheck(credentials.environment(), true, false, "The " + environment + " private key is a "
                    + "readable RSA key of " + key.getModulus().bitLength() + " bits, stored with API key "
                    + credentials.apiKey() + ". Only the key material was checked: the gateway was not asked "
                    + "(use CommerceServices.credentials().validate(...) for the gateway's key check).");
        } catch (InvalidKeyException e) {
            return new KeyCheck(credentials.environment(), false, false, "The " + environment + " private key is "
                    + "refused: " + e.getMessage());
        }
    }
}

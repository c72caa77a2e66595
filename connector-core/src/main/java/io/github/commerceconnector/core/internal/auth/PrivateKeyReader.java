package io.github.commerceconnector.core.internal.auth;

import io.github.commerceconnector.api.credentials.ServiceCredentials;
import java.security.interfaces.RSAPrivateKey;

/** Turns stored credentials into the RSA private key that signs the gateway JWT. */
@FunctionalInterface
public interface PrivateKeyReader {

    /**
     * Reads the private key of the credentials.
     *
     * @throws io.github.commerceconnector.api.exception.InvalidKeyException naming what is wrong with the key
     */
    RSAPrivateKey read(ServiceCredentials credentials);
}

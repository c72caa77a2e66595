package io.github.commerceconnector.api.spi;

import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The local check of a key pair's material (the private key must be a readable RSA key of at least 2048 bits),
 * for {@link io.github.commerceconnector.api.credentials.CredentialStore} implementations outside
 * {@code connector-core}: they validate at {@code put} and answer {@code validate} with it. {@code connector-core}
 * provides the implementation (PEM parsing with BouncyCastle) as a {@link ServiceLoader} service; {@link #load()}
 * finds it. Implementations are thread-safe.
 */
public interface KeyMaterialCheck {

    /**
     * Checks the private key of a key pair.
     *
     * @throws InvalidKeyException naming exactly what is wrong, never echoing the key
     */
    void check(ServiceCredentials credentials);

    /**
     * Checks the key material only and says that the gateway was not asked
     * ({@link KeyCheck#gatewayConfirmed()} is {@code false}); a refused key is an invalid check, not an exception.
     */
    KeyCheck localCheck(ServiceCredentials credentials);

    /**
     * The implementation on the class path, found with {@link ServiceLoader} (the context class loader first, then
     * this interface's).
     *
     * @throws ConfigurationException if there is none (add {@code connector-core} to the class path, or give a
     *     check of your own) or several
     */
    static KeyMaterialCheck load() {
        List<KeyMaterialCheck> found = new ArrayList<>();
        ServiceLoader.load(KeyMaterialCheck.class).forEach(found::add);
        if (found.isEmpty()) {
            ServiceLoader.load(KeyMaterialCheck.class, KeyMaterialCheck.class.getClassLoader()).forEach(found::add);
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new ConfigurationException("No KeyMaterialCheck is on the class path: add connector-core (it "
                    + "provides the PEM key check), or give the credential store a KeyMaterialCheck of your own.");
        }
        List<String> names = found.stream().map(check -> check.getClass().getName()).toList();
        throw new ConfigurationException("Several KeyMaterialCheck implementations are on the class path " + names
                + ": keep one, or give the credential store the one to use.");
    }
}

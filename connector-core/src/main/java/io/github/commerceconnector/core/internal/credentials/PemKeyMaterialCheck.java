package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.spi.KeyMaterialCheck;

/**
 * Core's {@link KeyMaterialCheck}, registered as a {@link java.util.ServiceLoader} service: the PEM parsing of
 * {@link KeyMaterial}, for credential stores of other modules. Thread-safe (stateless).
 */
public final class PemKeyMaterialCheck implements KeyMaterialCheck {

    /** The service loader's constructor. */
    public PemKeyMaterialCheck() {
        // no state
    }

    @Override
    public void check(ServiceCredentials credentials) {
        KeyMaterial.check(credentials);
    }

    @Override
    public KeyCheck localCheck(ServiceCredentials credentials) {
        return KeyMaterial.localCheck(credentials);
    }
}

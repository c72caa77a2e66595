package io.github.commerceconnector.api.credentials;

import io.github.commerceconnector.api.Environment;
import java.util.Optional;

/**
 * Told at once when an environment's keys change in a {@link CredentialStore}: a rotation by
 * {@link CredentialStore#put}, or a {@link CredentialStore#remove}. Request signers use it to drop
 * a cached token signed with the old key. Called on the thread that made the change; keep it quick.
 */
@FunctionalInterface
public interface CredentialsListener {

    /**
     * Called after the change is visible to readers.
     *
     * @param environment the environment whose keys changed
     * @param current     the new credentials, or empty after a removal
     */
    void credentialsChanged(Environment environment, Optional<ServiceCredentials> current);
}

package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import java.util.Map;

/** Keeps the key pairs in memory only; they are gone when the process ends. */
public final class InMemoryCredentialStore extends WritableCredentialStore {

    @Override
    protected void persist(Map<Environment, ServiceCredentials> next) {
        // Memory is the storage: publishing the snapshot is all there is to do.
    }

    @Override
    public String toString() {
        return "InMemoryCredentialStore" + describeKeys();
    }
}

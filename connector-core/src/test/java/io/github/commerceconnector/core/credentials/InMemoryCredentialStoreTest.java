package io.github.commerceconnector.core.credentials;

import io.github.commerceconnector.api.credentials.CredentialStore;

class InMemoryCredentialStoreTest extends WritableCredentialStoreContract {

    @Override
    CredentialStore newStore() {
        return CredentialStores.inMemory();
    }
}

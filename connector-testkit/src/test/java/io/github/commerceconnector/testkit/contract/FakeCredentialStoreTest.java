package io.github.commerceconnector.testkit.contract;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.keys.TestKeys;

/** The fake's credential store passes the credential store contract, its key check played by the fake account. */
class FakeCredentialStoreTest extends CredentialStoreContract {
    private final FakeCommerceServices services = FakeCommerceServices.create();

    @Override
    protected CredentialStore createStore() {
        return services.credentials();
    }

    @Override
    protected ServiceCredentials issueCredentials(Environment environment) {
        if (environment == services.environment()) {
            return TestKeys.credentialsFor(services);
        }
        return TestKeys.credentials(environment);
    }

    @Override
    protected boolean validateAsksGateway() {
        return true;
    }
}

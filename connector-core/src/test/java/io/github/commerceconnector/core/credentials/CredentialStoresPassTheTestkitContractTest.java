package io.github.commerceconnector.core.credentials;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.core.testsupport.HttpClientOnFakeGateway;
import io.github.commerceconnector.testkit.contract.CredentialStoreContract;
import io.github.commerceconnector.testkit.contract.FixtureSpec;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Core's credential stores pass the testkit's {@link CredentialStoreContract}, as the fake does. */
class CredentialStoresPassTheTestkitContractTest {

    /** The in-memory store. */
    @Nested
    class InMemory extends CredentialStoreContract {
        @Override
        protected CredentialStore createStore() {
            return CredentialStores.inMemory();
        }
    }

    /** The owner-only JSON file store. */
    @Nested
    class File extends CredentialStoreContract {
        @TempDir
        Path directory;

        @Override
        protected CredentialStore createStore() {
            return CredentialStores.file(directory.resolve("credentials-" + System.nanoTime() + ".json"));
        }
    }

    /** The store of a connected client, whose validate() asks the fake gateway. */
    @Nested
    class ConnectedToTheGateway extends CredentialStoreContract {
        private HttpClientOnFakeGateway fixture;

        @AfterEach
        void close() {
            if (fixture != null) {
                fixture.close();
            }
        }

        @Override
        protected CredentialStore createStore() {
            fixture = HttpClientOnFakeGateway.open(FixtureSpec.of(Edition.ADOBE_COMMERCE, Installation.NON_PRODUCTION));
            CredentialStore store = fixture.services().credentials();
            store.remove(Environment.SANDBOX);
            return store;
        }

        @Override
        protected ServiceCredentials issueCredentials(Environment environment) {
            TestKeyPair keys = TestKeys.rsa();
            ApiKey apiKey = TestKeys.apiKey();
            fixture.account().registerKey(apiKey, keys.publicKey());
            return keys.credentials(environment, apiKey);
        }

        @Override
        protected boolean validateAsksGateway() {
            return true;
        }
    }
}

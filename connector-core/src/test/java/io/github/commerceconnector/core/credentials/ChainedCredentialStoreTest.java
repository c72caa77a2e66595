package io.github.commerceconnector.core.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.CredentialsNotFoundException;
import io.github.commerceconnector.core.testsupport.TestCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChainedCredentialStoreTest {
    private static final ServiceCredentials SANDBOX = TestCredentials.of(Environment.SANDBOX, 0);
    private static final ServiceCredentials SANDBOX_OTHER = TestCredentials.of(Environment.SANDBOX, 1);
    private static final ServiceCredentials PRODUCTION = TestCredentials.of(Environment.PRODUCTION, 2);

    private static CredentialStore sandboxFromEnvironment() {
        return CredentialStores.fromEnvironment(Map.of(
                "COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value(),
                "COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", SANDBOX.privateKey().reveal()), new Properties());
    }

    @Test
    void answersFromTheFirstStoreThatHasTheEnvironment() {
        CredentialStore first = CredentialStores.inMemory();
        CredentialStore second = CredentialStores.inMemory();
        first.put(PRODUCTION);
        second.put(SANDBOX);
        first.put(SANDBOX_OTHER);
        CredentialStore chain = CredentialStores.chain(first, second);

        assertEquals(SANDBOX_OTHER, chain.require(Environment.SANDBOX));
        assertEquals(PRODUCTION, chain.require(Environment.PRODUCTION));
        assertTrue(first.remove(Environment.SANDBOX));
        assertEquals(SANDBOX, chain.require(Environment.SANDBOX));
    }

    @Test
    void putsIntoTheFirstWritableStore() {
        CredentialStore memory = CredentialStores.inMemory();
        CredentialStore chain = CredentialStores.chain(sandboxFromEnvironment(), memory);

        chain.put(PRODUCTION);

        assertEquals(PRODUCTION, memory.require(Environment.PRODUCTION));
        assertEquals(PRODUCTION, chain.require(Environment.PRODUCTION));
    }

    @Test
    void refusesPutWhenEveryStoreIsReadOnly() {
        CredentialStore chain = CredentialStores.chain(sandboxFromEnvironment());

        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                () -> chain.put(PRODUCTION));

        assertTrue(refused.getMessage().contains("Add a writable store"), refused.getMessage());
    }

    @Test
    void removesFromWritableStoresWhileReadOnlyKeysStay() {
        CredentialStore memory = CredentialStores.inMemory();
        memory.put(SANDBOX_OTHER);
        CredentialStore chain = CredentialStores.chain(memory, sandboxFromEnvironment());

        assertTrue(chain.remove(Environment.SANDBOX));

        assertEquals(Optional.empty(), memory.find(Environment.SANDBOX));
        assertEquals(SANDBOX, chain.require(Environment.SANDBOX));
        assertFalse(chain.remove(Environment.SANDBOX));
    }

    @Test
    void validatesWithTheStoreThatHasTheKeys() {
        CredentialStore chain = CredentialStores.chain(CredentialStores.inMemory(), sandboxFromEnvironment());

        assertTrue(chain.validate(Environment.SANDBOX).valid());
        assertThrows(CredentialsNotFoundException.class, () -> chain.validate(Environment.PRODUCTION));
    }

    @Test
    void tellsListenersTheChainsKeysWhenAMemberChanges() {
        CredentialStore first = CredentialStores.inMemory();
        CredentialStore second = CredentialStores.inMemory();
        CredentialStore chain = CredentialStores.chain(first, second);
        List<Optional<ServiceCredentials>> told = new ArrayList<>();
        chain.addListener((environment, current) -> told.add(current));

        second.put(SANDBOX);
        first.put(SANDBOX_OTHER);
        second.remove(Environment.SANDBOX);
        first.remove(Environment.SANDBOX);

        assertEquals(List.of(Optional.of(SANDBOX), Optional.of(SANDBOX_OTHER), Optional.empty()), told);
    }

    @Test
    void refusesAnEmptyChainAndANullStore() {
        assertThrows(IllegalArgumentException.class, CredentialStores::chain);
        NullPointerException nullStore = assertThrows(NullPointerException.class,
                () -> CredentialStores.chain(CredentialStores.inMemory(), null));
        assertEquals("store 2 of the chain is null", nullStore.getMessage());
    }
}

package io.github.commerceconnector.core.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.CredentialStore.ListenerRegistration;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.CredentialsNotFoundException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.core.testsupport.BadKeys;
import io.github.commerceconnector.core.testsupport.KeyPems;
import io.github.commerceconnector.core.testsupport.TestCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every writable store of core does; each store's test class extends this. */
abstract class WritableCredentialStoreContract {
    static final ServiceCredentials SANDBOX = TestCredentials.of(Environment.SANDBOX, 0);
    static final ServiceCredentials SANDBOX_ROTATED = TestCredentials.of(Environment.SANDBOX, 1);
    static final ServiceCredentials PRODUCTION = TestCredentials.of(Environment.PRODUCTION, 2);

    /** A new, empty store. */
    abstract CredentialStore newStore();

    @Test
    void hasNoKeysBeforeAnyPut() {
        CredentialStore store = newStore();

        assertEquals(Optional.empty(), store.find(Environment.SANDBOX));
        CredentialsNotFoundException missing = assertThrows(CredentialsNotFoundException.class,
                () -> store.require(Environment.SANDBOX));
        assertEquals(Environment.SANDBOX, missing.environment());
    }

    @Test
    void returnsTheKeysThatWerePut() {
        CredentialStore store = newStore();

        store.put(SANDBOX);

        assertEquals(SANDBOX, store.require(Environment.SANDBOX));
    }

    @Test
    void keepsEnvironmentsApart() {
        CredentialStore store = newStore();

        store.put(SANDBOX);
        store.put(PRODUCTION);

        assertEquals(SANDBOX, store.require(Environment.SANDBOX));
        assertEquals(PRODUCTION, store.require(Environment.PRODUCTION));
    }

    @Test
    void storesAnEncryptedKeyWithItsPassphrase() {
        CredentialStore store = newStore();
        ServiceCredentials encrypted = new ServiceCredentials(Environment.SANDBOX, SANDBOX.apiKey(),
                Secret.of(KeyPems.encryptedPkcs8(KeyPems.rsa(0), BadKeys.PASSPHRASE)), Secret.of(BadKeys.PASSPHRASE));

        store.put(encrypted);

        assertEquals(encrypted, store.require(Environment.SANDBOX));
    }

    @Test
    void refusesABadKeyAndKeepsThePreviousKeys() {
        CredentialStore store = newStore();
        store.put(SANDBOX);
        ServiceCredentials publicKeyInstead = new ServiceCredentials(Environment.SANDBOX,
                ApiKey.of("apikey-sandbox-other"), Secret.of(KeyPems.publicKey(KeyPems.rsa(1))), null);

        InvalidKeyException refused = assertThrows(InvalidKeyException.class, () -> store.put(publicKeyInstead));

        assertEquals(InvalidKeyException.Problem.PUBLIC_KEY, refused.problem());
        assertEquals(SANDBOX, store.require(Environment.SANDBOX));
    }

    @Test
    void refusesABadKeyWithoutTellingListeners() {
        CredentialStore store = newStore();
        List<Environment> told = new CopyOnWriteArrayList<>();
        store.addListener((environment, current) -> told.add(environment));
        ServiceCredentials truncated = new ServiceCredentials(Environment.SANDBOX, SANDBOX.apiKey(),
                Secret.of(BadKeys.truncatedBody().pem()), null);

        assertThrows(InvalidKeyException.class, () -> store.put(truncated));

        assertEquals(List.of(), told);
    }

    @Test
    void tellsListenersOfARotationAfterTheNewKeysAreVisible() {
        CredentialStore store = newStore();
        store.put(SANDBOX);
        List<Optional<ServiceCredentials>> seenInsideListener = new ArrayList<>();
        List<Optional<ServiceCredentials>> announced = new ArrayList<>();
        store.addListener((environment, current) -> {
            announced.add(current);
            seenInsideListener.add(store.find(environment));
        });

        store.put(SANDBOX_ROTATED);

        assertEquals(List.of(Optional.of(SANDBOX_ROTATED)), announced);
        assertEquals(List.of(Optional.of(SANDBOX_ROTATED)), seenInsideListener);
    }

    @Test
    void removesKeysAndTellsListeners() {
        CredentialStore store = newStore();
        store.put(SANDBOX);
        store.put(PRODUCTION);
        List<String> told = new ArrayList<>();
        store.addListener((environment, current) -> told.add(environment.wireName() + "=" + current.isPresent()));

        assertTrue(store.remove(Environment.SANDBOX));
        assertFalse(store.remove(Environment.SANDBOX));

        assertEquals(Optional.empty(), store.find(Environment.SANDBOX));
        assertEquals(PRODUCTION, store.require(Environment.PRODUCTION));
        assertEquals(List.of("sandbox=false"), told);
    }

    @Test
    void stopsTellingAListenerWhoseRegistrationIsClosed() {
        CredentialStore store = newStore();
        List<Environment> told = new ArrayList<>();
        ListenerRegistration registration = store.addListener((environment, current) -> told.add(environment));
        store.put(SANDBOX);

        registration.close();
        registration.close();
        store.put(SANDBOX_ROTATED);

        assertEquals(List.of(Environment.SANDBOX), told);
    }

    @Test
    void keepsTheChangeAndTellsOtherListenersWhenOneListenerFails() {
        CredentialStore store = newStore();
        List<Environment> told = new ArrayList<>();
        store.addListener((environment, current) -> {
            throw new IllegalStateException("listener bug");
        });
        store.addListener((environment, current) -> told.add(environment));

        store.put(SANDBOX);

        assertEquals(SANDBOX, store.require(Environment.SANDBOX));
        assertEquals(List.of(Environment.SANDBOX), told);
    }

    @Test
    void validatesTheLocalKeyMaterialAndSaysTheGatewayWasNotAsked() {
        CredentialStore store = newStore();
        store.put(SANDBOX);

        KeyCheck check = store.validate(Environment.SANDBOX);

        assertTrue(check.valid(), check.message());
        assertFalse(check.gatewayConfirmed());
        assertEquals(Environment.SANDBOX, check.environment());
        assertTrue(check.message().contains("2048 bits"), check.message());
        assertTrue(check.message().contains("gateway was not asked"), check.message());
    }

    @Test
    void refusesToValidateAnEnvironmentWithoutKeys() {
        CredentialStore store = newStore();

        assertThrows(CredentialsNotFoundException.class, () -> store.validate(Environment.PRODUCTION));
    }

    @Test
    void showsOnlyTheLastFourCharactersOfTheApiKeyInToString() {
        CredentialStore store = newStore();
        store.put(SANDBOX);

        String text = store.toString();

        assertTrue(text.contains("****" + SANDBOX.apiKey().lastFour()), text);
        assertFalse(text.contains(SANDBOX.apiKey().value()), text);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void readersSeeTheOldPairOrTheNewPairNeverAMixWhileKeysRotate() throws Exception {
        CredentialStore store = newStore();
        List<ServiceCredentials> pairs = List.of(SANDBOX, SANDBOX_ROTATED, TestCredentials.of(Environment.SANDBOX, 2),
                TestCredentials.of(Environment.SANDBOX, 3));
        pairs.forEach(TestCredentials::belongTogether);
        store.put(pairs.get(0));
        List<Optional<ServiceCredentials>> announced = new CopyOnWriteArrayList<>();
        store.addListener((environment, current) -> announced.add(current));
        int rotations = 200;
        int readers = 8;
        AtomicBoolean rotating = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    int count = 0;
                    do {
                        ServiceCredentials read = store.require(Environment.SANDBOX);
                        if (!TestCredentials.belongTogether(read)) {
                            throw new AssertionError("API key " + read.apiKey() + " read with another pair's private key");
                        }
                        count++;
                    } while (rotating.get());
                    return count;
                }));
            }
            start.countDown();
            for (int i = 1; i <= rotations; i++) {
                store.put(pairs.get(i % pairs.size()));
            }
            rotating.set(false);
            for (Future<Integer> read : reads) {
                assertTrue(read.get(60, TimeUnit.SECONDS) > 0);
            }
        } finally {
            rotating.set(false);
            pool.shutdownNow();
        }
        assertEquals(rotations, announced.size());
        for (int i = 1; i <= rotations; i++) {
            assertEquals(Optional.of(pairs.get(i % pairs.size())), announced.get(i - 1), "announcement " + i);
        }
        assertEquals(pairs.get(rotations % pairs.size()), store.require(Environment.SANDBOX));
    }
}

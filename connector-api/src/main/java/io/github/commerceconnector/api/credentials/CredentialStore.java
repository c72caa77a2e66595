package io.github.commerceconnector.api.credentials;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.exception.CredentialsNotFoundException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import java.util.Optional;

/**
 * Holds the license owner's production and sandbox key pairs.
 *
 * <p>Implementations are thread-safe. {@link #put} replaces an environment's keys atomically: a
 * concurrent reader sees either the old pair or the new one, never a mix, and
 * {@linkplain #addListener listeners} are told at once so request signers switch to the new key.
 *
 * <p>{@code connector-core} provides in-memory, file-backed, environment-variable and chained stores
 * ({@code io.github.commerceconnector.core.credentials.CredentialStores}); {@code connector-testkit}
 * provides a fake.
 */
public interface CredentialStore {

    /** The keys stored for an environment, if any. */
    Optional<ServiceCredentials> find(Environment environment);

    /**
     * The keys stored for an environment.
     *
     * @throws CredentialsNotFoundException if none are stored
     */
    default ServiceCredentials require(Environment environment) {
        return find(environment).orElseThrow(() -> new CredentialsNotFoundException(environment));
    }

    /**
     * Validates the key material and stores it, replacing the environment's previous keys atomically.
     *
     * @throws InvalidKeyException naming exactly what is wrong with the key (never echoing it); the
     *     previous keys are then kept unchanged
     * @throws UnsupportedOperationException if the store is read-only (environment variables)
     */
    void put(ServiceCredentials credentials);

    /**
     * Removes an environment's keys.
     *
     * @return whether keys were stored
     * @throws UnsupportedOperationException if the store is read-only
     */
    boolean remove(Environment environment);

    /**
     * Checks that the environment's keys work. A store obtained from a connected client
     * ({@code CommerceServices.credentials()}) asks the gateway ({@code GET merchant-registry/v1/ping});
     * a standalone store can only check the key material, and says so in
     * {@link KeyCheck#gatewayConfirmed()}.
     *
     * @throws CredentialsNotFoundException if no keys are stored for the environment
     */
    KeyCheck validate(Environment environment);

    /**
     * Registers a listener told of every change of keys.
     *
     * @return a handle whose {@link ListenerRegistration#close()} removes the listener
     */
    ListenerRegistration addListener(CredentialsListener listener);

    /** Removes a listener when closed. */
    @FunctionalInterface
    interface ListenerRegistration extends AutoCloseable {
        /** Removes the listener; idempotent. */
        @Override
        void close();
    }
}

package io.github.commerceconnector.core.gateway;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.CredentialsListener;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal in-memory {@link CredentialStore} for the HTTP tests: stores without validating and tells its
 * listeners of every change, as the interface requires. {@link #replaceSilently} swaps keys without telling
 * anyone, to prove the signer also notices changed credentials on its own.
 */
public final class TestCredentialStore implements CredentialStore {
    private final Map<Environment, ServiceCredentials> stored = new ConcurrentHashMap<>();
    private final List<CredentialsListener> listeners = new CopyOnWriteArrayList<>();

    /** A store holding the given credentials. */
    public static TestCredentialStore with(ServiceCredentials credentials) {
        TestCredentialStore store = new TestCredentialStore();
        store.put(credentials);
        return store;
    }

    @Override
    public Optional<ServiceCredentials> find(Environment environment) {
        return Optional.ofNullable(stored.get(environment));
    }

    @Override
    public void put(ServiceCredentials credentials) {
        stored.put(credentials.environment(), credentials);
        listeners.forEach(listener -> listener.credentialsChanged(credentials.environment(), Optional.of(credentials)));
    }

    /** Replaces the keys without telling the listeners. */
    public void replaceSilently(ServiceCredentials credentials) {
        stored.put(credentials.environment(), credentials);
    }

    @Override
    public boolean remove(Environment environment) {
        boolean removed = stored.remove(environment) != null;
        listeners.forEach(listener -> listener.credentialsChanged(environment, Optional.empty()));
        return removed;
    }

    @Override
    public KeyCheck validate(Environment environment) {
        require(environment);
        return new KeyCheck(environment, true, false, "only the local key material was checked");
    }

    @Override
    public ListenerRegistration addListener(CredentialsListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many listeners are registered. */
    public int listenerCount() {
        return listeners.size();
    }
}

package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.CredentialsListener;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A store that keeps all key pairs in one immutable snapshot. Readers never lock: they read the
 * current snapshot, so they see an environment's old pair or its new pair, never a mix. Writers
 * validate the key material first, then, under one lock, {@linkplain #persist persist} the next
 * snapshot, publish it and tell the listeners, in that order.
 */
abstract class WritableCredentialStore implements CredentialStore {
    private final Listeners listeners = new Listeners();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Map<Environment, ServiceCredentials> snapshot = Map.of();

    @Override
    public Optional<ServiceCredentials> find(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        return Optional.ofNullable(snapshot.get(environment));
    }

    @Override
    public void put(ServiceCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        KeyMaterial.check(credentials);
        writeLock.lock();
        try {
            Map<Environment, ServiceCredentials> next = new EnumMap<>(Environment.class);
            next.putAll(snapshot);
            next.put(credentials.environment(), credentials);
            replace(next);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public boolean remove(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        writeLock.lock();
        try {
            if (!snapshot.containsKey(environment)) {
                return false;
            }
            Map<Environment, ServiceCredentials> next = new EnumMap<>(Environment.class);
            next.putAll(snapshot);
            next.remove(environment);
            replace(next);
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public KeyCheck validate(Environment environment) {
        return KeyMaterial.localCheck(require(environment));
    }

    @Override
    public ListenerRegistration addListener(CredentialsListener listener) {
        return listeners.add(listener);
    }

    /**
     * Makes a set of key pairs durable before it becomes visible. Called with the write lock held. If it
     * throws, the change is abandoned and the previous pairs stay.
     */
    protected abstract void persist(Map<Environment, ServiceCredentials> next);

    /**
     * Publishes key pairs that are already durable (read back from storage, say) and tells the listeners of
     * every environment whose pair changed. Call with the write lock held.
     */
    protected final void publish(Map<Environment, ServiceCredentials> next) {
        Map<Environment, ServiceCredentials> previous = snapshot;
        snapshot = Map.copyOf(next);
        for (Environment environment : Environment.values()) {
            ServiceCredentials now = next.get(environment);
            if (!Objects.equals(previous.get(environment), now)) {
                listeners.changed(environment, Optional.ofNullable(now));
            }
        }
    }

    /** The lock that serializes changes; subclasses take it to reload from storage. */
    protected final ReentrantLock writeLock() {
        return writeLock;
    }

    /** The environments and the last four characters of their API keys, e.g. {@code [production=none, sandbox=ApiKey[****1a2b]]}. */
    protected final String describeKeys() {
        Map<Environment, ServiceCredentials> current = snapshot;
        StringBuilder text = new StringBuilder("[");
        for (Environment environment : Environment.values()) {
            ServiceCredentials credentials = current.get(environment);
            text.append(text.length() > 1 ? ", " : "").append(environment.wireName()).append('=')
                    .append(credentials == null ? "none" : credentials.apiKey().toString());
        }
        return text.append(']').toString();
    }

    private void replace(Map<Environment, ServiceCredentials> next) {
        persist(next);
        publish(next);
    }
}

package io.github.commerceconnector.testkit.internal.fake;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.CredentialsListener;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.CredentialsNotFoundException;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.internal.account.AccountError;
import io.github.commerceconnector.testkit.internal.keys.PrivateKeyReader;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's {@link CredentialStore}: keys in memory, validated at {@link #put} like a real store
 * (PEM, RSA, at least 2048 bits, passphrase), listeners told of every change after it is visible.
 * {@link #validate} plays the gateway's key check ({@link FakeOperation#PING}) against the keys
 * registered in the fake account. Thread-safe.
 */
public final class InMemoryCredentialStore implements CredentialStore {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryCredentialStore.class);

    private final FakeRuntime runtime;
    private final Map<Environment, Stored> stored = new EnumMap<>(Environment.class);
    private final List<CredentialsListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock writes = new ReentrantLock();

    /** Creates an empty store over a runtime. */
    public InMemoryCredentialStore(FakeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Optional<ServiceCredentials> find(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        synchronized (stored) {
            Stored entry = stored.get(environment);
            return entry == null ? Optional.empty() : Optional.of(entry.credentials);
        }
    }

    @Override
    public void put(ServiceCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        RSAPrivateKey key = PrivateKeyReader.read(credentials.privateKey(), credentials.passphrase());
        writes.lock();
        try {
            synchronized (stored) {
                stored.put(credentials.environment(), new Stored(credentials, key));
            }
            notifyListeners(credentials.environment(), Optional.of(credentials));
        } finally {
            writes.unlock();
        }
    }

    @Override
    public boolean remove(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        writes.lock();
        try {
            boolean removed;
            synchronized (stored) {
                removed = stored.remove(environment) != null;
            }
            if (removed) {
                notifyListeners(environment, Optional.empty());
            }
            return removed;
        } finally {
            writes.unlock();
        }
    }

    @Override
    public KeyCheck validate(Environment environment) {
        Stored entry;
        synchronized (stored) {
            entry = stored.get(Objects.requireNonNull(environment, "environment"));
        }
        if (entry == null) {
            throw new CredentialsNotFoundException(environment);
        }
        if (environment != runtime.environment()) {
            return new KeyCheck(environment, true, false, "The key material is valid. This fake account serves "
                    + runtime.environment().wireName() + " only, so no gateway checked the " + environment.wireName()
                    + " keys.");
        }
        try {
            return runtime.gate().call(FakeOperation.PING, "GET", RegistryPaths.PING, null, null, null,
                    () -> check(entry));
        } catch (AuthenticationException refused) {
            return new KeyCheck(environment, false, true, "The gateway refused the keys (HTTP "
                    + refused.statusCode() + "): check the API key id and that the private key belongs to it.");
        }
    }

    @Override
    public ListenerRegistration addListener(CredentialsListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Forgets every stored key pair, telling the listeners. */
    public void clear() {
        for (Environment environment : Environment.values()) {
            remove(environment);
        }
    }

    private KeyCheck check(Stored entry) {
        Environment environment = entry.credentials.environment();
        Optional<PublicKey> registered = runtime.account().publicKey(entry.credentials.apiKey().value());
        if (registered.isEmpty()) {
            throw new AccountError(403, "Client ID is invalid");
        }
        if (!(registered.get() instanceof RSAPublicKey)
                || !((RSAPublicKey) registered.get()).getModulus().equals(entry.key.getModulus())) {
            throw new AccountError(401, "JWT is invalid");
        }
        return new KeyCheck(environment, true, true, "The gateway accepted the " + environment.wireName()
                + " keys (API key " + entry.credentials.apiKey() + ").");
    }

    private void notifyListeners(Environment environment, Optional<ServiceCredentials> current) {
        for (CredentialsListener listener : listeners) {
            try {
                listener.credentialsChanged(environment, current);
            } catch (RuntimeException failed) {
                LOG.warn("A credentials listener failed on a change of the {} keys; the others are still told.",
                        environment.wireName(), failed);
            }
        }
    }

    /** A stored key pair and its parsed private key. */
    private static final class Stored {
        private final ServiceCredentials credentials;
        private final RSAPrivateKey key;

        private Stored(ServiceCredentials credentials, RSAPrivateKey key) {
            this.credentials = credentials;
            this.key = key;
        }
    }
}

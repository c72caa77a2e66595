package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.CredentialsListener;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.CredentialsNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several stores asked in order. {@link #find} answers from the first store that has keys for the
 * environment; {@link #put} goes to the first store that accepts writes (read-only stores throw
 * {@link UnsupportedOperationException} and are skipped); {@link #remove} removes from every writable
 * store; {@link #validate} asks the store that {@link #find} would answer from. Listeners hear of a change
 * in any member, with the chain's resulting keys for that environment.
 */
public final class ChainedCredentialStore implements CredentialStore {
    private static final Logger LOG = LoggerFactory.getLogger(ChainedCredentialStore.class);

    private final List<CredentialStore> stores;
    private final Listeners listeners = new Listeners();
    private final Map<Environment, Optional<ServiceCredentials>> announced = new ConcurrentHashMap<>();

    /**
     * Chains stores, first asked first. Registers a listener with each member for the chain's lifetime.
     *
     * @throws IllegalArgumentException if no store is given
     */
    public ChainedCredentialStore(List<CredentialStore> stores) {
        for (int i = 0; i < stores.size(); i++) {
            Objects.requireNonNull(stores.get(i), "store " + (i + 1) + " of the chain is null");
        }
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("A chain needs at least one credential store");
        }
        this.stores = List.copyOf(stores);
        for (CredentialStore store : this.stores) {
            store.addListener((environment, current) -> memberChanged(environment));
        }
    }

    @Override
    public Optional<ServiceCredentials> find(Environment environment) {
        for (CredentialStore store : stores) {
            Optional<ServiceCredentials> found = store.find(environment);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public void put(ServiceCredentials credentials) {
        for (CredentialStore store : stores) {
            try {
                store.put(credentials);
                return;
            } catch (UnsupportedOperationException e) {
                LOG.debug("{} is read-only; trying the next store of the chain", store.getClass().getSimpleName());
            }
        }
        throw new UnsupportedOperationException("No store of this chain accepts new keys: every one is read-only. "
                + "Add a writable store, such as CredentialStores.file(path), to the chain.");
    }

    @Override
    public boolean remove(Environment environment) {
        boolean removed = false;
        for (CredentialStore store : stores) {
            try {
                removed |= store.remove(environment);
            } catch (UnsupportedOperationException e) {
                LOG.debug("{} is read-only; its {} keys stay", store.getClass().getSimpleName(), environment.wireName());
            }
        }
        return removed;
    }

    @Override
    public KeyCheck validate(Environment environment) {
        for (CredentialStore store : stores) {
            if (store.find(environment).isPresent()) {
                return store.validate(environment);
            }
        }
        throw new CredentialsNotFoundException(environment);
    }

    @Override
    public ListenerRegistration addListener(CredentialsListener listener) {
        return listeners.add(listener);
    }

    private void memberChanged(Environment environment) {
        Optional<ServiceCredentials> current = find(environment);
        Optional<ServiceCredentials> previous = announced.put(environment, current);
        if (!current.equals(previous)) {
            listeners.changed(environment, current);
        }
    }

    @Override
    public String toString() {
        return "ChainedCredentialStore" + stores;
    }
}

package io.github.commerceconnector.core.internal.registry;

import io.github.commerceconnector.api.registry.SaasIdentity;
import java.util.Optional;

/** Keeps the saved selection ({@link SaasIdentity}): in a file of the state directory, or in memory. */
public interface SelectionStore {

    /**
     * The saved selection, if any.
     *
     * @throws io.github.commerceconnector.api.exception.ConfigurationException if the saved selection cannot
     *     be read
     */
    Optional<SaasIdentity> load();

    /**
     * Saves a selection, replacing the previous one atomically.
     *
     * @throws io.github.commerceconnector.api.exception.ConnectorClientException if it cannot be written; the
     *     previous selection is then kept
     */
    void save(SaasIdentity identity);

    /**
     * Forgets the selection.
     *
     * @throws io.github.commerceconnector.api.exception.ConnectorClientException if it cannot be removed
     */
    void clear();

    /** A store that keeps the selection in memory only, for clients without a state directory. */
    static SelectionStore inMemory() {
        return new SelectionStore() {
            private volatile SaasIdentity saved;

            @Override
            public Optional<SaasIdentity> load() {
                return Optional.ofNullable(saved);
            }

            @Override
            public void save(SaasIdentity identity) {
                saved = identity;
            }

            @Override
            public void clear() {
                saved = null;
            }
        };
    }
}

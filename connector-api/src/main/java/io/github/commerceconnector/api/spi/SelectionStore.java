package io.github.commerceconnector.api.spi;

import io.github.commerceconnector.api.registry.SaasIdentity;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a client keeps its saved selection ({@link SaasIdentity}: the chosen project and data space of one
 * installation). Implementations: a file in the state directory and memory ({@code connector-core}), a table in
 * PostgreSQL ({@code connector-jdbc}), {@link #inMemory()} here. Plug one in with the client builder's
 * {@code selectionStore(...)}.
 *
 * <p>Implementations are thread-safe, and {@link #save} replaces the selection atomically: a reader sees the old
 * selection or the new one, never a mix, also after a crash.
 */
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
     * Forgets the selection; nothing happens if none is saved.
     *
     * @throws io.github.commerceconnector.api.exception.ConnectorClientException if it cannot be removed
     */
    void clear();

    /** A new store that keeps the selection in memory only, for clients without a state directory. */
    static SelectionStore inMemory() {
        return new SelectionStore() {
            private volatile SaasIdentity saved;

            @Override
            public Optional<SaasIdentity> load() {
                return Optional.ofNullable(saved);
            }

            @Override
            public void save(SaasIdentity identity) {
                saved = Objects.requireNonNull(identity, "identity");
            }

            @Override
            public void clear() {
                saved = null;
            }

            @Override
            public String toString() {
                return "SelectionStore[in memory]";
            }
        };
    }
}

package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.spi.InMemorySyncStateStore;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.core.internal.ClientContext;
import io.github.commerceconnector.core.internal.registry.RegistryListener;
import io.github.commerceconnector.core.internal.runtime.RuntimeResources;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalog sync as one built client has it: the {@link HttpCatalogSyncClient}, the state store (files under
 * {@code <stateDirectory>/catalog}, or memory without a state directory), the listener that forgets a data
 * space's state when another data space is selected or the data space is cleaned up, and the readiness
 * checks. Close it with the client.
 */
public final class CatalogParts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogParts.class);

    private final HttpCatalogSyncClient client;
    private final ServiceReadiness readiness;
    private final AutoCloseable listener;

    private CatalogParts(HttpCatalogSyncClient client, ServiceReadiness readiness, AutoCloseable listener) {
        this.client = client;
        this.readiness = readiness;
        this.listener = listener;
    }

    /**
     * Wires catalog sync into a client.
     *
     * @param context     what the client's parts share
     * @param settings    the catalog settings, or {@code null} for {@link CatalogSyncSettings#defaults()}
     * @param store       a state store of the user's, or {@code null} for the default
     * @param credentials the client's key store (its {@code validate} asks the gateway)
     * @param runtime     the shared runtime's pools, or {@code null} for threads of each call's own
     */
    public static CatalogParts create(ClientContext context, CatalogSyncSettings settings, SyncStateStore store,
            CredentialStore credentials, RuntimeResources runtime) {
        SyncStateStore chosen = store != null ? store : context.stateDirectory()
                .<SyncStateStore>map(directory -> new FileSyncStateStore(directory.resolve("catalog")))
                .orElseGet(InMemorySyncStateStore::new);
        HttpCatalogSyncClient client = new HttpCatalogSyncClient(context.caller(), context.dataSpaces()::current,
                context.guard(), chosen, settings == null ? CatalogSyncSettings.defaults() : settings,
                context.edition(), context.clock(), context.sleeper(), context.observer(), runtime);
        ServiceReadiness readiness = new ServiceReadiness(context.environment(), context.edition(), credentials,
                context.dataSpaces(), context.guard(), client);
        AutoCloseable listener = context.dataSpaces().addListener(new StateResetter(chosen));
        return new CatalogParts(client, readiness, listener);
    }

    /** The catalog sync client. */
    public CatalogSyncClient client() {
        return client;
    }

    /** Whether a service can work for this store; changes nothing. */
    public Readiness readiness(CommerceService service) {
        return readiness.check(service);
    }

    /** Stops listening to registry changes. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (Exception e) {
            LOG.warn("Could not remove the catalog sync's registry listener: {}", e.toString());
        }
    }

    /** Forgets a data space's sync state when it is newly selected or cleaned up. */
    private static final class StateResetter implements RegistryListener {
        private final SyncStateStore store;

        StateResetter(SyncStateStore store) {
            this.store = store;
        }

        @Override
        public void selectionChanged(Optional<SaasIdentity> previous, Optional<SaasIdentity> current) {
            if (current.isPresent() && !previous.map(SaasIdentity::dataSpaceId)
                    .equals(current.map(SaasIdentity::dataSpaceId))) {
                reset(current.get().dataSpaceId(), "was selected: the whole catalog will be sent to it again");
            }
        }

        @Override
        public void dataSpaceCleaned(String dataSpaceId) {
            reset(dataSpaceId, "was cleaned up: what was sent to it is forgotten");
        }

        private void reset(String dataSpaceId, String why) {
            try {
                store.resetDataSpace(dataSpaceId, () -> { });
                LOG.info("Data space {} {}", dataSpaceId, why);
            } catch (SyncLockedException e) {
                LOG.warn("Data space {} {}, but a sync into it is running, so its sync state could not be reset; "
                        + "run resync with cleanup once it finishes. ({})", dataSpaceId, why, e.getMessage());
            }
        }
    }
}

package io.github.commerceconnector.core.internal.registry;

import io.github.commerceconnector.api.registry.SaasIdentity;
import java.util.Optional;

/**
 * Told of registry changes that invalidate sync state: catalog sync registers one with
 * {@link HttpDataSpaceClient#addListener} so that switching data space starts from empty state, and a cleaned
 * data space forgets what was sent to it. Called on the thread that made the change, after the change is saved.
 */
public interface RegistryListener {

    /**
     * The saved selection changed: another project or data space, a new IMS link, or cleared. Compare the data
     * space ids to tell a switch from a relabel.
     *
     * @param previous the selection before, if any
     * @param current  the selection now, if any
     */
    default void selectionChanged(Optional<SaasIdentity> previous, Optional<SaasIdentity> current) {
    }

    /**
     * Everything synced into a data space was erased on the gateway.
     *
     * @param dataSpaceId the data space cleaned up
     */
    default void dataSpaceCleaned(String dataSpaceId) {
    }
}

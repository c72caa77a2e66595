package io.github.commerceconnector.api.registry;

import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.exception.NotFoundException;
import java.util.List;
import java.util.Optional;

/**
 * Lists, renames, cleans up and selects data spaces, and records the optional IMS organization link.
 * The selection is persisted in the client's state directory and survives restarts. Thread-safe.
 *
 * <p><b>The data-space guard:</b> a {@code NON_PRODUCTION} installation cannot select or clean up a
 * production data space; such calls throw {@link DataSpaceGuardException} before any request is
 * made.
 */
public interface DataSpaceClient {

    /**
     * The data spaces of a project.
     *
     * @throws NotFoundException if the keys see no such project
     */
    List<DataSpace> list(String projectId);

    /**
     * One data space.
     *
     * @throws NotFoundException if the keys see no such data space
     */
    DataSpace get(String dataSpaceId);

    /**
     * Renames a data space. Ids never change.
     *
     * @throws NotFoundException if the keys see no such data space
     */
    DataSpace rename(String dataSpaceId, String newName);

    /**
     * Selects the data space this installation writes to and saves the selection. Selecting another
     * project clears the previous data space selection and its IMS link; after switching data space
     * the whole catalog must be synced again.
     *
     * @throws NotFoundException if the data space does not belong to the project
     * @throws DataSpaceGuardException if a non-production installation selects a production data space
     */
    SaasIdentity select(String projectId, String dataSpaceId);

    /** The saved selection, if any. */
    Optional<SaasIdentity> current();

    /** Forgets the saved selection. */
    void clearSelection();

    /**
     * Erases everything synced into a data space, and the client's sync state for it.
     *
     * @throws DataSpaceGuardException if a non-production installation targets a production data space
     */
    void cleanup(String dataSpaceId);

    /**
     * Ties a data space to an Adobe Commerce cloud project.
     *
     * @throws NotFoundException if the keys see no such data space
     */
    void assignCloudId(String dataSpaceId, String cloudId);

    /**
     * Links the selection to an IMS organization (used by the Experience Platform connector), or
     * removes the link when {@code organization} is {@code null}.
     *
     * @throws IllegalStateException if no data space is selected
     */
    SaasIdentity imsOrganization(ImsOrganizationId organization);
}

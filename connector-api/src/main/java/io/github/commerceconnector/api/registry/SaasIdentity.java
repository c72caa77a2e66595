package io.github.commerceconnector.api.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * The saved selection of this installation: the project and the data space it writes to, and the
 * optional IMS organization link. Persisted in the client's state directory.
 *
 * @param projectId         the selected project
 * @param projectName       its label at selection time
 * @param dataSpaceId       the selected data space
 * @param dataSpaceName     its label at selection time
 * @param dataSpaceType     its type
 * @param imsOrganizationId the linked IMS organization, or {@code null}
 */
public record SaasIdentity(String projectId, String projectName, String dataSpaceId, String dataSpaceName,
        DataSpaceType dataSpaceType, ImsOrganizationId imsOrganizationId) {

    /** Checks the required fields. */
    public SaasIdentity {
        DataSpace.requireText(projectId, "projectId");
        DataSpace.requireText(dataSpaceId, "dataSpaceId");
        Objects.requireNonNull(dataSpaceType, "dataSpaceType");
        projectName = projectName == null ? "" : projectName;
        dataSpaceName = dataSpaceName == null ? "" : dataSpaceName;
    }

    /** The selection of a data space of a project. */
    public static SaasIdentity of(SaasProject project, DataSpace dataSpace, ImsOrganizationId imsOrganizationId) {
        return new SaasIdentity(project.id(), project.name(), dataSpace.id(), dataSpace.name(), dataSpace.type(),
                imsOrganizationId);
    }

    /** The IMS organization link, if any. */
    public Optional<ImsOrganizationId> imsOrganization() {
        return Optional.ofNullable(imsOrganizationId);
    }

    /** A copy with another IMS organization link ({@code null} removes it). */
    public SaasIdentity withImsOrganization(ImsOrganizationId organization) {
        return new SaasIdentity(projectId, projectName, dataSpaceId, dataSpaceName, dataSpaceType, organization);
    }
}

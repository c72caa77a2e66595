package io.github.commerceconnector.api.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One data space of a SaaS project (the registry's <em>environment</em>). Ids never change; names
 * are labels.
 *
 * @param id                the data space id (the registry's {@code environmentId}, a UUID)
 * @param projectId         the project it belongs to
 * @param name              its label, e.g. {@code Testing 2}
 * @param type              production or testing
 * @param mageId            the registry's {@code mageId}, or {@code null}
 * @param imsOrganizationId the linked IMS organization, or {@code null}
 * @param featureSet        the registry's {@code featureSet}, e.g. {@code Product Recommendations}, or {@code null}
 * @param cloudId           the cloud project it is tied to, or {@code null}
 * @param createdAt         creation time, or {@code null}
 * @param updatedAt         last change, or {@code null}
 */
public record DataSpace(String id, String projectId, String name, DataSpaceType type, String mageId,
        ImsOrganizationId imsOrganizationId, String featureSet, String cloudId, Instant createdAt,
        Instant updatedAt) {

    /** Checks the required fields. */
    public DataSpace {
        requireText(id, "id");
        requireText(projectId, "projectId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is empty");
        }
    }

    /** Whether this is the production data space. */
    public boolean isProduction() {
        return type == DataSpaceType.PRODUCTION;
    }

    /** The linked IMS organization, if any. */
    public Optional<ImsOrganizationId> imsOrganization() {
        return Optional.ofNullable(imsOrganizationId);
    }

    /** A copy with another label; the id stays. */
    public DataSpace withName(String newName) {
        return new DataSpace(id, projectId, newName, type, mageId, imsOrganizationId, featureSet, cloudId,
                createdAt, updatedAt);
    }
}

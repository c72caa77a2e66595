package io.github.commerceconnector.testkit.internal.fake;

import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FakeOperation;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory {@link DataSpaceClient} of a fake account. The selection lives in the runtime (the
 * fake's "state directory"). {@code select} reads the project as the real client does
 * ({@link FakeOperation#GET_PROJECT}); {@code cleanup} checks the guard from the account's records,
 * then makes one {@link FakeOperation#CLEANUP} call. Thread-safe.
 */
public final class InMemoryDataSpaceClient implements DataSpaceClient {
    private final FakeRuntime runtime;

    /** Creates the client over a runtime. */
    public InMemoryDataSpaceClient(FakeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<DataSpace> list(String given) {
        String projectId = InMemorySaasProjectClient.requireId(given, "projectId");
        return runtime.gate().call(FakeOperation.GET_PROJECT, "GET", RegistryPaths.project(projectId), projectId,
                null, null, () -> runtime.account().requireProject(projectId).dataSpaces());
    }

    @Override
    public DataSpace get(String given) {
        String dataSpaceId = InMemorySaasProjectClient.requireId(given, "dataSpaceId");
        return runtime.gate().call(FakeOperation.GET_DATA_SPACE, "GET", RegistryPaths.dataSpace(dataSpaceId), null,
                dataSpaceId, null, () -> runtime.account().requireDataSpace(dataSpaceId));
    }

    @Override
    public DataSpace rename(String given, String newName) {
        String dataSpaceId = InMemorySaasProjectClient.requireId(given, "dataSpaceId");
        InMemorySaasProjectClient.requireName(newName, "A data space name");
        return runtime.gate().call(FakeOperation.RENAME_DATA_SPACE, "PATCH", RegistryPaths.dataSpace(dataSpaceId),
                null, dataSpaceId, null, () -> runtime.account().renameDataSpace(dataSpaceId, newName));
    }

    @Override
    public SaasIdentity select(String givenProject, String givenDataSpace) {
        String projectId = InMemorySaasProjectClient.requireId(givenProject, "projectId");
        String dataSpaceId = InMemorySaasProjectClient.requireId(givenDataSpace, "dataSpaceId");
        SaasProject project = runtime.gate().call(FakeOperation.GET_PROJECT, "GET", RegistryPaths.project(projectId),
                projectId, null, null, () -> runtime.account().requireProject(projectId));
        DataSpace dataSpace = project.dataSpace(dataSpaceId).orElseThrow(() -> new NotFoundException(
                "Requested environment does not belong to the configured project: data space " + dataSpaceId
                        + " is not one of the data spaces of project '" + project.name() + "' (" + projectId
                        + "); list them with dataSpaces().list(projectId)", 404, null, "Not Found", null));
        runtime.guard().check(dataSpace, "select");
        runtime.guard().noteSelection(dataSpace);
        synchronized (runtime) {
            Optional<SaasIdentity> previous = runtime.selection();
            boolean sameProject = previous.isPresent() && previous.get().projectId().equals(projectId);
            SaasIdentity identity = SaasIdentity.of(project, dataSpace,
                    sameProject ? previous.get().imsOrganizationId() : null);
            runtime.setSelection(identity);
            return identity;
        }
    }

    @Override
    public Optional<SaasIdentity> current() {
        return runtime.selection();
    }

    @Override
    public void clearSelection() {
        runtime.setSelection(null);
    }

    @Override
    public void cleanup(String given) {
        String dataSpaceId = InMemorySaasProjectClient.requireId(given, "dataSpaceId");
        runtime.account().dataSpace(dataSpaceId).ifPresent(dataSpace -> runtime.guard().check(dataSpace, "clean up"));
        runtime.gate().call(FakeOperation.CLEANUP, "POST", RegistryPaths.cleanup(dataSpaceId), null, dataSpaceId,
                null, () -> {
                    runtime.account().cleanup(dataSpaceId);
                    return null;
                });
        runtime.cleanedUp(dataSpaceId);
    }

    @Override
    public void assignCloudId(String given, String cloudId) {
        String dataSpaceId = InMemorySaasProjectClient.requireId(given, "dataSpaceId");
        if (cloudId == null || cloudId.isBlank()) {
            throw new IllegalArgumentException("The cloud id is empty: give the Adobe Commerce cloud project id");
        }
        runtime.gate().call(FakeOperation.ASSIGN_CLOUD_ID, "PUT", RegistryPaths.cloudId(dataSpaceId, cloudId), null,
                dataSpaceId, null, () -> runtime.account().assignCloudId(dataSpaceId, cloudId));
    }

    @Override
    public SaasIdentity imsOrganization(ImsOrganizationId organization) {
        synchronized (runtime) {
            SaasIdentity current = runtime.selection().orElseThrow(() -> new IllegalStateException(
                    "No data space is selected: call select(projectId, dataSpaceId) before linking an IMS "
                            + "organization"));
            SaasIdentity linked = current.withImsOrganization(organization);
            runtime.setSelection(linked);
            return linked;
        }
    }
}

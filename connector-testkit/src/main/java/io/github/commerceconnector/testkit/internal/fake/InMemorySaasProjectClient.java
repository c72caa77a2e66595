package io.github.commerceconnector.testkit.internal.fake;

import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.registry.SaasProjectClient;
import io.github.commerceconnector.testkit.FakeOperation;
import java.util.List;

/** The in-memory {@link SaasProjectClient} of a fake account. Thread-safe. */
public final class InMemorySaasProjectClient implements SaasProjectClient {
    private final FakeRuntime runtime;

    /** Creates the client over a runtime. */
    public InMemorySaasProjectClient(FakeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<SaasProject> list() {
        return runtime.gate().call(FakeOperation.LIST_REGISTRY, "GET", RegistryPaths.LIST, null, null, null,
                () -> runtime.account().projects());
    }

    @Override
    public SaasProject get(String given) {
        String projectId = requireId(given, "projectId");
        return runtime.gate().call(FakeOperation.GET_PROJECT, "GET", RegistryPaths.project(projectId), projectId,
                null, null, () -> runtime.account().requireProject(projectId));
    }

    @Override
    public SaasProject create(String name) {
        requireName(name, "A SaaS project name");
        return runtime.gate().call(FakeOperation.CREATE_PROJECT, "POST", RegistryPaths.INITIALIZE, null, null, null,
                () -> runtime.account().createProject(name));
    }

    @Override
    public SaasProject rename(String given, String newName) {
        String projectId = requireId(given, "projectId");
        requireName(newName, "A SaaS project name");
        return runtime.gate().call(FakeOperation.RENAME_PROJECT, "PATCH", RegistryPaths.project(projectId),
                projectId, null, null, () -> runtime.account().renameProject(projectId, newName));
    }

    /** Refuses a null or blank id before any call, and strips it, as the real client does. */
    static String requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is " + (value == null ? "null" : "blank")
                    + ": give the id as listed by the registry (projects().list()).");
        }
        return value.strip();
    }

    /** Refuses a blank name before any call, as the real client does. */
    static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " is empty: give 1 to 255 characters");
        }
    }
}

package io.github.commerceconnector.core.internal.registry;

import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasProject;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The data spaces this client has seen in registry replies, by id. The data-space guard reads a data space's
 * type here, so that it can refuse a call before any request; ids, projects and types never change, so what
 * was seen stays true (only labels change). Thread-safe.
 */
public final class DataSpaceDirectory {
    private final ConcurrentMap<String, DataSpace> byId = new ConcurrentHashMap<>();

    /** Records the data spaces of projects. */
    void remember(Collection<SaasProject> projects) {
        projects.forEach(project -> project.dataSpaces().forEach(this::remember));
    }

    /** Records one data space. */
    void remember(DataSpace dataSpace) {
        byId.put(dataSpace.id(), dataSpace);
    }

    /** The data space with this id, if it was seen. */
    public Optional<DataSpace> find(String dataSpaceId) {
        return Optional.ofNullable(byId.get(dataSpaceId));
    }
}

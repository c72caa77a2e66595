package io.github.commerceconnector.core.internal.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.core.internal.guard.DataSpaceGuard;
import io.github.commerceconnector.core.internal.guard.DataSpaceGuard.Action;
import io.github.commerceconnector.core.internal.http.GatewayCall;
import io.github.commerceconnector.core.internal.http.GatewayCall.RetryPolicy;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
import io.github.commerceconnector.core.internal.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DataSpaceClient} over the merchant registry, with the saved selection in a {@link SelectionStore} and
 * the {@link DataSpaceGuard} applied before any write. The guard reads a data space's type from the
 * {@link DataSpaceDirectory} (what earlier replies showed); for a data space never seen it first reads it
 * from the registry, a GET that changes nothing, and refuses before the write is sent.
 */
public final class HttpDataSpaceClient implements DataSpaceClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDataSpaceClient.class);

    private final GatewayCaller caller;
    private final HttpSaasProjectClient projects;
    private final DataSpaceDirectory directory;
    private final DataSpaceGuard guard;
    private final SelectionStore store;
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();
    private final Object selectionLock = new Object();
    private volatile Optional<SaasIdentity> selection;

    /**
     * Creates the client and loads the saved selection.
     *
     * @param caller    sends the calls
     * @param projects  reads projects, to check that a selected data space belongs to its project
     * @param directory the data spaces seen so far
     * @param guard     the data-space guard
     * @param store     where the selection is kept
     * @throws io.github.commerceconnector.api.exception.ConfigurationException if the saved selection is damaged
     */
    public HttpDataSpaceClient(GatewayCaller caller, HttpSaasProjectClient projects, DataSpaceDirectory directory,
            DataSpaceGuard guard, SelectionStore store) {
        this.caller = caller;
        this.projects = projects;
        this.directory = directory;
        this.guard = guard;
        this.store = store;
        this.selection = store.load();
    }

    /**
     * Registers a listener told of selection changes and clean-ups.
     *
     * @return a handle that removes the listener when closed
     */
    public AutoCloseable addListener(RegistryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<DataSpace> list(String projectId) {
        return projects.get(projectId).dataSpaces();
    }

    @Override
    public DataSpace get(String dataSpaceId) {
        String path = RegistryPaths.dataSpace(RegistryPaths.requireId(dataSpaceId, "dataSpaceId"));
        DataSpace dataSpace = RegistryReplies.read(caller.call(GatewayCall.get(path)), "GET " + path,
                RegistryRecords::singleDataSpace);
        directory.remember(dataSpace);
        return dataSpace;
    }

    @Override
    public DataSpace rename(String dataSpaceId, String newName) {
        String path = RegistryPaths.dataSpace(RegistryPaths.requireId(dataSpaceId, "dataSpaceId"));
        ObjectNode body = Json.object().put("environmentName", RegistryPaths.requireName(newName, "newName"));
        GatewayCall call = new GatewayCall("PATCH", path, Map.of(), Json.bytes(body), RetryPolicy.IDEMPOTENT, null);
        DataSpace renamed = RegistryReplies.read(caller.call(call), "PATCH " + path, RegistryRecords::singleDataSpace);
        directory.remember(renamed);
        return renamed;
    }

    @Override
    public SaasIdentity select(String projectId, String dataSpaceId) {
        String projectKey = RegistryPaths.requireId(projectId, "projectId");
        String dataSpaceKey = RegistryPaths.requireId(dataSpaceId, "dataSpaceId");
        Optional<DataSpace> known = directory.find(dataSpaceKey);
        known.ifPresent(seen -> guard.permit(Action.SELECT, dataSpaceKey, seen.type()));
        SaasProject project = projects.get(projectKey);
        DataSpace dataSpace = project.dataSpace(dataSpaceKey).orElseThrow(() -> notInProject(project, dataSpaceKey));
        if (known.isEmpty() || known.get().type() != dataSpace.type()) {
            guard.permit(Action.SELECT, dataSpaceKey, dataSpace.type());
        }
        synchronized (selectionLock) {
            Optional<SaasIdentity> previous = selection;
            ImsOrganizationId keptLink = previous.filter(old -> old.projectId().equals(projectKey))
                    .flatMap(SaasIdentity::imsOrganization).orElse(null);
            SaasIdentity identity = SaasIdentity.of(project, dataSpace, keptLink);
            change(previous, Optional.of(identity));
            LOG.debug("Selected data space {} ({}) of project {}", dataSpaceKey, dataSpace.type().wireName(),
                    projectKey);
            return identity;
        }
    }

    @Override
    public Optional<SaasIdentity> current() {
        return selection;
    }

    @Override
    public void clearSelection() {
        synchronized (selectionLock) {
            change(selection, Optional.empty());
        }
    }

    @Override
    public void cleanup(String dataSpaceId) {
        String id = RegistryPaths.requireId(dataSpaceId, "dataSpaceId");
        DataSpace dataSpace = directory.find(id).orElseGet(() -> get(id));
        guard.permit(Action.CLEANUP, id, dataSpace.type());
        caller.call(new GatewayCall("POST", RegistryPaths.cleanup(id), Map.of(), new byte[0], RetryPolicy.IDEMPOTENT,
                null));
        LOG.debug("Cleaned up data space {}", id);
        listeners.forEach(listener -> listener.dataSpaceCleaned(id));
    }

    @Override
    public void assignCloudId(String dataSpaceId, String cloudId) {
        String id = RegistryPaths.requireId(dataSpaceId, "dataSpaceId");
        String cloud = RegistryPaths.requireId(cloudId, "cloudId");
        caller.call(new GatewayCall("PUT", RegistryPaths.cloudId(id, cloud), Map.of(), new byte[0],
                RetryPolicy.IDEMPOTENT, null));
        directory.find(id).ifPresent(seen -> directory.remember(new DataSpace(seen.id(), seen.projectId(),
                seen.name(), seen.type(), seen.mageId(), seen.imsOrganizationId(), seen.featureSet(), cloud,
                seen.createdAt(), seen.updatedAt())));
    }

    @Override
    public SaasIdentity imsOrganization(ImsOrganizationId organization) {
        synchronized (selectionLock) {
            SaasIdentity selected = selection.orElseThrow(() -> new IllegalStateException("No data space is "
                    + "selected: call select(projectId, dataSpaceId) before linking an IMS organization."));
            SaasIdentity linked = selected.withImsOrganization(organization);
            change(selection, Optional.of(linked));
            return linked;
        }
    }

    /** Saves the new selection, then tells the listeners. Called under the selection lock. */
    private void change(Optional<SaasIdentity> previous, Optional<SaasIdentity> next) {
        if (next.isPresent()) {
            store.save(next.get());
        } else {
            store.clear();
        }
        selection = next;
        listeners.forEach(listener -> listener.selectionChanged(previous, next));
    }

    private static NotFoundException notInProject(SaasProject project, String dataSpaceId) {
        String ids = project.dataSpaces().stream().map(space -> space.id() + " (" + space.name() + ")")
                .collect(Collectors.joining(", "));
        return new NotFoundException("The data space " + dataSpaceId + " does not belong to the project "
                + project.id() + " (" + project.name() + "): select one of its data spaces"
                + (ids.isEmpty() ? "" : ": " + ids), 404, null, "DATA_SPACE_NOT_IN_PROJECT", null);
    }
}

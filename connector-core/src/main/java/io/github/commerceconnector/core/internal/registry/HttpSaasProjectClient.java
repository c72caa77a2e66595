package io.github.commerceconnector.core.internal.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.registry.SaasProjectClient;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.core.internal.http.Backoff;
import io.github.commerceconnector.core.internal.http.GatewayCall;
import io.github.commerceconnector.core.internal.http.GatewayCall.RetryPolicy;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
import io.github.commerceconnector.core.internal.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SaasProjectClient} over the merchant registry (PROTOCOL.md section 4). Every project seen is recorded
 * in the {@link DataSpaceDirectory} for the data-space guard.
 *
 * <p>Creating a project is not safe to repeat: after an ambiguous failure (no reply once the request may have
 * been sent, or a {@code 500}/{@code 502}/{@code 504}) the registry is listed, and a project of the requested
 * name there is taken as the result of the first request; only if none exists is the create sent again.
 */
public final class HttpSaasProjectClient implements SaasProjectClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSaasProjectClient.class);

    private final GatewayCaller caller;
    private final DataSpaceDirectory directory;
    private final int maxCreateAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;

    /**
     * Creates the client.
     *
     * @param caller            sends the calls
     * @param directory         records the data spaces seen
     * @param maxCreateAttempts how many times a create may be sent in all after ambiguous failures
     * @param backoff           the wait before sending a create again
     * @param sleeper           waits
     */
    public HttpSaasProjectClient(GatewayCaller caller, DataSpaceDirectory directory, int maxCreateAttempts,
            Backoff backoff, Sleeper sleeper) {
        this.caller = caller;
        this.directory = directory;
        this.maxCreateAttempts = maxCreateAttempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    @Override
    public List<SaasProject> list() {
        List<SaasProject> projects = RegistryReplies.read(caller.call(GatewayCall.get(RegistryPaths.LIST)),
                "GET " + RegistryPaths.LIST, RegistryRecords::projects);
        directory.remember(projects);
        return projects;
    }

    @Override
    public SaasProject get(String projectId) {
        String id = RegistryPaths.requireId(projectId, "projectId");
        String path = RegistryPaths.project(id);
        SaasProject project = RegistryReplies.read(caller.call(GatewayCall.get(path)), "GET " + path,
                reply -> RegistryRecords.project(reply, id));
        directory.remember(List.of(project));
        return project;
    }

    @Override
    public SaasProject create(String name) {
        String projectName = RegistryPaths.requireName(name, "name");
        ObjectNode body = Json.object().put("projectName", projectName);
        GatewayCall call = new GatewayCall("POST", RegistryPaths.INITIALIZE, Map.of(), Json.bytes(body),
                RetryPolicy.NOT_IDEMPOTENT, null);
        for (int attempt = 1;; attempt++) {
            try {
                return remember(RegistryReplies.read(caller.call(call), "POST " + RegistryPaths.INITIALIZE,
                        reply -> RegistryRecords.project(reply, null)));
            } catch (ConnectorException failure) {
                if (!isAmbiguous(failure) || attempt >= maxCreateAttempts) {
                    throw failure;
                }
                LOG.debug("Creating project '{}' ended without a clear answer ({}); looking for it before trying again",
                        projectName, failure.getClass().getSimpleName());
                Optional<SaasProject> created = findAfterAmbiguousFailure(projectName, failure);
                if (created.isPresent()) {
                    LOG.debug("Project '{}' exists as {}: the first create went through", projectName,
                            created.get().id());
                    return created.get();
                }
                pause(attempt, failure);
            }
        }
    }

    @Override
    public SaasProject rename(String projectId, String newName) {
        String id = RegistryPaths.requireId(projectId, "projectId");
        ObjectNode body = Json.object().put("projectName", RegistryPaths.requireName(newName, "newName"));
        String path = RegistryPaths.project(id);
        GatewayCall call = new GatewayCall("PATCH", path, Map.of(), Json.bytes(body), RetryPolicy.IDEMPOTENT, null);
        return remember(RegistryReplies.read(caller.call(call), "PATCH " + path,
                reply -> RegistryRecords.project(reply, id)));
    }

    private SaasProject remember(SaasProject project) {
        directory.remember(List.of(project));
        return project;
    }

    private Optional<SaasProject> findAfterAmbiguousFailure(String projectName, ConnectorException failure) {
        try {
            return list().stream().filter(project -> project.name().equals(projectName)).findFirst();
        } catch (ConnectorException listFailed) {
            failure.addSuppressed(listFailed);
            throw failure;
        }
    }

    private void pause(int attempt, ConnectorException failure) {
        try {
            sleeper.sleep(backoff.jittered(attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(interrupted);
            throw failure;
        }
    }

    /** Whether the failed create may or may not have taken effect. */
    private static boolean isAmbiguous(ConnectorException failure) {
        if (failure instanceof ConnectorClientException client) {
            return client.isRetryable();
        }
        if (failure instanceof ConnectorServiceException service && !(failure instanceof AuthenticationException)) {
            int status = service.statusCode();
            return status == 500 || status == 502 || status == 504;
        }
        return false;
    }
}

package io.github.commerceconnector.core.internal.http;

import io.github.commerceconnector.api.observation.GatewayRequest;
import java.util.Objects;

/**
 * What a gateway call is for, as observers see it: an operation from a fixed set, the feed and the data space.
 * Registry calls get theirs from their method and path; catalog calls name their feed and data space.
 *
 * @param operation   see {@link GatewayRequest#operation()}
 * @param feed        the feed's name, or {@link GatewayRequest#NONE}
 * @param dataSpaceId the data space, or {@link GatewayRequest#NONE}
 */
public record RequestLabel(String operation, String feed, String dataSpaceId) {
    private static final String REGISTRY = "merchant-registry/v1/";
    private static final String DATA_SPACES = REGISTRY + "registry/environments/";
    private static final String PROJECTS = REGISTRY + "registry/projects/";

    /** Checks presence. */
    public RequestLabel {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(dataSpaceId, "dataSpaceId");
    }

    /** The label of a catalog feed request. */
    public static RequestLabel feed(String feed, String dataSpaceId) {
        return new RequestLabel("feeds.send", feed, dataSpaceId);
    }

    /** The label of a registry call, from its method and path; {@code other} for a path it does not know. */
    public static RequestLabel of(String method, String path) {
        String route = path.startsWith("/") ? path.substring(1) : path;
        if (route.startsWith(DATA_SPACES)) {
            String rest = route.substring(DATA_SPACES.length());
            int slash = rest.indexOf('/');
            String dataSpaceId = slash < 0 ? rest : rest.substring(0, slash);
            String action = slash < 0 ? ("PATCH".equals(method) ? "dataspaces.rename" : "dataspaces.get")
                    : rest.startsWith("cleanup", slash + 1) ? "dataspaces.cleanup" : "dataspaces.ims-organization";
            return new RequestLabel(action, GatewayRequest.NONE, dataSpaceId);
        }
        String operation;
        if (route.startsWith(PROJECTS)) {
            operation = "PATCH".equals(method) ? "projects.rename" : "projects.get";
        } else if (route.equals(REGISTRY + "registry")) {
            operation = "projects.list";
        } else if (route.equals(REGISTRY + "registry/initialize")) {
            operation = "projects.create";
        } else if (route.equals(REGISTRY + "ping")) {
            operation = "keys.check";
        } else {
            operation = "other";
        }
        return new RequestLabel(operation, GatewayRequest.NONE, GatewayRequest.NONE);
    }

    /** The request an observer is told of, for one attempt. */
    GatewayRequest request(String method, int attempt) {
        return new GatewayRequest(operation, method, feed, dataSpaceId, attempt);
    }
}

package io.github.commerceconnector.testkit.internal.gateway;

import io.github.commerceconnector.testkit.FakeCall;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.internal.account.AccountState;
import io.github.commerceconnector.testkit.internal.fake.RegistryPaths;
import java.time.Instant;

/**
 * A request matched to an operation of PROTOCOL.md §3-§5, with the ids its path names.
 *
 * @param operation   the operation
 * @param projectId   the project in the path, or {@code null}
 * @param dataSpaceId the data space in the path, or {@code null}
 * @param feedRoute   the feed route, or {@code null}
 * @param cloudId     the cloud id in the path, or {@code null}
 */
record Route(FakeOperation operation, String projectId, String dataSpaceId, String feedRoute, String cloudId) {
    private static final String PROJECTS = RegistryPaths.REGISTRY + "registry/projects/";
    private static final String ENVIRONMENTS = RegistryPaths.REGISTRY + "registry/environments/";

    /** The call log entry for this request. */
    FakeCall toCall(String method, String path, Instant at) {
        return new FakeCall(operation, method, path, projectId, dataSpaceId, feedRoute, FakeCall.Via.GATEWAY, at);
    }

    /** The route of a request, or {@code null} when nothing is served at this method and path. */
    static Route match(String method, String path, AccountState account) {
        Route route = matchPath(path, account, method);
        return route != null && expectedMethod(route.operation()).equals(method) ? route : null;
    }

    /** Whether something is served at this path with another method (a {@code 405} rather than a {@code 404}). */
    static boolean servedWithOtherMethod(String method, String path, AccountState account) {
        for (String other : new String[] {"GET", "POST", "PUT", "PATCH"}) {
            if (!other.equals(method) && match(other, path, account) != null) {
                return true;
            }
        }
        return false;
    }

    private static Route matchPath(String path, AccountState account, String method) {
        if (path.equals(RegistryPaths.PING)) {
            return new Route(FakeOperation.PING, null, null, null, null);
        }
        if (path.equals(RegistryPaths.LIST)) {
            return new Route(FakeOperation.LIST_REGISTRY, null, null, null, null);
        }
        if (path.equals(RegistryPaths.INITIALIZE)) {
            return new Route(FakeOperation.CREATE_PROJECT, null, null, null, null);
        }
        if (path.startsWith(PROJECTS)) {
            String id = path.substring(PROJECTS.length());
            if (!id.isEmpty() && !id.contains("/")) {
                return new Route(method.equals("PATCH") ? FakeOperation.RENAME_PROJECT : FakeOperation.GET_PROJECT,
                        id, null, null, null);
            }
            return null;
        }
        if (path.startsWith(ENVIRONMENTS)) {
            return matchEnvironment(path.substring(ENVIRONMENTS.length()).split("/", -1), method);
        }
        int slash = path.lastIndexOf('/');
        if (slash > 0 && slash < path.length() - 1) {
            String feedRoute = path.substring(0, slash);
            if (!account.feedsAtRoute(feedRoute).isEmpty()) {
                return new Route(FakeOperation.SEND_FEED, null, path.substring(slash + 1), feedRoute, null);
            }
        }
        return null;
    }

    private static Route matchEnvironment(String[] segments, String method) {
        if (segments.length == 0 || segments[0].isEmpty()) {
            return null;
        }
        String id = segments[0];
        if (segments.length == 1) {
            return new Route(method.equals("PATCH") ? FakeOperation.RENAME_DATA_SPACE : FakeOperation.GET_DATA_SPACE,
                    null, id, null, null);
        }
        if (segments.length == 2 && segments[1].equals("cleanup")) {
            return new Route(FakeOperation.CLEANUP, null, id, null, null);
        }
        if (segments.length == 3 && segments[1].equals("cloudid") && !segments[2].isEmpty()) {
            return new Route(FakeOperation.ASSIGN_CLOUD_ID, null, id, null, segments[2]);
        }
        return null;
    }

    private static String expectedMethod(FakeOperation operation) {
        switch (operation) {
            case CREATE_PROJECT:
            case CLEANUP:
            case SEND_FEED:
                return "POST";
            case RENAME_PROJECT:
            case RENAME_DATA_SPACE:
                return "PATCH";
            case ASSIGN_CLOUD_ID:
                return "PUT";
            default:
                return "GET";
        }
    }
}

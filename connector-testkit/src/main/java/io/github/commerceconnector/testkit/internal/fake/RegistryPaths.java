package io.github.commerceconnector.testkit.internal.fake;

/** The merchant registry paths of PROTOCOL.md §3-§4, relative to the gateway base URL. */
public final class RegistryPaths {
    /** The registry prefix. */
    public static final String REGISTRY = "merchant-registry/v1/";
    /** The key check. */
    public static final String PING = REGISTRY + "ping";
    /** Everything the keys can see. */
    public static final String LIST = REGISTRY + "registry";
    /** Project creation. */
    public static final String INITIALIZE = REGISTRY + "registry/initialize";

    private RegistryPaths() {
    }

    /** {@code registry/projects/{projectId}}. */
    public static String project(String projectId) {
        return REGISTRY + "registry/projects/" + projectId;
    }

    /** {@code registry/environments/{environmentId}}. */
    public static String dataSpace(String dataSpaceId) {
        return REGISTRY + "registry/environments/" + dataSpaceId;
    }

    /** {@code registry/environments/{environmentId}/cleanup}. */
    public static String cleanup(String dataSpaceId) {
        return dataSpace(dataSpaceId) + "/cleanup";
    }

    /** {@code registry/environments/{environmentId}/cloudid/{cloudId}}. */
    public static String cloudId(String dataSpaceId, String cloudId) {
        return dataSpace(dataSpaceId) + "/cloudid/" + cloudId;
    }
}

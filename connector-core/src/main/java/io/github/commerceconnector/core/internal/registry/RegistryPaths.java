package io.github.commerceconnector.core.internal.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The merchant registry's paths (PROTOCOL.md section 4), relative to the gateway base URL. */
final class RegistryPaths {
    static final String REGISTRY = "merchant-registry/v1/";
    static final String PING = REGISTRY + "ping";
    static final String LIST = REGISTRY + "registry";
    static final String INITIALIZE = REGISTRY + "registry/initialize";

    private RegistryPaths() {
    }

    static String project(String projectId) {
        return REGISTRY + "registry/projects/" + segment(projectId);
    }

    static String dataSpace(String dataSpaceId) {
        return REGISTRY + "registry/environments/" + segment(dataSpaceId);
    }

    static String cleanup(String dataSpaceId) {
        return dataSpace(dataSpaceId) + "/cleanup";
    }

    static String cloudId(String dataSpaceId, String cloudId) {
        return dataSpace(dataSpaceId) + "/cloudid/" + segment(cloudId);
    }

    /** Percent-encodes one path segment (a space becomes {@code %20}, a slash {@code %2F}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Checks an id given by the caller.
     *
     * @throws IllegalArgumentException naming the parameter when it is null or blank
     */
    static String requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is " + (value == null ? "null" : "blank")
                    + ": give the id as listed by the registry (projects().list()).");
        }
        return value.strip();
    }

    /**
     * Checks a new name.
     *
     * @throws IllegalArgumentException naming the parameter when it is null or blank
     */
    static String requireName(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is " + (value == null ? "null" : "blank")
                    + ": give a non-blank name.");
        }
        return value.strip();
    }
}

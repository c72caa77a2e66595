package io.github.commerceconnector.core.gateway;

import java.util.List;

/** Registry reply bodies for WireMock stubs, in the record shape of PROTOCOL.md section 4. */
public final class Registry {
    /** Project ids and data space ids used across the registry tests. */
    public static final String PROJECT = "proj-1";
    public static final String PRODUCTION_SPACE = "11111111-1111-1111-1111-111111111111";
    public static final String TESTING_SPACE = "22222222-2222-2222-2222-222222222222";
    public static final String TESTING_SPACE_2 = "33333333-3333-3333-3333-333333333333";
    public static final String OTHER_PROJECT = "proj-2";
    public static final String OTHER_PROJECT_SPACE = "44444444-4444-4444-4444-444444444444";

    private Registry() {
    }

    /** One flat record. */
    public static String record(String projectId, String projectName, String environmentId, String environmentName,
            String environmentType) {
        return "{\"projectId\":\"" + projectId + "\",\"projectName\":\"" + projectName + "\",\"environmentId\":\""
                + environmentId + "\",\"environmentName\":\"" + environmentName + "\",\"environmentType\":\""
                + environmentType + "\"}";
    }

    /** {@code {"results":[...]}}. */
    public static String results(String... records) {
        return "{\"results\":[" + String.join(",", List.of(records)) + "]}";
    }

    /** The records of the standard project: testing first on the wire, to prove production is put first. */
    public static String[] standardProject() {
        return new String[] {
            record(PROJECT, "Main store", TESTING_SPACE, "Testing 1", "Testing"),
            record(PROJECT, "Main store", PRODUCTION_SPACE, "Production", "Production"),
            record(PROJECT, "Main store", TESTING_SPACE_2, "Testing 2", "Testing")
        };
    }

    /** The records of a second project with one testing data space. */
    public static String[] otherProject() {
        return new String[] {record(OTHER_PROJECT, "Outlet", OTHER_PROJECT_SPACE, "Testing 1", "Testing")};
    }
}

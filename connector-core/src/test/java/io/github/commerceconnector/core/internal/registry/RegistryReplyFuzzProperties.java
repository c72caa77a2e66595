package io.github.commerceconnector.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.testsupport.FuzzJson;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the registry reply readers with bodies near the documented shape, cut short, or not JSON at all: every
 * reply either reads or is refused with a {@link ConnectorServiceException} of code {@code MALFORMED_REPLY}.
 * Nothing else comes out.
 */
class RegistryReplyFuzzProperties {
    private static final List<String> KEYS = List.of("results", "status", "projectId", "projectName", "environmentId",
            "environmentName", "environmentType", "mageId", "imsOrganizationId", "featureSet", "createdAt",
            "updatedAt", "message", "requestId");
    private static final List<Object> VALUES = List.of("proj-1", "Main store", "22222222-2222-2222-2222-222222222222",
            "Testing", "Production", "Testing 1", "2024-05-01T10:15:30Z", "yesterday",
            "8E6307BF5D775FA00A495EF9@AdobeOrg", "not an org", "Product Recommendations", "", " ", 200,
            List.of("Live Search", "Catalog Service"));

    @Provide
    Arbitrary<byte[]> replies() {
        return FuzzJson.bodies(KEYS, VALUES);
    }

    private static <T> void readsOrRefuses(byte[] body, Function<JsonNode, T> mapper) {
        TransportResponse response = new TransportResponse(200, Map.of("x-request-id", List.of("fuzz-1")), body);
        try {
            assertNotNull(RegistryReplies.read(response, "GET merchant-registry/v1/registry", mapper));
        } catch (ConnectorServiceException refused) {
            assertEquals(RegistryReplies.MALFORMED_REPLY, refused.errorCode().orElseThrow());
            assertEquals("fuzz-1", refused.requestId().orElseThrow());
        }
    }

    @Property(tries = 400)
    void theRegistryListReadsOrIsRefusedAsMalformed(@ForAll("replies") byte[] body) {
        readsOrRefuses(body, reply -> {
            List<SaasProject> projects = RegistryRecords.projects(reply);
            projects.forEach(project -> assertNotNull(project.id()));
            return projects;
        });
    }

    @Property(tries = 300)
    void aProjectReplyReadsOrIsRefusedAsMalformed(@ForAll("replies") byte[] body) {
        readsOrRefuses(body, reply -> RegistryRecords.project(reply, "proj-1"));
    }

    @Property(tries = 300)
    void aDataSpaceReplyReadsOrIsRefusedAsMalformed(@ForAll("replies") byte[] body) {
        readsOrRefuses(body, RegistryRecords::singleDataSpace);
    }
}

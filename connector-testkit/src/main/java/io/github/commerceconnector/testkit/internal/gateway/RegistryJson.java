package io.github.commerceconnector.testkit.internal.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FeedResult;
import io.github.commerceconnector.testkit.InvalidItem;
import io.github.commerceconnector.testkit.internal.account.HttpStatusTexts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies of the fake gateway's replies (PROTOCOL.md §3-§5): flat registry records, one per
 * data space; the error shape; the two authentication refusals; and {@code invalidFeedItems}.
 * A record carries {@code cloudId} too (an assumed field name; readers ignore fields they do not
 * know), and leaves out fields that have no value.
 */
final class RegistryJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RegistryJson() {
    }

    /** {@code {"results":[record, ...]}} for every data space of every project. */
    static byte[] results(List<SaasProject> projects) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode results = root.putArray("results");
        for (SaasProject project : projects) {
            for (DataSpace dataSpace : project.dataSpaces()) {
                results.add(record(project, dataSpace));
            }
        }
        return bytes(root);
    }

    /** {@code {"status":200,"results":[record, ...]}} for one project. */
    static byte[] projectWithStatus(SaasProject project) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("status", 200);
        ArrayNode results = root.putArray("results");
        for (DataSpace dataSpace : project.dataSpaces()) {
            results.add(record(project, dataSpace));
        }
        return bytes(root);
    }

    /** One record. */
    static byte[] record(SaasProject project, String dataSpaceId) {
        return bytes(record(project, project.dataSpace(dataSpaceId).orElseThrow()));
    }

    /** {@code {}}. */
    static byte[] empty() {
        return "{}".getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"status":404,"statusText":"Not Found","message":"...","requestId":"..."}}. */
    static byte[] error(int status, String message, String requestId) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("status", status);
        root.put("statusText", HttpStatusTexts.of(status));
        root.put("message", message);
        root.put("requestId", requestId);
        return bytes(root);
    }

    /** {@code {"message":"JWT is invalid"}}. */
    static byte[] invalidJwt() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("message", "JWT is invalid");
        return bytes(root);
    }

    /** {@code {"error":{"message":"Client ID is invalid"}}}. */
    static byte[] invalidClient() {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("error").put("message", "Client ID is invalid");
        return bytes(root);
    }

    /** {@code {}} when every item was accepted, else {@code {"invalidFeedItems":[{"itemIndex":n,"code":"...","message":"..."}]}}. */
    static byte[] feedReply(FeedResult result) {
        if (result.allAccepted()) {
            return empty();
        }
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode invalid = root.putArray("invalidFeedItems");
        for (InvalidItem item : result.invalidItems()) {
            if (item.field() != null) {
                invalid.addObject().put("field", item.field()).put("message", item.message());
            } else {
                invalid.addObject().put("itemIndex", item.itemIndex()).put("code", item.code())
                        .put("message", item.message());
            }
        }
        return bytes(root);
    }

    private static ObjectNode record(SaasProject project, DataSpace dataSpace) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("projectId", project.id());
        record.put("projectName", project.name());
        record.put("environmentId", dataSpace.id());
        record.put("environmentName", dataSpace.name());
        record.put("environmentType", dataSpace.type().wireName());
        putIfPresent(record, "mageId", dataSpace.mageId());
        putIfPresent(record, "imsOrganizationId",
                dataSpace.imsOrganizationId() == null ? null : dataSpace.imsOrganizationId().value());
        putIfPresent(record, "featureSet", dataSpace.featureSet());
        putIfPresent(record, "cloudId", dataSpace.cloudId());
        putIfPresent(record, "createdAt", text(dataSpace.createdAt()));
        putIfPresent(record, "updatedAt", text(dataSpace.updatedAt()));
        return record;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Writing a JSON tree failed", impossible);
        }
    }
}

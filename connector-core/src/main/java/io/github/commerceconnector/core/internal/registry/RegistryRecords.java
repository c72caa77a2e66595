package io.github.commerceconnector.core.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.internal.json.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the registry's flat records (one per data space: {@code projectId}, {@code projectName},
 * {@code environmentId}, {@code environmentName}, {@code environmentType}, {@code mageId},
 * {@code imsOrganizationId}, {@code featureSet}, {@code cloudId}, {@code createdAt}, {@code updatedAt}) to
 * {@link SaasProject}s with their {@link DataSpace}s, production first. Unknown fields are ignored.
 */
final class RegistryRecords {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryRecords.class);
    private static final Comparator<DataSpace> PRODUCTION_FIRST =
            Comparator.comparing(space -> space.type() == DataSpaceType.PRODUCTION ? 0 : 1);

    private RegistryRecords() {
    }

    /**
     * The projects in a {@code {"results":[record, ...]}} reply, in the order they first appear.
     *
     * @throws IllegalArgumentException if the reply has no {@code results} array or a record lacks its ids
     */
    static List<SaasProject> projects(JsonNode reply) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<DataSpace>> spaces = new LinkedHashMap<>();
        for (JsonNode record : results(reply)) {
            String projectId = required(record, "projectId");
            names.putIfAbsent(projectId, nullToEmpty(Json.text(record, "projectName")));
            List<DataSpace> list = spaces.computeIfAbsent(projectId, id -> new ArrayList<>());
            if (Json.text(record, "environmentId") != null) {
                list.add(dataSpace(record));
            }
        }
        List<SaasProject> projects = new ArrayList<>();
        names.forEach((id, name) -> {
            List<DataSpace> list = spaces.get(id);
            list.sort(PRODUCTION_FIRST);
            projects.add(new SaasProject(id, name, list));
        });
        return projects;
    }

    /**
     * The one project of a reply.
     *
     * @throws IllegalArgumentException if the reply holds no record, or records of another project
     */
    static SaasProject project(JsonNode reply, String expectedProjectId) {
        List<SaasProject> projects = projects(reply);
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("the reply holds no record");
        }
        SaasProject project = projects.get(0);
        if (projects.size() > 1 || expectedProjectId != null && !expectedProjectId.equals(project.id())) {
            throw new IllegalArgumentException("the reply holds records of other projects than " + expectedProjectId);
        }
        return project;
    }

    /** The record of a one-data-space reply: the body itself, or the first entry of its {@code results}. */
    static DataSpace singleDataSpace(JsonNode reply) {
        JsonNode record = reply;
        if (reply != null && reply.has("results")) {
            List<JsonNode> records = results(reply);
            if (records.isEmpty()) {
                throw new IllegalArgumentException("the reply holds no record");
            }
            record = records.get(0);
        }
        if (record == null || !record.isObject()) {
            throw new IllegalArgumentException("the reply is not a JSON object");
        }
        return dataSpace(record);
    }

    /** One record as a data space. */
    static DataSpace dataSpace(JsonNode record) {
        return new DataSpace(required(record, "environmentId"), required(record, "projectId"),
                nullToEmpty(Json.text(record, "environmentName")), type(record),
                Json.text(record, "mageId"), imsOrganization(record), featureSet(record.get("featureSet")),
                Json.text(record, "cloudId"), instant(record, "createdAt"), instant(record, "updatedAt"));
    }

    private static List<JsonNode> results(JsonNode reply) {
        JsonNode results = reply == null ? null : reply.get("results");
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException("the reply has no \"results\" array");
        }
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode record : results) {
            if (!record.isObject()) {
                throw new IllegalArgumentException("a registry record is not a JSON object");
            }
            records.add(record);
        }
        return records;
    }

    /** The data space's type; an unknown or missing type is taken as production, so the guard errs safe. */
    private static DataSpaceType type(JsonNode record) {
        String value = Json.text(record, "environmentType");
        try {
            return DataSpaceType.fromWireName(value);
        } catch (IllegalArgumentException unknown) {
            LOG.warn("The registry gives data space {} the unknown type '{}': treating it as Production, so the "
                    + "data-space guard protects it", Json.text(record, "environmentId"), value);
            return DataSpaceType.PRODUCTION;
        }
    }

    private static ImsOrganizationId imsOrganization(JsonNode record) {
        String value = Json.text(record, "imsOrganizationId");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ImsOrganizationId.of(value);
        } catch (IllegalArgumentException malformed) {
            LOG.debug("Ignoring the malformed imsOrganizationId of data space {}", Json.text(record, "environmentId"));
            return null;
        }
    }

    private static String featureSet(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> labels = new ArrayList<>();
            value.forEach(label -> labels.add(label.asText()));
            return String.join(", ", labels);
        }
        return value.isContainerNode() ? null : value.asText();
    }

    /** An RFC 3339 time, or a {@code yyyy-MM-dd HH:mm:ss} time taken as UTC; null when absent or unreadable. */
    private static Instant instant(JsonNode record, String field) {
        String value = Json.text(record, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value.strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                LOG.debug("Ignoring the unreadable {} '{}' of a registry record", field, value);
                return null;
            }
        }
    }

    private static String required(JsonNode record, String field) {
        String value = Json.text(record, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a registry record has no " + field);
        }
        return value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

package io.github.commerceconnector.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The exporter's feed item schema ({@code exporter-schema.json}: the {@code et_schema.xml} records of
 * magento/commerce-data-export, merged): record name, then field name, then its type, whether it is repeated and
 * whether it is deprecated. A type that names another record is a nested object.
 */
final class ExporterSchema {
    /** The scalar types of the schema. */
    static final Set<String> SCALARS = Set.of("ID", "String", "Int", "Float", "Boolean");

    /**
     * One field of a record.
     *
     * @param name       the JSON name
     * @param type       a scalar type or a record name
     * @param repeated   whether it is an array
     * @param deprecated whether the schema marks it deprecated
     */
    record Field(String name, String type, boolean repeated, boolean deprecated) {

        /** Whether its type is another record. */
        boolean nested() {
            return !SCALARS.contains(type);
        }
    }

    private final Map<String, Map<String, Field>> records;

    private ExporterSchema(Map<String, Map<String, Field>> records) {
        this.records = records;
    }

    /** Reads the schema file. */
    static ExporterSchema read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Map<String, Field>> records = new LinkedHashMap<>();
        root.get("records").properties().forEach(record -> {
            Map<String, Field> fields = new LinkedHashMap<>();
            record.getValue().properties().forEach(field -> fields.put(field.getKey(), new Field(field.getKey(),
                    field.getValue().get("type").asText(), field.getValue().path("repeated").asBoolean(),
                    field.getValue().path("deprecated").asBoolean())));
            records.put(record.getKey(), Collections.unmodifiableMap(fields));
        });
        return new ExporterSchema(records);
    }

    /**
     * The fields of a record, in the schema's order.
     *
     * @throws IllegalArgumentException for a record the schema does not have
     */
    Map<String, Field> record(String name) {
        Map<String, Field> fields = records.get(name);
        if (fields == null) {
            throw new IllegalArgumentException("The exporter schema has no record " + name);
        }
        return fields;
    }
}

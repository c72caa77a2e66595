package io.github.commerceconnector.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
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

    /** The record that names every feed and its item record. */
    static final String EXPORT = "Export";

    private final Map<String, Map<String, Field>> records;
    private final Set<String> assumed;

    private ExporterSchema(Map<String, Map<String, Field>> records, Set<String> assumed) {
        this.records = records;
        this.assumed = assumed;
    }

    /** Reads the schema file. */
    static ExporterSchema read(Path file) throws IOException {
        Map<String, Map<String, Field>> records = new LinkedHashMap<>();
        readInto(file, records);
        return new ExporterSchema(records, Set.of());
    }

    /**
     * Reads the exporter's schema and beside it the records this SDK assumes for the feeds whose records are not
     * public ({@code assumed-schema.json}, same format): their feeds join the {@code Export} record.
     *
     * @throws IllegalArgumentException when an assumed record has the name of one of the exporter's
     */
    static ExporterSchema read(Path exporter, Path assumedFile) throws IOException {
        Map<String, Map<String, Field>> records = new LinkedHashMap<>();
        readInto(exporter, records);
        Map<String, Map<String, Field>> extra = new LinkedHashMap<>();
        readInto(assumedFile, extra);
        Set<String> assumed = new HashSet<>();
        for (Map.Entry<String, Map<String, Field>> record : extra.entrySet()) {
            if (record.getKey().equals(EXPORT)) {
                Map<String, Field> feeds = new LinkedHashMap<>(records.getOrDefault(EXPORT, Map.of()));
                feeds.putAll(record.getValue());
                records.put(EXPORT, Collections.unmodifiableMap(feeds));
            } else if (records.putIfAbsent(record.getKey(), record.getValue()) != null) {
                throw new IllegalArgumentException("Assumed record " + record.getKey() + " is one of the exporter's:"
                        + " remove it from " + assumedFile.getFileName());
            } else {
                assumed.add(record.getKey());
            }
        }
        return new ExporterSchema(records, Set.copyOf(assumed));
    }

    private static void readInto(Path file, Map<String, Map<String, Field>> records) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        root.get("records").properties().forEach(record -> {
            Map<String, Field> fields = new LinkedHashMap<>();
            record.getValue().properties().forEach(field -> fields.put(field.getKey(), new Field(field.getKey(),
                    field.getValue().get("type").asText(), field.getValue().path("repeated").asBoolean(),
                    field.getValue().path("deprecated").asBoolean())));
            records.put(record.getKey(), Collections.unmodifiableMap(fields));
        });
    }

    /** Whether a record is one this SDK assumes rather than one of the exporter's. */
    boolean assumed(String record) {
        return assumed.contains(record);
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

package io.github.commerceconnector.testkit.internal.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds feed items against the exporter's schema ({@code exporter-schema.json}, the copy this testkit carries):
 * every field name must be a field of the feed's record (or {@code deleted}, which the exporter adds to every
 * item), and every value of the record's JSON type: {@code ID} a string or a number, {@code String} a string,
 * {@code Int} a JSON integer, {@code Float} a number, {@code Boolean} true or false, another record an object of
 * that record, a repeated field an array. The feed's record is the one the schema's {@code Export} record names
 * for the feed's name; a feed the schema does not name (a custom feed) is not checked. The feeds whose exporter
 * records are not public (productOverrides, categoryPermissions) are held against the records this SDK assumes for
 * them ({@code assumed-schema.json}, same format, beside it). Thread-safe.
 */
public final class SchemaCheck {
    /** Where the schema is on the class path. */
    private static final String RESOURCE = "/io/github/commerceconnector/testkit/exporter-schema.json";
    /** Where the assumed records are on the class path. */
    private static final String ASSUMED = "/io/github/commerceconnector/testkit/assumed-schema.json";
    /** The most problems reported per item. */
    static final int MAX_PROBLEMS = 10;

    private static final String DELETED = "deleted";

    private final Map<String, Map<String, Field>> records;
    private final Map<String, String> recordOfFeed;
    private final Set<String> assumed;

    /**
     * One problem with an item.
     *
     * @param path    the offending field as a JSON pointer below the item, e.g. {@code /images/0/sortOrder}
     * @param message what is wrong and what the schema wants
     */
    public record Problem(String path, String message) {
    }

    private record Field(String type, boolean repeated) {
    }

    private SchemaCheck(Map<String, Map<String, Field>> records, Map<String, String> recordOfFeed,
            Set<String> assumed) {
        this.records = records;
        this.recordOfFeed = recordOfFeed;
        this.assumed = assumed;
    }

    /** The schema this testkit carries, read once. */
    public static SchemaCheck exporterSchema() {
        return Holder.INSTANCE;
    }

    /**
     * The problems of an item of a feed, at most {@value #MAX_PROBLEMS}; empty when it fits the schema or the
     * feed is not one of the schema's.
     */
    public List<Problem> check(String feedName, Map<String, ?> item) {
        String record = recordOfFeed.get(feedName);
        if (record == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        object(record, item, "", true, problems);
        return problems;
    }

    private void object(String record, Map<?, ?> object, String path, boolean item, List<Problem> problems) {
        Map<String, Field> fields = records.get(record);
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (problems.size() >= MAX_PROBLEMS) {
                return;
            }
            String name = String.valueOf(entry.getKey());
            String at = path + "/" + name;
            Field field = fields.get(name);
            if (field == null && item && name.equals(DELETED)) {
                field = new Field("Boolean", false);
            }
            if (field == null) {
                problems.add(new Problem(at, "not a field of " + (assumed.contains(record)
                        ? "the " + record + " record this SDK assumes (assumed-schema.json)"
                        : "the exporter's " + record + " record (exporter-schema.json)")
                        + ": leave it out, or use the schema's name"));
            } else if (entry.getValue() != null) {
                value(field, entry.getValue(), at, problems);
            }
        }
    }

    private void value(Field field, Object value, String at, List<Problem> problems) {
        if (field.repeated()) {
            if (!(value instanceof List<?> list)) {
                problems.add(wrongType(at, "an array of " + plural(field.type()), "[" + field.type() + "]", value));
                return;
            }
            for (int i = 0; i < list.size() && problems.size() < MAX_PROBLEMS; i++) {
                if (list.get(i) != null) {
                    single(field.type(), list.get(i), at + "/" + i, problems);
                }
            }
        } else {
            single(field.type(), value, at, problems);
        }
    }

    private void single(String type, Object value, String at, List<Problem> problems) {
        if (records.containsKey(type)) {
            if (value instanceof Map<?, ?> map) {
                object(type, map, at, false, problems);
            } else {
                problems.add(wrongType(at, expected(type), type, value));
            }
            return;
        }
        boolean fits = switch (type) {
            case "ID" -> value instanceof String || value instanceof Number;
            case "String" -> value instanceof String;
            case "Int" -> integral(value);
            case "Float" -> value instanceof Number;
            case "Boolean" -> value instanceof Boolean;
            default -> true;
        };
        if (!fits) {
            problems.add(wrongType(at, expected(type), type, value));
        }
    }

    private static boolean integral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || (value instanceof BigDecimal decimal && decimal.scale() <= 0);
    }

    private String expected(String type) {
        return switch (type) {
            case "ID" -> "a string or a number";
            case "String" -> "a string";
            case "Int" -> "a JSON integer";
            case "Float" -> "a number";
            case "Boolean" -> "true or false";
            default -> records.containsKey(type) ? "an object" : type;
        };
    }

    private String plural(String type) {
        return switch (type) {
            case "ID" -> "strings or numbers";
            case "String" -> "strings";
            case "Int" -> "JSON integers";
            case "Float" -> "numbers";
            case "Boolean" -> "booleans";
            default -> records.containsKey(type) ? "objects" : type;
        };
    }

    private static Problem wrongType(String at, String expected, String type, Object value) {
        return new Problem(at, "must be " + expected + " (the exporter's type " + type + "), got " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return (value instanceof Number ? "the number " : value instanceof Boolean ? "" : "a "
                + value.getClass().getSimpleName() + " ") + value;
    }

    private static SchemaCheck read() {
        Map<String, Map<String, Field>> records = new HashMap<>();
        Map<String, String> recordOfFeed = new HashMap<>();
        readInto(RESOURCE, records, recordOfFeed);
        Set<String> exporters = Set.copyOf(records.keySet());
        readInto(ASSUMED, records, recordOfFeed);
        Set<String> assumed = new HashSet<>(records.keySet());
        assumed.removeAll(exporters);
        return new SchemaCheck(Collections.unmodifiableMap(records), Collections.unmodifiableMap(recordOfFeed),
                Set.copyOf(assumed));
    }

    private static void readInto(String resource, Map<String, Map<String, Field>> records,
            Map<String, String> recordOfFeed) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The testkit jar lacks " + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            root.get("records").properties().forEach(record -> {
                Map<String, Field> fields = new HashMap<>();
                record.getValue().properties().forEach(field -> fields.put(field.getKey(), new Field(
                        field.getValue().get("type").asText(), field.getValue().path("repeated").asBoolean())));
                if (record.getKey().equals("Export")) {
                    fields.forEach((feed, field) -> recordOfFeed.put(feed, field.type()));
                } else {
                    records.put(record.getKey(), Collections.unmodifiableMap(fields));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Reads the schema on first use. */
    private static final class Holder {
        static final SchemaCheck INSTANCE = read();
    }
}

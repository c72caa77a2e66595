package io.github.commerceconnector.api.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extra fields of a typed item's builder: fields set by name, checked as they are set (a non-blank name that
 * is none of the type's typed fields, a JSON value) and deep-copied, so that the item stays immutable.
 */
final class ExtraFields {
    /** The deepest nesting of an extra field's value (as {@code ItemValidator} allows at most). */
    private static final int MAX_DEPTH = 256;

    private final String type;
    private final Set<String> typed;
    /** The fields set, in the order set; {@code null} until one is (most builders never set one). */
    private Map<String, Object> values;

    /**
     * The extra fields of a builder.
     *
     * @param type  the item type, for messages ({@code Product.Image})
     * @param typed the JSON names of its typed fields
     */
    ExtraFields(String type, Set<String> typed) {
        this.type = type;
        this.typed = typed;
    }

    /** Sets a field; a {@code null} value removes it. */
    void put(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new ExtraFieldException(type, name, "An extra field of a " + type + " has "
                    + (name == null ? "no name" : "a blank name") + ": give the JSON field name");
        }
        if (typed.contains(name)) {
            throw new ExtraFieldException(type, name, "Extra field '" + name + "' of a " + type
                    + " has the name of its typed field: set it with " + type + ".Builder." + name
                    + "(...) instead; extra fields are for names the SDK does not know");
        }
        if (value == null) {
            if (values != null) {
                values.remove(name);
            }
        } else {
            if (values == null) {
                values = new LinkedHashMap<>();
            }
            values.put(name, jsonCopy(value, name, 1));
        }
    }

    /** Replaces every extra field. */
    void replace(Map<String, ?> all) {
        values = null;
        if (all != null) {
            all.forEach(this::put);
        }
    }

    /** The fields set, unmodifiable. */
    Map<String, Object> build() {
        return values == null || values.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private Object jsonCopy(Object value, String field, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ExtraFieldException(type, field, "Extra field '" + field + "' of a " + type
                    + " nests deeper than " + MAX_DEPTH + " levels (or refers to itself): flatten it");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            if (!Double.isFinite(((Number) value).doubleValue())) {
                throw new ExtraFieldException(type, field, "Extra field '" + field + "' of a " + type + " holds "
                        + value + ": give a finite number");
            }
            return value;
        }
        if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key) || key.isEmpty()) {
                    throw new ExtraFieldException(type, field, "Extra field '" + field + "' of a " + type
                            + " holds an object with the key " + entry.getKey() + ": keys must be non-empty "
                            + "strings");
                }
                copy.put(key, jsonCopy(entry.getValue(), field, depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(jsonCopy(element, field, depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new ExtraFieldException(type, field, "Extra field '" + field + "' of a " + type + " holds a "
                + value.getClass().getName() + ": use strings, numbers, booleans, lists and maps"
                + (value instanceof Instant ? " (timestamps as RFC 3339 strings)" : ""));
    }
}

package io.github.commerceconnector.api.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes and reads the JSON maps of the typed feed items: the one place that decides how a Java value
 * becomes a JSON value (absent values left out, timestamps as RFC 3339 text, a {@code Boolean} the exporter
 * types {@code Int} as {@code 1} or {@code 0}) and back. The typed items are generated (connector-codegen) and
 * call only this class and {@link ExtraFields}.
 */
final class ItemFields {
    /** UTC with only the fraction digits needed. */
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();
    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written as four digits. */
    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    private static final long LAST_SECOND_OF_YEAR_9999 = 253_402_300_799L;

    private final Map<String, Object> map = new LinkedHashMap<>();

    /** Adds a field unless the value is absent. */
    ItemFields put(String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
        return this;
    }

    /** Adds a timestamp as RFC 3339 text in UTC ({@code 2024-05-01T10:15:30.5Z}) unless absent. */
    ItemFields putTime(String name, Instant value) {
        return put(name, value == null ? null : time(value));
    }

    /**
     * A timestamp as the items send it: RFC 3339 text in UTC with only the fraction digits needed, exactly as
     * {@code DateTimeFormatterBuilder.appendInstant(-1)} writes it. Years 0 to 9999 are written here by hand (the
     * formatter's text costs several objects a call, and every product has two timestamps); other years go through
     * the formatter. The SDK's canonical writer writes the same text by its own code ({@code InstantText} in
     * connector-core), which must stay equal to this one: both are tested against the formatter.
     */
    static String time(Instant value) {
        long seconds = value.getEpochSecond();
        if (seconds < FIRST_SECOND_OF_YEAR_0 || seconds > LAST_SECOND_OF_YEAR_9999) {
            return RFC_3339.format(value);
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nanos = value.getNano();
        byte[] text = new byte[nanos == 0 ? 20 : 30];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int end = 19;
        if (nanos != 0) {
            text[19] = '.';
            digits(text, 20, nanos, 9);
            end = 29;
            while (text[end - 1] == '0') {
                end--;
            }
        }
        text[end] = 'Z';
        return new String(text, 0, end + 1, StandardCharsets.ISO_8859_1);
    }

    /** Writes a non-negative number as {@code width} decimal digits, zero-padded, at a place. */
    private static void digits(byte[] text, int at, int number, int width) {
        int rest = number;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }

    /** Adds a {@code Boolean} as the JSON integer {@code 1} or {@code 0} unless absent. */
    ItemFields putFlag(String name, Boolean value) {
        return put(name, value == null ? null : value ? 1 : 0);
    }

    /** Adds the extra fields (already checked not to repeat a typed field's name). */
    ItemFields putExtra(Map<String, Object> extra) {
        map.putAll(extra);
        return this;
    }

    /** Adds a list of nested objects unless absent. */
    <T> ItemFields putObjects(String name, List<T> values, Function<T, Map<String, Object>> toFields) {
        if (values != null) {
            List<Object> list = new ArrayList<>(values.size());
            for (T value : values) {
                list.add(toFields.apply(value));
            }
            map.put(name, Collections.unmodifiableList(list));
        }
        return this;
    }

    /** The finished, unmodifiable map. */
    Map<String, Object> build() {
        return Collections.unmodifiableMap(map);
    }

    /** An unmodifiable copy of a list, or {@code null} for absent; rejects null elements. */
    static <T> List<T> copyOrNull(List<T> values, String what) {
        if (values == null) {
            return null;
        }
        if (values instanceof RandomAccess && values.size() <= 2) {
            return switch (values.size()) {
                case 0 -> List.of();
                case 1 -> List.of(element(values, 0, what));
                default -> List.of(element(values, 0, what), element(values, 1, what));
            };
        }
        for (T value : values) {
            if (value == null) {
                throw nullElement(what);
            }
        }
        return List.copyOf(values);
    }

    /**
     * An element of a short list, not null. Short lists (most of an item's: an attribute's value, a product's
     * images) are copied from their elements, without the array {@link List#copyOf} makes and then copies again.
     */
    private static <T> T element(List<T> values, int index, String what) {
        T value = values.get(index);
        if (value == null) {
            throw nullElement(what);
        }
        return value;
    }

    private static IllegalArgumentException nullElement(String what) {
        return new IllegalArgumentException(what + " contains a null element: leave it out instead");
    }

    /**
     * A decimal from a {@code double}, for the setters of {@code Float} fields.
     *
     * @throws IllegalArgumentException for NaN or an infinity, naming the field
     */
    static BigDecimal decimal(double value, String field, String type) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Field '" + field + "' of a " + type + " is " + value
                    + ": give a finite number");
        }
        return BigDecimal.valueOf(value);
    }

    /**
     * Requires exactly one of two fields (a discount's price or percentage, say).
     *
     * @throws IllegalArgumentException naming both fields and the item, when neither or both are set
     */
    static void requireExactlyOne(String type, Object item, String first, Object firstValue,
            String second, Object secondValue) {
        if ((firstValue == null) == (secondValue == null)) {
            throw new IllegalArgumentException("A " + type + " needs exactly one of " + first + " and " + second
                    + ", got " + (firstValue == null ? "neither" : "both") + ": " + item);
        }
    }

    /** A builder's own mutable copy of a list, or {@code null} for absent. */
    static <T> List<T> mutableCopy(List<T> values) {
        return values == null ? null : new ArrayList<>(values);
    }

    /** An {@link Instant} from RFC 3339 text, with any offset. */
    static Instant parseTime(String text, String field, String type) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Field '" + field + "' of a " + type + " is '" + text
                    + "', not an RFC 3339 timestamp like 2024-05-01T10:15:30Z", e);
        }
    }

    /**
     * Reads the JSON map of one item type, checking every value's type and refusing fields the type does
     * not model (so that nothing is silently dropped).
     */
    static final class Reader {
        private final Map<String, ?> fields;
        private final String type;
        private final Set<String> read = new HashSet<>();

        Reader(Map<String, ?> fields, String type) {
            if (fields == null) {
                throw new IllegalArgumentException("The fields of a " + type + " are null: give its JSON object");
            }
            this.fields = fields;
            this.type = type;
        }

        private Object raw(String name) {
            read.add(name);
            return fields.get(name);
        }

        private IllegalArgumentException wrongType(String name, Object value, String expected) {
            return new IllegalArgumentException("Field '" + name + "' of a " + type + " must be " + expected
                    + ", got " + value.getClass().getSimpleName() + " " + value);
        }

        String string(String name) {
            Object value = raw(name);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            throw wrongType(name, value, "a string");
        }

        /** An {@code ID}: a string, or a number taken as its text. */
        String id(String name) {
            Object value = raw(name);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            if (value instanceof Number number) {
                return toDecimal(name, number).toPlainString();
            }
            throw wrongType(name, value, "a string or a number");
        }

        /** A {@code Boolean} the exporter types {@code Int}: {@code 1} or {@code 0}. */
        Boolean flag(String name) {
            Object value = raw(name);
            if (value == null) {
                return null;
            }
            if (value instanceof Number number) {
                BigDecimal decimal = toDecimal(name, number);
                if (decimal.compareTo(BigDecimal.ONE) == 0) {
                    return Boolean.TRUE;
                }
                if (decimal.signum() == 0) {
                    return Boolean.FALSE;
                }
            }
            throw wrongType(name, value, "1 or 0");
        }

        Boolean bool(String name) {
            Object value = raw(name);
            if (value == null || value instanceof Boolean) {
                return (Boolean) value;
            }
            throw wrongType(name, value, "true or false");
        }

        Integer integer(String name) {
            Object value = raw(name);
            if (value == null) {
                return null;
            }
            if (value instanceof Number number) {
                try {
                    return toDecimal(name, number).intValueExact();
                } catch (ArithmeticException e) {
                    throw wrongType(name, value, "a whole number in the int range");
                }
            }
            throw wrongType(name, value, "a number");
        }

        BigDecimal decimal(String name) {
            Object value = raw(name);
            if (value == null) {
                return null;
            }
            if (value instanceof Number number) {
                return toDecimal(name, number);
            }
            throw wrongType(name, value, "a number");
        }

        private BigDecimal toDecimal(String name, Number number) {
            if (number instanceof BigDecimal decimal) {
                return decimal;
            }
            if (number instanceof BigInteger integer) {
                return new BigDecimal(integer);
            }
            if (number instanceof Double || number instanceof Float) {
                double value = number.doubleValue();
                if (!Double.isFinite(value)) {
                    throw wrongType(name, number, "a finite number");
                }
                return new BigDecimal(number.toString());
            }
            return BigDecimal.valueOf(number.longValue());
        }

        Instant time(String name) {
            String text = string(name);
            return text == null ? null : parseTime(text, name, type);
        }

        List<String> strings(String name) {
            Object value = raw(name);
            if (value == null) {
                return null;
            }
            if (!(value instanceof List<?> list)) {
                throw wrongType(name, value, "an array of strings");
            }
            List<String> result = new ArrayList<>(list.size());
            for (Object element : list) {
                if (!(element instanceof String text)) {
                    throw wrongType(name, element == null ? "null" : element, "an array of strings");
                }
                result.add(text);
            }
            return List.copyOf(result);
        }

        <T> T object(String name, Function<Map<String, ?>, T> reader) {
            Object value = raw(name);
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> map) {
                return reader.apply(stringKeys(name, map));
            }
            throw wrongType(name, value, "a JSON object");
        }

        <T> List<T> objects(String name, Function<Map<String, ?>, T> reader) {
            Object value = raw(name);
            if (value == null) {
                return null;
            }
            if (!(value instanceof List<?> list)) {
                throw wrongType(name, value, "an array of JSON objects");
            }
            List<T> result = new ArrayList<>(list.size());
            for (Object element : list) {
                if (!(element instanceof Map<?, ?> map)) {
                    throw wrongType(name, element == null ? "null" : element, "an array of JSON objects");
                }
                result.add(reader.apply(stringKeys(name, map)));
            }
            return List.copyOf(result);
        }

        private Map<String, ?> stringKeys(String name, Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("Field '" + name + "' of a " + type
                            + " has a non-string key " + entry.getKey());
                }
                copy.put(key, entry.getValue());
            }
            return copy;
        }

        /** The fields that were not read, in their order: they become the item's extra fields. */
        Map<String, Object> rest() {
            Map<String, Object> rest = new LinkedHashMap<>();
            for (Map.Entry<String, ?> entry : fields.entrySet()) {
                if (!read.contains(entry.getKey())) {
                    rest.put(entry.getKey(), entry.getValue());
                }
            }
            return rest;
        }
    }
}

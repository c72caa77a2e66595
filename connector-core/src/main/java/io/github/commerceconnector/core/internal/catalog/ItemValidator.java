package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks one feed item before it is sent, so that one bad item is rejected on its own, with its identity
 * (or position) and a reason, instead of failing the gateway request it would travel in. Checks: identity
 * fields present, non-blank strings or numbers; every value a JSON value; strings at most a configured
 * number of UTF-8 bytes, free of control characters (tab, line feed and carriage return allowed) and of
 * unpaired UTF-16 surrogates; field names non-empty and free of control characters and unpaired surrogates;
 * numbers finite, and decimals within the exponent a plain JSON number can carry; {@code qty} never negative;
 * nesting at most a configured depth. Thread-safe.
 */
public final class ItemValidator {
    /** The longest identity value, in UTF-8 bytes (the sync state keeps identities on disk). */
    public static final int MAX_IDENTITY_BYTES = 1024;
    /** The largest decimal scale, either sign, that Jackson writes as a plain number (and canonical JSON can hold). */
    public static final int MAX_DECIMAL_SCALE = 9999;

    private final Feed feed;
    private final int maxStringBytes;
    private final int maxDepth;

    /**
     * A validator for a feed.
     *
     * @param maxStringBytes the longest string value, in UTF-8 bytes
     * @param maxDepth       the deepest nesting of objects and arrays (the item itself is depth 1)
     */
    public ItemValidator(Feed feed, int maxStringBytes, int maxDepth) {
        this.feed = feed;
        this.maxStringBytes = maxStringBytes;
        this.maxDepth = maxDepth;
    }

    /** The longest string value allowed, in UTF-8 bytes. */
    public int maxStringBytes() {
        return maxStringBytes;
    }

    /** The feed's identity field names. */
    public List<String> identityFields() {
        return feed.identityFields();
    }

    /** The deepest nesting allowed. */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * What is wrong with an item.
     *
     * @param code    a stable code, e.g. {@code MISSING_IDENTITY}
     * @param field   the offending field as a path ({@code images/0/resource/url}), or {@code null}
     * @param message what is wrong and what would be valid
     */
    public record Problem(String code, String field, String message) {
    }

    /** The outcome of a check: the key when the identity is sound, and the problem if any. */
    public record Result(ItemKey key, Problem problem) {

        /** Whether the item may be sent. */
        public boolean valid() {
            return problem == null;
        }
    }

    /** Checks an item's fields. */
    public Result check(Map<String, ?> fields) {
        Result identity = identity(fields);
        if (identity.key() == null) {
            return identity;
        }
        Walk walk = new Walk(identity.key());
        return new Result(identity.key(), walk.object(fields, 1));
    }

    /**
     * Checks only an item's identity fields: the key when they are sound (the rest unchecked), else the
     * problem.
     */
    public Result identity(Map<String, ?> fields) {
        return identity(fields, null);
    }

    /**
     * {@link #identity(Map)} for identity values given in the order of {@link #identityFields()} ({@code null}
     * where one is missing).
     *
     * @param given the identity values, one per identity field
     * @return the key when they are sound, else the problem
     */
    public Result identityOf(Object[] given) {
        return identity(null, given);
    }

    /** The identity from a fields map, or else from values given in the order of the identity fields. */
    private Result identity(Map<String, ?> fields, Object[] given) {
        List<String> identityFields = feed.identityFields();
        String[] values = new String[identityFields.size()];
        for (int i = 0; i < values.length; i++) {
            String field = identityFields.get(i);
            Object value = fields != null ? fields.get(field) : given[i];
            Problem problem = identityProblem(field, value);
            if (problem != null) {
                return new Result(null, problem);
            }
            values[i] = value.toString();
        }
        return new Result(new ItemKey(identityFields, List.of(values)), null);
    }

    private Problem identityProblem(String field, Object value) {
        if (value == null) {
            return new Problem("MISSING_IDENTITY", field, "Identity field '" + field + "' is missing: " + needed());
        }
        if (!(value instanceof String || value instanceof Number)) {
            return new Problem("INVALID_IDENTITY", field, "Identity field '" + field + "' is a "
                    + value.getClass().getSimpleName() + ": give a string");
        }
        String text = value.toString();
        if (text.isBlank()) {
            return new Problem("MISSING_IDENTITY", field, "Identity field '" + field + "' is blank: " + needed());
        }
        if (utf8Length(text) > MAX_IDENTITY_BYTES) {
            return new Problem("IDENTITY_TOO_LONG", field, "Identity field '" + field + "' is longer than "
                    + MAX_IDENTITY_BYTES + " UTF-8 bytes");
        }
        return null;
    }

    private String needed() {
        return "every " + feed.name() + " item needs " + String.join(" and ", feed.identityFields());
    }

    /**
     * What makes a text unfit to send, or {@code null}: a control character (tab, line feed and carriage return
     * only where {@code lineBreaksAllowed}) or an unpaired UTF-16 surrogate. Never quotes the text.
     */
    private static String unfitText(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return String.format("contains the control character U+%04X at index %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("contains an unpaired UTF-16 surrogate U+%04X at index %d", (int) c, i);
            }
        }
        return null;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** One walk over an item's tree, keeping the path for messages. */
    private final class Walk {
        private final ItemKey key;
        private final Object[] path = new Object[maxDepth + 1];
        private int depth;

        Walk(ItemKey key) {
            this.key = key;
        }

        Problem object(Map<?, ?> map, int level) {
            if (level > maxDepth) {
                return problem("TOO_DEEP", "nests deeper than " + maxDepth + " levels: flatten it");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name) || name.isEmpty()) {
                    return problem("INVALID_FIELD_NAME", "has a field named " + entry.getKey()
                            + ": field names must be non-empty strings");
                }
                String unfit = unfitText(name, false);
                if (unfit != null) {
                    return problem("INVALID_FIELD_NAME", "has a field name that " + unfit
                            + ": field names must be printable text");
                }
                path[depth++] = name;
                Problem problem = value(entry.getValue(), name, level);
                depth--;
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        private Problem array(Collection<?> list, int level) {
            if (level > maxDepth) {
                return problem("TOO_DEEP", "nests deeper than " + maxDepth + " levels: flatten it");
            }
            int index = 0;
            for (Object element : list) {
                path[depth++] = index++;
                Problem problem = value(element, null, level);
                depth--;
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        private Problem value(Object value, String name, int level) {
            if (value == null || value instanceof Boolean) {
                return null;
            }
            if (value instanceof String text) {
                return string(text);
            }
            if (value instanceof Number number) {
                return number(number, name);
            }
            if (value instanceof Map<?, ?> map) {
                return object(map, level + 1);
            }
            if (value instanceof Collection<?> list) {
                return array(list, level + 1);
            }
            String hint = value instanceof TemporalAccessor
                    ? ": give timestamps as RFC 3339 strings like 2024-05-01T10:15:30Z"
                    : ": use strings, numbers, booleans, lists and maps";
            return problem("UNSUPPORTED_TYPE", "is a " + value.getClass().getName() + hint);
        }

        private Problem string(String text) {
            if (text.length() > maxStringBytes
                    || (text.length() > maxStringBytes / 3 && utf8Length(text) > maxStringBytes)) {
                return problem("VALUE_TOO_LONG", "is longer than " + maxStringBytes + " UTF-8 bytes: shorten it");
            }
            String unfit = unfitText(text, true);
            if (unfit == null) {
                return null;
            }
            return problem(unfit.contains("surrogate") ? "INVALID_UNICODE" : "CONTROL_CHARACTER", unfit
                    + (unfit.contains("surrogate") ? ": it is not valid text"
                            : ": remove it (tab, line feed and carriage return are allowed)"));
        }

        private Problem number(Number number, String name) {
            if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
                return problem("NOT_FINITE", "is " + number + ": give a finite number");
            }
            if (!(number instanceof Double || number instanceof Float || number instanceof BigDecimal
                    || number instanceof BigInteger || number instanceof Long || number instanceof Integer
                    || number instanceof Short || number instanceof Byte)) {
                return problem("UNSUPPORTED_TYPE", "is a " + number.getClass().getName()
                        + ": use Integer, Long, Double, BigDecimal or BigInteger");
            }
            if (number instanceof BigDecimal decimal
                    && (decimal.scale() > MAX_DECIMAL_SCALE || decimal.scale() < -MAX_DECIMAL_SCALE)) {
                return problem("NUMBER_OUT_OF_RANGE", "is a decimal with an exponent beyond what a plain JSON number "
                        + "can carry (scale " + decimal.scale() + "; allowed -" + MAX_DECIMAL_SCALE + " to "
                        + MAX_DECIMAL_SCALE + "): give a smaller number");
            }
            if ("qty".equals(name) && new BigDecimal(CanonicalJson.canonicalNumber(number)).signum() < 0) {
                return problem("NEGATIVE_QUANTITY", "is " + number + ": a quantity must be 0 or more");
            }
            return null;
        }

        private Problem problem(String code, String what) {
            String field = fieldPath();
            String subject = field == null ? "Item " + key : "Field '" + field + "' of item " + key;
            return new Problem(code, field, subject + " " + what);
        }

        private String fieldPath() {
            if (depth == 0) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                if (i > 0) {
                    text.append('/');
                }
                text.append(path[i]);
            }
            return text.toString();
        }
    }
}

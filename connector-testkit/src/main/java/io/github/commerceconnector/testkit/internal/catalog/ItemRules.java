package io.github.commerceconnector.testkit.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.StateChange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client-side rules the fake catalog client shares with the real one (DESIGN.md, PROTOCOL.md section
 * 5): what makes an item invalid before it is sent (with the same codes), and change detection (identity
 * hash over the identity values, content hash over canonical JSON without {@code modifiedAt} and
 * {@code updatedAt}, keys sorted, order-free arrays sorted, one text per number).
 */
final class ItemRules {
    private static final int MAX_STRING_BYTES = 64 * 1024;
    private static final int MAX_IDENTITY_BYTES = 1024;
    private static final int MAX_DEPTH = 16;
    /** The largest decimal scale (either sign) a plain JSON number is written with, as the client allows. */
    private static final int MAX_DECIMAL_SCALE = 9999;
    private static final Set<String> ORDER_FREE = Set.of("images", "categoryData", "attributes", "links",
            "parents", "discounts", "tierPrices", "optionValues", "roles", "stores", "storeViews", "websites",
            "videos", "samples", "optionsV2", "values", "shopperInputOptions", "variants", "urlRewrites",
            "parameters", "children", "availableSortBy", "ratings", "visibility");
    private static final Set<String> IGNORED = Set.of("modifiedAt", "updatedAt");

    private ItemRules() {
    }

    /**
     * What is wrong with an item.
     *
     * @param code    the same code the real client gives
     * @param message what is wrong
     */
    record Problem(String code, String message) {
    }

    /** The problem with an item's identity, or {@code null}. */
    static Problem identityProblem(Feed feed, Map<String, Object> fields) {
        for (String field : feed.identityFields()) {
            Object value = fields.get(field);
            if (value == null || (value instanceof String text && text.isBlank())) {
                return new Problem("MISSING_IDENTITY", "Identity field '" + field + "' is missing or blank: every "
                        + feed.name() + " item needs " + String.join(" and ", feed.identityFields()));
            }
            if (!(value instanceof String || value instanceof Number)) {
                return new Problem("INVALID_IDENTITY", "Identity field '" + field + "' is not a string");
            }
            if (value.toString().getBytes(StandardCharsets.UTF_8).length > MAX_IDENTITY_BYTES) {
                return new Problem("IDENTITY_TOO_LONG", "Identity field '" + field + "' is too long");
            }
        }
        return null;
    }

    /** The problem with an item's values, or {@code null}. */
    static Problem valueProblem(Map<String, Object> fields) {
        return walk(fields, null, 1);
    }

    private static Problem walk(Object value, String name, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (depth > MAX_DEPTH) {
                return new Problem("TOO_DEEP", "nests deeper than " + MAX_DEPTH + " levels");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key) || key.isEmpty()) {
                    return new Problem("INVALID_FIELD_NAME", "has a field named " + entry.getKey());
                }
                if (!printableName(key)) {
                    return new Problem("INVALID_FIELD_NAME", "has a field name that is not printable text");
                }
                Problem problem = walk(entry.getValue(), key, depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof Collection<?> list) {
            if (depth > MAX_DEPTH) {
                return new Problem("TOO_DEEP", "nests deeper than " + MAX_DEPTH + " levels");
            }
            for (Object element : list) {
                Problem problem = walk(element, null, depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof String text) {
            return stringProblem(name, text);
        }
        if (value instanceof Double || value instanceof Float) {
            if (!Double.isFinite(((Number) value).doubleValue())) {
                return new Problem("NOT_FINITE", "'" + name + "' is " + value + ": give a finite number");
            }
        } else if (value != null && !(value instanceof Boolean) && !(value instanceof Number)) {
            return new Problem("UNSUPPORTED_TYPE", "'" + name + "' is a " + value.getClass().getName());
        }
        if (value instanceof Number number && !(number instanceof Double || number instanceof Float
                || number instanceof BigDecimal || number instanceof BigInteger || number instanceof Long
                || number instanceof Integer || number instanceof Short || number instanceof Byte)) {
            return new Problem("UNSUPPORTED_TYPE", "'" + name + "' is a " + number.getClass().getName()
                    + ": use Integer, Long, Double, BigDecimal or BigInteger");
        }
        if (value instanceof BigDecimal decimal && Math.abs((long) decimal.scale()) > MAX_DECIMAL_SCALE) {
            return new Problem("NUMBER_OUT_OF_RANGE", "'" + name + "' is a decimal with an exponent beyond what a "
                    + "plain JSON number can carry (scale " + decimal.scale() + ")");
        }
        if ("qty".equals(name) && value instanceof Number number
                && new BigDecimal(canonicalNumber(number)).signum() < 0) {
            return new Problem("NEGATIVE_QUANTITY", "'qty' is " + number + ": a quantity must be 0 or more");
        }
        return null;
    }

    /** Whether a field name is printable text: no control character (line breaks included), no lone surrogate. */
    private static boolean printableName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Problem stringProblem(String name, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
            return new Problem("VALUE_TOO_LONG", "'" + name + "' is longer than " + MAX_STRING_BYTES + " bytes");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return new Problem("CONTROL_CHARACTER", "'" + name + "' contains a control character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Problem("INVALID_UNICODE", "'" + name + "' contains an unpaired surrogate");
            }
        }
        return null;
    }

    /** The identity hash of a key, never 0. */
    static long identityHash(ItemKey key) {
        StringBuilder text = new StringBuilder();
        for (String value : key.values()) {
            text.append(value.length()).append(':').append(value);
        }
        return hash(text.toString());
    }

    /** The content hash of an item's fields, never {@link StateChange#DELETE_CONTENT}. */
    static long contentHash(Map<String, Object> fields) {
        StringBuilder text = new StringBuilder();
        write(text, fields, null, true);
        return hash(text.toString());
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long hash = ByteBuffer.wrap(digest).getLong();
            return hash == StateChange.DELETE_CONTENT ? 1 : hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void write(StringBuilder out, Object value, String name, boolean top) {
        if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            for (Object key : map.keySet()) {
                if (!(top && IGNORED.contains(String.valueOf(key)))) {
                    keys.add(String.valueOf(key));
                }
            }
            keys.sort(null);
            out.append('{');
            for (String key : keys) {
                out.append(quote(key)).append(':');
                write(out, map.get(key), key, false);
                out.append(',');
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            List<String> elements = new ArrayList<>();
            for (Object element : list) {
                StringBuilder text = new StringBuilder();
                write(text, element, null, false);
                elements.add(text.toString());
            }
            if (ORDER_FREE.contains(name)) {
                elements.sort(null);
            }
            out.append('[').append(String.join(",", elements)).append(']');
        } else if (value instanceof String text) {
            out.append(quote(text));
        } else if (value instanceof Number number) {
            out.append(canonicalNumber(number));
        } else {
            out.append(value);
        }
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String canonicalNumber(Number number) {
        if (number instanceof BigInteger || number instanceof Long || number instanceof Integer
                || number instanceof Short || number instanceof Byte) {
            return number.toString();
        }
        BigDecimal decimal = number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
}

package io.github.commerceconnector.core.internal.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canonical JSON text of a feed item, the input of its content hash: object keys sorted, the
 * elements of order-free arrays (images, category data, ...) sorted by their own canonical text, numbers
 * in one form ({@code 5}, {@code 5.0} and {@code 5.00} are the same), and the top-level fields that only
 * say when something changed ({@code modifiedAt}, {@code updatedAt}) left out. So an unchanged item
 * always has the same text, and a changed one a different text.
 */
public final class CanonicalJson {

    /** Arrays whose element order carries no meaning, by field name. */
    public static final Set<String> ORDER_FREE_ARRAYS = Set.of("images", "categoryData", "attributes", "links",
            "parents", "discounts", "tierPrices", "optionValues", "roles", "stores", "storeViews", "websites");

    /** Top-level fields left out of change detection. */
    public static final Set<String> IGNORED_FIELDS = Set.of("modifiedAt", "updatedAt");

    /**
     * The deepest nesting written; deeper (or cyclic) values are refused rather than overflowing the stack. Above
     * the deepest nesting item validation allows (256).
     */
    public static final int MAX_DEPTH = 512;

    private final Set<String> orderFreeArrays;

    /** The canonical form with the default order-free arrays. */
    public CanonicalJson() {
        this(ORDER_FREE_ARRAYS);
    }

    /** The canonical form with other order-free array names. */
    public CanonicalJson(Set<String> orderFreeArrays) {
        this.orderFreeArrays = Set.copyOf(orderFreeArrays);
    }

    /**
     * The canonical text of an item's fields.
     *
     * @throws IllegalArgumentException for a value that is not JSON, or nests deeper than {@value #MAX_DEPTH} levels
     *     (validate first)
     */
    public String of(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder(256);
        writeObject(out, fields, true, 1);
        return out.toString();
    }

    private void writeObject(StringBuilder out, Map<?, ?> map, boolean topLevel, int depth) {
        checkDepth(depth);
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            String name = String.valueOf(key);
            if (!(topLevel && IGNORED_FIELDS.contains(name))) {
                keys.add(name);
            }
        }
        keys.sort(null);
        out.append('{');
        boolean first = true;
        for (String key : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, key);
            out.append(':');
            writeValue(out, map.get(key), key, depth);
        }
        out.append('}');
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("Not JSON this SDK sends: the value nests deeper than " + MAX_DEPTH
                    + " levels (or contains itself)");
        }
    }

    private void writeValue(StringBuilder out, Object value, String fieldName, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof Number number) {
            out.append(canonicalNumber(number));
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, false, depth + 1);
        } else if (value instanceof Collection<?> list) {
            writeArray(out, list, orderFreeArrays.contains(fieldName), depth + 1);
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private void writeArray(StringBuilder out, Collection<?> list, boolean sorted, int depth) {
        checkDepth(depth);
        out.append('[');
        if (sorted) {
            List<String> elements = new ArrayList<>(list.size());
            for (Object element : list) {
                StringBuilder text = new StringBuilder();
                writeValue(text, element, null, depth);
                elements.add(text.toString());
            }
            elements.sort(null);
            out.append(String.join(",", elements));
        } else {
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeValue(out, element, null, depth);
            }
        }
        out.append(']');
    }

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /**
     * One text per numeric value: plain decimal, no trailing zeros.
     *
     * @throws IllegalArgumentException for a decimal whose plain form would run beyond {@link
     *     ItemValidator#MAX_DECIMAL_SCALE} digits of exponent (validation refuses those first)
     */
    static String canonicalNumber(Number number) {
        BigDecimal decimal;
        if (number instanceof BigDecimal big) {
            decimal = big;
        } else if (number instanceof BigInteger big) {
            return big.toString();
        } else if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Not a finite number: " + value);
            }
            decimal = new BigDecimal(number.toString());
        } else if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte) {
            return Long.toString(number.longValue());
        } else {
            decimal = new BigDecimal(number.toString());
        }
        if (decimal.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (Math.abs((long) stripped.scale()) > ItemValidator.MAX_DECIMAL_SCALE) {
            throw new IllegalArgumentException("Not a number JSON carries plainly: its exponent is beyond "
                    + ItemValidator.MAX_DECIMAL_SCALE + " (scale " + stripped.scale() + ")");
        }
        return stripped.toPlainString();
    }
}

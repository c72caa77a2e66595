package io.github.commerceconnector.core.internal.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
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

    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
     * @throws IllegalArgumentException for a value that is not JSON (validate first)
     */
    public String of(Map<String, ?> fields) {
        return writer().write(fields).toString();
    }

    /** A reusable writer of this canonical form, for one thread. */
    Writer writer() {
        return new Writer(orderFreeArrays);
    }

    /**
     * Writes canonical texts into one buffer it keeps, with scratch space per nesting level for sorting keys
     * and array elements, so that after the first items of a shape no more memory is allocated. Not
     * thread-safe.
     */
    static final class Writer {
        private final Set<String> orderFreeArrays;
        private final StringBuilder out = new StringBuilder(4096);
        private final List<String[]> keysByLevel = new ArrayList<>();
        private final List<List<StringBuilder>> elementsByLevel = new ArrayList<>();

        private Writer(Set<String> orderFreeArrays) {
            this.orderFreeArrays = orderFreeArrays;
        }

        /**
         * The canonical text of an item's fields, valid until the next call.
         *
         * @throws IllegalArgumentException for a value that is not JSON (validate first)
         */
        CharSequence write(Map<String, ?> fields) {
            out.setLength(0);
            writeObject(out, fields, true, 0);
            return out;
        }

        private void writeObject(StringBuilder to, Map<?, ?> map, boolean topLevel, int level) {
            String[] keys = keys(level, map.size());
            int count = 0;
            for (Object key : map.keySet()) {
                String name = String.valueOf(key);
                if (!(topLevel && IGNORED_FIELDS.contains(name))) {
                    keys[count++] = name;
                }
            }
            Arrays.sort(keys, 0, count);
            to.append('{');
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    to.append(',');
                }
                writeString(to, keys[i]);
                to.append(':');
                writeValue(to, map.get(keys[i]), keys[i], level + 1);
            }
            to.append('}');
            Arrays.fill(keys, 0, count, null);
        }

        private String[] keys(int level, int size) {
            while (keysByLevel.size() <= level) {
                keysByLevel.add(new String[32]);
            }
            String[] keys = keysByLevel.get(level);
            if (keys.length < size) {
                keys = new String[Math.max(size, keys.length * 2)];
                keysByLevel.set(level, keys);
            }
            return keys;
        }

        private void writeValue(StringBuilder to, Object value, String fieldName, int level) {
            if (value == null) {
                to.append("null");
            } else if (value instanceof String text) {
                writeString(to, text);
            } else if (value instanceof Boolean bool) {
                to.append(bool.booleanValue());
            } else if (value instanceof Number number) {
                writeNumber(to, number);
            } else if (value instanceof Map<?, ?> map) {
                writeObject(to, map, false, level);
            } else if (value instanceof Collection<?> list) {
                writeArray(to, list, fieldName != null && orderFreeArrays.contains(fieldName), level);
            } else {
                throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
            }
        }

        private void writeArray(StringBuilder to, Collection<?> list, boolean sorted, int level) {
            to.append('[');
            if (sorted) {
                List<StringBuilder> elements = elements(level, list.size());
                int count = 0;
                for (Object element : list) {
                    StringBuilder text = elements.get(count++);
                    text.setLength(0);
                    writeValue(text, element, null, level + 1);
                }
                List<StringBuilder> used = elements.subList(0, count);
                used.sort(CharSequence::compare);
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        to.append(',');
                    }
                    to.append(used.get(i));
                }
            } else {
                boolean first = true;
                for (Object element : list) {
                    if (!first) {
                        to.append(',');
                    }
                    first = false;
                    writeValue(to, element, null, level + 1);
                }
            }
            to.append(']');
        }

        private List<StringBuilder> elements(int level, int size) {
            while (elementsByLevel.size() <= level) {
                elementsByLevel.add(new ArrayList<>());
            }
            List<StringBuilder> elements = elementsByLevel.get(level);
            while (elements.size() < size) {
                elements.add(new StringBuilder(128));
            }
            return elements;
        }

        private static void writeNumber(StringBuilder to, Number number) {
            if (number instanceof Integer || number instanceof Long || number instanceof Short
                    || number instanceof Byte) {
                to.append(number.longValue());
            } else {
                to.append(canonicalNumber(number));
            }
        }

        private static void writeString(StringBuilder to, String text) {
            to.append('"');
            int plain = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    to.append(text, plain, i).append('\\').append(c);
                    plain = i + 1;
                } else if (c < 0x20) {
                    to.append(text, plain, i).append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    plain = i + 1;
                }
            }
            to.append(text, plain, text.length()).append('"');
        }
    }

    /** One text per numeric value: plain decimal, no trailing zeros. */
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
        return decimal.stripTrailingZeros().toPlainString();
    }
}

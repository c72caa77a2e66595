package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.ItemKey;
import java.util.List;

/**
 * Identity values as a PostgreSQL array literal ({@code {"SKU-1","default"}}), so that a batch of keys travels as
 * one {@code text[]} parameter and each row casts its own literal to {@code text[]}. Every element is quoted, so
 * that a value such as {@code NULL}, a blank or one with braces and commas stays itself.
 */
final class KeyValues {

    private KeyValues() {
    }

    /**
     * The array literal of a key's values.
     *
     * @throws IllegalArgumentException if a value holds the character U+0000, which PostgreSQL text cannot hold
     */
    static String literal(ItemKey key) {
        StringBuilder literal = new StringBuilder(16 * key.values().size()).append('{');
        for (String value : key.values()) {
            if (value.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("The identity value of " + key.fields() + " holds the character "
                        + "U+0000, which PostgreSQL cannot store: remove it from the item's identity");
            }
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** A key from the identity fields of its feed and the values read from an array column. */
    static ItemKey key(List<String> fields, Object[] values) {
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = (String) values[i];
        }
        return new ItemKey(fields, List.of(texts));
    }
}

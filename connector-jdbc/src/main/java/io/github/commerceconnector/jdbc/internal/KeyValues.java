package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.ItemKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Identity values as one {@code text}: the values in the order of the feed's identity fields, separated by the
 * unit separator U+001F (so a product's key reads {@code SKU-1␟default}), a backslash written {@code \\} and a
 * unit separator inside a value {@code \_}. One text per item keeps the rows narrow and lets a batch of keys travel
 * as one {@code text[]} parameter that PostgreSQL stores as it is.
 */
final class KeyValues {
    private static final char SEPARATOR = '\u001F';
    private static final char ESCAPE = '\\';

    private KeyValues() {
    }

    /**
     * The text of a key's values.
     *
     * @throws IllegalArgumentException if a value holds the character U+0000, which PostgreSQL text cannot hold
     */
    static String text(ItemKey key) {
        List<String> values = key.values();
        if (values.size() == 1 && plain(values.get(0))) {
            return checked(key, values.get(0));
        }
        StringBuilder text = new StringBuilder(24 * values.size());
        for (int v = 0; v < values.size(); v++) {
            String value = checked(key, values.get(v));
            if (v > 0) {
                text.append(SEPARATOR);
            }
            if (plain(value)) {
                text.append(value);
                continue;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ESCAPE) {
                    text.append(ESCAPE).append(ESCAPE);
                } else if (c == SEPARATOR) {
                    text.append(ESCAPE).append('_');
                } else {
                    text.append(c);
                }
            }
        }
        return text.toString();
    }

    private static boolean plain(String value) {
        return value.indexOf(ESCAPE) < 0 && value.indexOf(SEPARATOR) < 0;
    }

    private static String checked(ItemKey key, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("An identity value of " + key.fields() + " holds the character U+0000, "
                    + "which PostgreSQL cannot store: remove it from the item's identity");
        }
        return value;
    }

    /** The key of a feed's identity fields from the text of its values. */
    static ItemKey key(List<String> fields, String text) {
        List<String> values = new ArrayList<>(fields.size());
        StringBuilder value = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE && i + 1 < text.length()) {
                value.append(text.charAt(++i) == '_' ? SEPARATOR : ESCAPE);
            } else if (c == SEPARATOR) {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString());
        return new ItemKey(fields, values);
    }
}

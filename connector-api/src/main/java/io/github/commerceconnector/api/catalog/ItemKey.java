package io.github.commerceconnector.api.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The identity of an item within a feed: the values of the feed's identity fields, in order. Prints as
 * {@code sku=MH01, storeViewCode=default}.
 *
 * @param fields the identity field names
 * @param values their values, as text
 */
public record ItemKey(List<String> fields, List<String> values) {

    /** Checks that names and values pair up. */
    public ItemKey {
        fields = List.copyOf(fields);
        values = List.copyOf(values);
        if (fields.size() != values.size() || fields.isEmpty()) {
            throw new IllegalArgumentException("An item key needs one value per identity field: " + fields
                    + " vs " + values.size() + " values");
        }
    }

    /** A key of a feed from its identity values, in the order of {@link Feed#identityFields()}. */
    public static ItemKey of(Feed feed, String... values) {
        return new ItemKey(feed.identityFields(), List.of(values));
    }

    /**
     * The key of an item, or {@code null} when an identity field is missing, blank, or not a string or
     * number.
     */
    public static ItemKey ofItem(Feed feed, Map<String, Object> fields) {
        List<String> values = new ArrayList<>(feed.identityFields().size());
        for (String field : feed.identityFields()) {
            Object value = fields.get(field);
            if (!(value instanceof String || value instanceof Number) || value.toString().isBlank()) {
                return null;
            }
            values.add(value.toString());
        }
        return new ItemKey(feed.identityFields(), values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(fields.get(i)).append('=').append(values.get(i));
        }
        return text.toString();
    }
}

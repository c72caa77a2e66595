package io.github.commerceconnector.api.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A feed item for fields the typed items do not model, or for custom feeds: a JSON object given as a
 * map (see {@link FeedItem#fields()} for the value types allowed).
 *
 * @param fields the JSON object; copied and unmodifiable
 */
public record GenericItem(Map<String, Object> fields) implements FeedItem {

    /** Copies the map, keeping its order. */
    public GenericItem {
        if (fields == null) {
            throw new IllegalArgumentException("fields is null: give the item's JSON object as a map");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A generic item from a map. */
    public static GenericItem of(Map<String, Object> fields) {
        return new GenericItem(fields);
    }
}

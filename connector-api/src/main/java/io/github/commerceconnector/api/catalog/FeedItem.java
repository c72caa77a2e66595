package io.github.commerceconnector.api.catalog;

import java.util.Map;

/**
 * One item of a feed, as the JSON object the gateway receives. Typed items ({@code Product},
 * {@code Price}, ...) and {@link GenericItem} implement it.
 *
 * <p>{@link #fields()} returns the JSON object as a map whose values are {@code null},
 * {@link String}, {@link Boolean}, {@link Number} (finite), {@link java.util.List} and
 * {@link Map} with string keys, nested. Field names are the gateway's camelCase names.
 */
public interface FeedItem {

    /** The item as a JSON object; absent optional fields are left out. */
    Map<String, Object> fields();
}

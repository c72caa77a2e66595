package io.github.commerceconnector.api.catalog;

import java.util.Map;

/**
 * One item of a feed, as the JSON object the gateway receives. Typed items ({@code Product},
 * {@code Price}, ...) and {@link GenericItem} implement it.
 *
 * <p>{@link #fields()} returns the JSON object as a map whose values are {@code null},
 * {@link String}, {@link Boolean}, {@link Number} (finite), {@link java.util.List} and
 * {@link Map} with string keys, nested. Field names are the gateway's camelCase names.
 *
 * <p>The sync client reads the map, and the values in it, after its input iterator has moved on, and on worker
 * threads: once an item is handed to the client, neither the item nor the map its {@code fields()} returned may
 * change. The SDK's own item types are immutable; the client calls {@code fields()} of any other
 * implementation on the calling thread.
 */
public interface FeedItem {

    /** The item as a JSON object; absent optional fields are left out. */
    Map<String, Object> fields();
}

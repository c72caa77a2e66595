package io.github.commerceconnector.api.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Receives the fields of a typed feed item, or of one of its nested objects, in the order of their names (as
 * {@link String#compareTo} orders them), absent fields left out. It is how the SDK writes a typed item's
 * canonical JSON in one pass, without building its {@link FeedItem#fields()} map first; the SDK implements it,
 * and the generated item classes call it ({@link WritesFields}). Users have no need to call it.
 */
public interface FieldWriter {

    /** A text field. */
    void string(String name, String value);

    /**
     * A timestamp field, sent as text in UTC with only the fraction digits needed (RFC 3339 for the years 0 to
     * 9999: {@code 2024-05-01T10:15:30.5Z}): the same field as {@link #string} given that text, which is what this
     * default does. A writer may write the text without making it first.
     */
    default void time(String name, Instant value) {
        string(name, value == null ? null : ItemFields.time(value));
    }

    /** A number field ({@code Integer} or {@code BigDecimal}; a flag as {@code 1} or {@code 0}). */
    void number(String name, Number value);

    /** A boolean field. */
    void bool(String name, boolean value);

    /** A field holding a nested object. */
    void object(String name, WritesFields value);

    /** A field holding a list of texts. */
    void strings(String name, List<String> values);

    /** A field holding a list of nested objects. */
    void objects(String name, List<? extends WritesFields> values);
}

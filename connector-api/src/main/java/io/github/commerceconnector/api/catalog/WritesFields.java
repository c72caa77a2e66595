package io.github.commerceconnector.api.catalog;

/**
 * A typed feed item, or a nested object of one, that gives its fields to a {@link FieldWriter} in the order of
 * their names, so that the SDK writes its canonical JSON without building a map. Generated with the items.
 */
public interface WritesFields {

    /**
     * Whether {@link #writeFields} gives every field: {@code false} when it, or an object nested in it, holds
     * extra fields set by name, which only {@link FeedItem#fields()} places in order.
     */
    boolean writesAllFields();

    /** Gives every typed field that is present to {@code out}, in the order of their names. */
    void writeFields(FieldWriter out);
}

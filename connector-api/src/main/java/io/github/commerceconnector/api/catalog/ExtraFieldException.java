package io.github.commerceconnector.api.catalog;

/**
 * An extra field (a field set by name on a typed item's builder, see {@code putExtraField}) was refused: its
 * name is blank or is the name of one of the item's typed fields, or its value is not a JSON value. The message
 * names the item type, the field and what would be valid.
 */
public final class ExtraFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String itemType;
    private final String field;

    /**
     * An exception about one extra field.
     *
     * @param itemType the typed item, e.g. {@code Product} or {@code Product.Image}
     * @param field    the field name given (may be {@code null})
     * @param message  what is wrong and what would be valid
     */
    public ExtraFieldException(String itemType, String field, String message) {
        super(message);
        this.itemType = itemType;
        this.field = field;
    }

    /** The typed item whose builder refused the field, e.g. {@code Product}. */
    public String itemType() {
        return itemType;
    }

    /** The field name given; {@code null} when none was. */
    public String field() {
        return field;
    }
}

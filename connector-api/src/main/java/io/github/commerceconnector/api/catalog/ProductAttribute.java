package io.github.commerceconnector.api.catalog;

import java.util.Map;

/**
 * The metadata of a product attribute in one store view, in the
 * {@link Feed#PRODUCT_ATTRIBUTES productAttributes} feed. Identity: {@code attributeCode} +
 * {@code storeViewCode}.
 *
 * @param attributeCode the attribute code, e.g. {@code color}; identity
 * @param storeViewCode the store view; identity
 * @param storeCode     the store (group) code
 * @param websiteCode   the website code
 * @param attributeType the attribute's input type, e.g. {@code select}
 * @param label         the label shown in the store view
 * @param dataType      the value type, e.g. {@code text}, {@code decimal}
 * @param searchable    whether search uses it
 * @param filterable    whether layered navigation filters by it
 * @param visibleInPLP  whether product listing pages show it
 * @param deleted       {@code true} to delete it from the data space
 */
public record ProductAttribute(String attributeCode, String storeViewCode, String storeCode, String websiteCode,
        String attributeType, String label, String dataType, Boolean searchable, Boolean filterable,
        Boolean visibleInPLP, Boolean deleted) implements FeedItem {

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this attribute's fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a product attribute from its JSON object.
     *
     * @throws IllegalArgumentException naming the field, when a value has the wrong type or a field is not
     *     a product attribute field
     */
    public static ProductAttribute fromFields(Map<String, ?> fields) {
        ItemFields.Reader in = new ItemFields.Reader(fields, "product attribute");
        ProductAttribute attribute = new ProductAttribute(in.string("attributeCode"), in.string("storeViewCode"),
                in.string("storeCode"), in.string("websiteCode"), in.string("attributeType"), in.string("label"),
                in.string("dataType"), in.bool("searchable"), in.bool("filterable"), in.bool("visibleInPLP"),
                in.bool("deleted"));
        in.finish();
        return attribute;
    }

    @Override
    public Map<String, Object> fields() {
        return new ItemFields().put("attributeCode", attributeCode).put("storeViewCode", storeViewCode)
                .put("storeCode", storeCode).put("websiteCode", websiteCode).put("attributeType", attributeType)
                .put("label", label).put("dataType", dataType).put("searchable", searchable)
                .put("filterable", filterable).put("visibleInPLP", visibleInPLP).put("deleted", deleted)
                .build();
    }

    /** Builds a {@link ProductAttribute}; every field starts absent. Not thread-safe. */
    public static final class Builder {
        private String attributeCode;
        private String storeViewCode;
        private String storeCode;
        private String websiteCode;
        private String attributeType;
        private String label;
        private String dataType;
        private Boolean searchable;
        private Boolean filterable;
        private Boolean visibleInPLP;
        private Boolean deleted;

        private Builder() {
        }

        private Builder(ProductAttribute a) {
            attributeCode = a.attributeCode;
            storeViewCode = a.storeViewCode;
            storeCode = a.storeCode;
            websiteCode = a.websiteCode;
            attributeType = a.attributeType;
            label = a.label;
            dataType = a.dataType;
            searchable = a.searchable;
            filterable = a.filterable;
            visibleInPLP = a.visibleInPLP;
            deleted = a.deleted;
        }

        /** Sets the attribute code (identity). */
        public Builder attributeCode(String value) {
            attributeCode = value;
            return this;
        }

        /** Sets the store view code (identity). */
        public Builder storeViewCode(String value) {
            storeViewCode = value;
            return this;
        }

        /** Sets the store code. */
        public Builder storeCode(String value) {
            storeCode = value;
            return this;
        }

        /** Sets the website code. */
        public Builder websiteCode(String value) {
            websiteCode = value;
            return this;
        }

        /** Sets the input type. */
        public Builder attributeType(String value) {
            attributeType = value;
            return this;
        }

        /** Sets the label. */
        public Builder label(String value) {
            label = value;
            return this;
        }

        /** Sets the value type. */
        public Builder dataType(String value) {
            dataType = value;
            return this;
        }

        /** Sets whether search uses it. */
        public Builder searchable(Boolean value) {
            searchable = value;
            return this;
        }

        /** Sets whether navigation filters by it. */
        public Builder filterable(Boolean value) {
            filterable = value;
            return this;
        }

        /** Sets whether listing pages show it. */
        public Builder visibleInPLP(Boolean value) {
            visibleInPLP = value;
            return this;
        }

        /** Marks the attribute deleted (or not). */
        public Builder deleted(Boolean value) {
            deleted = value;
            return this;
        }

        /** The product attribute. */
        public ProductAttribute build() {
            return new ProductAttribute(attributeCode, storeViewCode, storeCode, websiteCode, attributeType, label,
                    dataType, searchable, filterable, visibleInPLP, deleted);
        }
    }
}

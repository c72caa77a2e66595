package io.github.commerceconnector.api.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * A category of the {@link Feed#CATEGORIES categories} feed, in one store view. Identity:
 * {@code urlPath} + {@code storeViewCode}.
 *
 * @param categoryId    the store's category id
 * @param storeViewCode the store view; identity
 * @param storeCode     the store (group) code
 * @param websiteCode   the website code
 * @param name          the category name
 * @param urlKey        the URL key
 * @param urlPath       the URL path, e.g. {@code men/tops}; identity
 * @param path          the id path, e.g. {@code 1/2/12}
 * @param level         the depth in the tree
 * @param parentId      the parent category's id
 * @param position      the position among its siblings
 * @param isActive      whether it is enabled
 * @param includeInMenu whether the storefront menu shows it
 * @param description   the description
 * @param metaTitle     the page title
 * @param createdAt     creation time
 * @param updatedAt     last change in the store (ignored by change detection)
 * @param modifiedAt    last export change (ignored by change detection)
 * @param deleted       {@code true} to delete it from the data space
 */
public record Category(String categoryId, String storeViewCode, String storeCode, String websiteCode, String name,
        String urlKey, String urlPath, String path, Integer level, String parentId, Integer position,
        Boolean isActive, Boolean includeInMenu, String description, String metaTitle, Instant createdAt,
        Instant updatedAt, Instant modifiedAt, Boolean deleted) implements FeedItem {

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this category's fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a category from its JSON object.
     *
     * @throws IllegalArgumentException naming the field, when a value has the wrong type or a field is not
     *     a category field
     */
    public static Category fromFields(Map<String, ?> fields) {
        ItemFields.Reader in = new ItemFields.Reader(fields, "category");
        Category category = new Category(in.string("categoryId"), in.string("storeViewCode"),
                in.string("storeCode"), in.string("websiteCode"), in.string("name"), in.string("urlKey"),
                in.string("urlPath"), in.string("path"), in.integer("level"), in.string("parentId"),
                in.integer("position"), in.bool("isActive"), in.bool("includeInMenu"), in.string("description"),
                in.string("metaTitle"), in.time("createdAt"), in.time("updatedAt"), in.time("modifiedAt"),
                in.bool("deleted"));
        in.finish();
        return category;
    }

    @Override
    public Map<String, Object> fields() {
        return new ItemFields().put("categoryId", categoryId).put("storeViewCode", storeViewCode)
                .put("storeCode", storeCode).put("websiteCode", websiteCode).put("name", name)
                .put("urlKey", urlKey).put("urlPath", urlPath).put("path", path).put("level", level)
                .put("parentId", parentId).put("position", position).put("isActive", isActive)
                .put("includeInMenu", includeInMenu).put("description", description).put("metaTitle", metaTitle)
                .putTime("createdAt", createdAt).putTime("updatedAt", updatedAt).putTime("modifiedAt", modifiedAt)
                .put("deleted", deleted)
                .build();
    }

    /** Builds a {@link Category}; every field starts absent. Not thread-safe. */
    public static final class Builder {
        private String categoryId;
        private String storeViewCode;
        private String storeCode;
        private String websiteCode;
        private String name;
        private String urlKey;
        private String urlPath;
        private String path;
        private Integer level;
        private String parentId;
        private Integer position;
        private Boolean isActive;
        private Boolean includeInMenu;
        private String description;
        private String metaTitle;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant modifiedAt;
        private Boolean deleted;

        private Builder() {
        }

        private Builder(Category c) {
            categoryId = c.categoryId;
            storeViewCode = c.storeViewCode;
            storeCode = c.storeCode;
            websiteCode = c.websiteCode;
            name = c.name;
            urlKey = c.urlKey;
            urlPath = c.urlPath;
            path = c.path;
            level = c.level;
            parentId = c.parentId;
            position = c.position;
            isActive = c.isActive;
            includeInMenu = c.includeInMenu;
            description = c.description;
            metaTitle = c.metaTitle;
            createdAt = c.createdAt;
            updatedAt = c.updatedAt;
            modifiedAt = c.modifiedAt;
            deleted = c.deleted;
        }

        /** Sets the category id. */
        public Builder categoryId(String value) {
            categoryId = value;
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

        /** Sets the name. */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Sets the URL key. */
        public Builder urlKey(String value) {
            urlKey = value;
            return this;
        }

        /** Sets the URL path (identity). */
        public Builder urlPath(String value) {
            urlPath = value;
            return this;
        }

        /** Sets the id path. */
        public Builder path(String value) {
            path = value;
            return this;
        }

        /** Sets the depth in the tree. */
        public Builder level(Integer value) {
            level = value;
            return this;
        }

        /** Sets the parent category's id. */
        public Builder parentId(String value) {
            parentId = value;
            return this;
        }

        /** Sets the position among siblings. */
        public Builder position(Integer value) {
            position = value;
            return this;
        }

        /** Sets whether it is enabled. */
        public Builder isActive(Boolean value) {
            isActive = value;
            return this;
        }

        /** Sets whether the menu shows it. */
        public Builder includeInMenu(Boolean value) {
            includeInMenu = value;
            return this;
        }

        /** Sets the description. */
        public Builder description(String value) {
            description = value;
            return this;
        }

        /** Sets the page title. */
        public Builder metaTitle(String value) {
            metaTitle = value;
            return this;
        }

        /** Sets the creation time. */
        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        /** Sets the store's last change time. */
        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /** Sets the export change time. */
        public Builder modifiedAt(Instant value) {
            modifiedAt = value;
            return this;
        }

        /** Marks the category deleted (or not). */
        public Builder deleted(Boolean value) {
            deleted = value;
            return this;
        }

        /** The category. */
        public Category build() {
            return new Category(categoryId, storeViewCode, storeCode, websiteCode, name, urlKey, urlPath, path, level,
                    parentId, position, isActive, includeInMenu, description, metaTitle, createdAt, updatedAt,
                    modifiedAt, deleted);
        }
    }
}

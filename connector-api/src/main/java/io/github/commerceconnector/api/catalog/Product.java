package io.github.commerceconnector.api.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A product of the {@link Feed#PRODUCTS products} feed, in one store view. Identity: {@code sku} +
 * {@code storeViewCode}. A product carries no price: prices have their own feed ({@link Price}).
 *
 * <p>Every field is optional in the type (absent fields are left out of the JSON); the sync client
 * checks before sending that the identity fields are present and rejects the item, with its position
 * and reason, when they are not. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * Product product = Product.builder().sku("MH01").storeViewCode("default").name("Chaz Hoodie")
 *         .addCategory("12", "men/tops", 1).addImage("https://cdn.example/mh01.jpg", "front", 1, "image")
 *         .build();
 * }</pre>
 *
 * @param sku              the stock keeping unit; identity
 * @param storeViewCode    the store view; identity
 * @param storeCode        the store (group) code
 * @param websiteCode      the website code
 * @param productId        the store's product id
 * @param name             the product name
 * @param type             the product type, e.g. {@code simple}, {@code configurable}
 * @param status           e.g. {@code Enabled}
 * @param visibility       e.g. {@code Catalog, Search}
 * @param urlKey           the URL key
 * @param description      the description (HTML allowed)
 * @param shortDescription the short description
 * @param metaTitle        the page title
 * @param metaDescription  the meta description
 * @param metaKeyword      the meta keywords
 * @param taxClassId       the tax class
 * @param weight           the weight
 * @param weightUnit       the weight unit, e.g. {@code lbs}
 * @param currency         the currency code, e.g. {@code USD}
 * @param displayable      whether the storefront shows it
 * @param buyable          whether it can be bought
 * @param attributes       attribute values (order carries no meaning)
 * @param categoryData     the categories it is in (order carries no meaning)
 * @param images           its images (order carries no meaning: {@code sortOrder} orders them)
 * @param inventory        stock data
 * @param createdAt        creation time
 * @param updatedAt        last change in the store (ignored by change detection)
 * @param modifiedAt       last export change (ignored by change detection)
 * @param deleted          {@code true} to delete it from the data space
 */
public record Product(String sku, String storeViewCode, String storeCode, String websiteCode, String productId,
        String name, String type, String status, String visibility, String urlKey, String description,
        String shortDescription, String metaTitle, String metaDescription, String metaKeyword, String taxClassId,
        BigDecimal weight, String weightUnit, String currency, Boolean displayable, Boolean buyable,
        List<Attribute> attributes, List<CategoryData> categoryData, List<Image> images, Inventory inventory,
        Instant createdAt, Instant updatedAt, Instant modifiedAt, Boolean deleted) implements FeedItem {

    /** Copies the lists; absent lists stay {@code null} (left out of the JSON). */
    public Product {
        attributes = ItemFields.copyOrNull(attributes, "attributes");
        categoryData = ItemFields.copyOrNull(categoryData, "categoryData");
        images = ItemFields.copyOrNull(images, "images");
    }

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this product's fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a product from its JSON object (as parsed into maps and lists).
     *
     * @throws IllegalArgumentException naming the field, when a value has the wrong type or a field is not
     *     a product field (use {@link GenericItem} for those)
     */
    public static Product fromFields(Map<String, ?> fields) {
        ItemFields.Reader in = new ItemFields.Reader(fields, "product");
        Product product = new Product(in.string("sku"), in.string("storeViewCode"), in.string("storeCode"),
                in.string("websiteCode"), in.string("productId"), in.string("name"), in.string("type"),
                in.string("status"), in.string("visibility"), in.string("urlKey"), in.string("description"),
                in.string("shortDescription"), in.string("metaTitle"), in.string("metaDescription"),
                in.string("metaKeyword"), in.string("taxClassId"), in.decimal("weight"), in.string("weightUnit"),
                in.string("currency"), in.bool("displayable"), in.bool("buyable"),
                in.objects("attributes", Attribute::fromFields), in.objects("categoryData", CategoryData::fromFields),
                in.objects("images", Image::fromFields), in.object("inventory", Inventory::fromFields),
                in.time("createdAt"), in.time("updatedAt"), in.time("modifiedAt"), in.bool("deleted"));
        in.finish();
        return product;
    }

    @Override
    public Map<String, Object> fields() {
        return new ItemFields().put("sku", sku).put("storeViewCode", storeViewCode).put("storeCode", storeCode)
                .put("websiteCode", websiteCode).put("productId", productId).put("name", name).put("type", type)
                .put("status", status).put("visibility", visibility).put("urlKey", urlKey)
                .put("description", description).put("shortDescription", shortDescription)
                .put("metaTitle", metaTitle).put("metaDescription", metaDescription).put("metaKeyword", metaKeyword)
                .put("taxClassId", taxClassId).put("weight", weight).put("weightUnit", weightUnit)
                .put("currency", currency).put("displayable", displayable).put("buyable", buyable)
                .putObjects("attributes", attributes, Attribute::fields)
                .putObjects("categoryData", categoryData, CategoryData::fields)
                .putObjects("images", images, Image::fields)
                .put("inventory", inventory == null ? null : inventory.fields())
                .putTime("createdAt", createdAt).putTime("updatedAt", updatedAt).putTime("modifiedAt", modifiedAt)
                .put("deleted", deleted)
                .build();
    }

    /**
     * One attribute value of a product: {@code {"attributeCode": "color", "value": ["Red"]}}.
     *
     * @param attributeCode the attribute code
     * @param value         its values (one for most attributes, several for multi-select)
     */
    public record Attribute(String attributeCode, List<String> value) {

        /** Copies the values. */
        public Attribute {
            value = ItemFields.copyOrNull(value, "attribute value");
        }

        /** An attribute with its values. */
        public static Attribute of(String attributeCode, String... values) {
            return new Attribute(attributeCode, List.of(values));
        }

        /** Reads one from its JSON object. */
        public static Attribute fromFields(Map<String, ?> fields) {
            ItemFields.Reader in = new ItemFields.Reader(fields, "product attribute value");
            Attribute attribute = new Attribute(in.string("attributeCode"), in.strings("value"));
            in.finish();
            return attribute;
        }

        /** Its JSON object. */
        public Map<String, Object> fields() {
            return new ItemFields().put("attributeCode", attributeCode).put("value", value).build();
        }
    }

    /**
     * A category a product is in.
     *
     * @param categoryId      the category id
     * @param categoryPath    the category's URL path, e.g. {@code men/tops}
     * @param productPosition the product's position in the category
     */
    public record CategoryData(String categoryId, String categoryPath, Integer productPosition) {

        /** Reads one from its JSON object. */
        public static CategoryData fromFields(Map<String, ?> fields) {
            ItemFields.Reader in = new ItemFields.Reader(fields, "product categoryData entry");
            CategoryData data = new CategoryData(in.string("categoryId"), in.string("categoryPath"),
                    in.integer("productPosition"));
            in.finish();
            return data;
        }

        /** Its JSON object. */
        public Map<String, Object> fields() {
            return new ItemFields().put("categoryId", categoryId).put("categoryPath", categoryPath)
                    .put("productPosition", productPosition).build();
        }
    }

    /**
     * An image of a product: {@code {"resource": {"url", "label", "roles": [...]}, "sortOrder": n}}.
     *
     * @param url       the image URL
     * @param label     its label (alt text)
     * @param roles     its roles, e.g. {@code image}, {@code small_image}, {@code thumbnail}
     * @param sortOrder its position among the product's images
     */
    public record Image(String url, String label, List<String> roles, Integer sortOrder) {

        /** Copies the roles. */
        public Image {
            roles = ItemFields.copyOrNull(roles, "image roles");
        }

        /** Reads one from its JSON object. */
        public static Image fromFields(Map<String, ?> fields) {
            ItemFields.Reader in = new ItemFields.Reader(fields, "product image");
            Integer sortOrder = in.integer("sortOrder");
            Image image = in.object("resource", resource -> fromResource(resource, sortOrder));
            in.finish();
            return image == null ? new Image(null, null, null, sortOrder) : image;
        }

        private static Image fromResource(Map<String, ?> resource, Integer sortOrder) {
            ItemFields.Reader in = new ItemFields.Reader(resource, "product image resource");
            Image image = new Image(in.string("url"), in.string("label"), in.strings("roles"), sortOrder);
            in.finish();
            return image;
        }

        /** Its JSON object; {@code resource} is left out when url, label and roles are all absent. */
        public Map<String, Object> fields() {
            boolean hasResource = url != null || label != null || roles != null;
            Map<String, Object> resource = hasResource
                    ? new ItemFields().put("url", url).put("label", label).put("roles", roles).build()
                    : null;
            return new ItemFields().put("resource", resource).put("sortOrder", sortOrder).build();
        }
    }

    /**
     * Stock data of a product.
     *
     * @param qty     the quantity in stock; the sync client rejects a negative quantity
     * @param inStock whether the product is in stock
     */
    public record Inventory(BigDecimal qty, Boolean inStock) {

        /** Reads one from its JSON object. */
        public static Inventory fromFields(Map<String, ?> fields) {
            ItemFields.Reader in = new ItemFields.Reader(fields, "product inventory");
            Inventory inventory = new Inventory(in.decimal("qty"), in.bool("inStock"));
            in.finish();
            return inventory;
        }

        /** Its JSON object. */
        public Map<String, Object> fields() {
            return new ItemFields().put("qty", qty).put("inStock", inStock).build();
        }
    }

    /** Builds a {@link Product}; every field starts absent. Not thread-safe. */
    public static final class Builder {
        private String sku;
        private String storeViewCode;
        private String storeCode;
        private String websiteCode;
        private String productId;
        private String name;
        private String type;
        private String status;
        private String visibility;
        private String urlKey;
        private String description;
        private String shortDescription;
        private String metaTitle;
        private String metaDescription;
        private String metaKeyword;
        private String taxClassId;
        private BigDecimal weight;
        private String weightUnit;
        private String currency;
        private Boolean displayable;
        private Boolean buyable;
        private List<Attribute> attributes;
        private List<CategoryData> categoryData;
        private List<Image> images;
        private Inventory inventory;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant modifiedAt;
        private Boolean deleted;

        private Builder() {
        }

        private Builder(Product p) {
            sku = p.sku;
            storeViewCode = p.storeViewCode;
            storeCode = p.storeCode;
            websiteCode = p.websiteCode;
            productId = p.productId;
            name = p.name;
            type = p.type;
            status = p.status;
            visibility = p.visibility;
            urlKey = p.urlKey;
            description = p.description;
            shortDescription = p.shortDescription;
            metaTitle = p.metaTitle;
            metaDescription = p.metaDescription;
            metaKeyword = p.metaKeyword;
            taxClassId = p.taxClassId;
            weight = p.weight;
            weightUnit = p.weightUnit;
            currency = p.currency;
            displayable = p.displayable;
            buyable = p.buyable;
            attributes = p.attributes == null ? null : new ArrayList<>(p.attributes);
            categoryData = p.categoryData == null ? null : new ArrayList<>(p.categoryData);
            images = p.images == null ? null : new ArrayList<>(p.images);
            inventory = p.inventory;
            createdAt = p.createdAt;
            updatedAt = p.updatedAt;
            modifiedAt = p.modifiedAt;
            deleted = p.deleted;
        }

        /** Sets the SKU (identity). */
        public Builder sku(String value) {
            sku = value;
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

        /** Sets the store's product id. */
        public Builder productId(String value) {
            productId = value;
            return this;
        }

        /** Sets the name. */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Sets the product type. */
        public Builder type(String value) {
            type = value;
            return this;
        }

        /** Sets the status. */
        public Builder status(String value) {
            status = value;
            return this;
        }

        /** Sets the visibility. */
        public Builder visibility(String value) {
            visibility = value;
            return this;
        }

        /** Sets the URL key. */
        public Builder urlKey(String value) {
            urlKey = value;
            return this;
        }

        /** Sets the description. */
        public Builder description(String value) {
            description = value;
            return this;
        }

        /** Sets the short description. */
        public Builder shortDescription(String value) {
            shortDescription = value;
            return this;
        }

        /** Sets the meta title. */
        public Builder metaTitle(String value) {
            metaTitle = value;
            return this;
        }

        /** Sets the meta description. */
        public Builder metaDescription(String value) {
            metaDescription = value;
            return this;
        }

        /** Sets the meta keywords. */
        public Builder metaKeyword(String value) {
            metaKeyword = value;
            return this;
        }

        /** Sets the tax class id. */
        public Builder taxClassId(String value) {
            taxClassId = value;
            return this;
        }

        /** Sets the weight. */
        public Builder weight(BigDecimal value) {
            weight = value;
            return this;
        }

        /** Sets the weight unit. */
        public Builder weightUnit(String value) {
            weightUnit = value;
            return this;
        }

        /** Sets the currency code. */
        public Builder currency(String value) {
            currency = value;
            return this;
        }

        /** Sets whether the storefront shows it. */
        public Builder displayable(Boolean value) {
            displayable = value;
            return this;
        }

        /** Sets whether it can be bought. */
        public Builder buyable(Boolean value) {
            buyable = value;
            return this;
        }

        /** Replaces the attribute values ({@code null} leaves the field out). */
        public Builder attributes(List<Attribute> value) {
            attributes = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /** Adds an attribute value. */
        public Builder addAttribute(String attributeCode, String... values) {
            attributes = attributes == null ? new ArrayList<>() : attributes;
            attributes.add(Attribute.of(attributeCode, values));
            return this;
        }

        /** Replaces the category data ({@code null} leaves the field out). */
        public Builder categoryData(List<CategoryData> value) {
            categoryData = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /** Adds a category the product is in. */
        public Builder addCategory(String categoryId, String categoryPath, Integer productPosition) {
            categoryData = categoryData == null ? new ArrayList<>() : categoryData;
            categoryData.add(new CategoryData(categoryId, categoryPath, productPosition));
            return this;
        }

        /** Replaces the images ({@code null} leaves the field out). */
        public Builder images(List<Image> value) {
            images = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /** Adds an image. */
        public Builder addImage(String url, String label, Integer sortOrder, String... roles) {
            images = images == null ? new ArrayList<>() : images;
            images.add(new Image(url, label, List.of(roles), sortOrder));
            return this;
        }

        /** Sets the stock data. */
        public Builder inventory(Inventory value) {
            inventory = value;
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

        /** Marks the product deleted (or not). */
        public Builder deleted(Boolean value) {
            deleted = value;
            return this;
        }

        /** The product. */
        public Product build() {
            return new Product(sku, storeViewCode, storeCode, websiteCode, productId, name, type, status, visibility,
                    urlKey, description, shortDescription, metaTitle, metaDescription, metaKeyword, taxClassId,
                    weight, weightUnit, currency, displayable, buyable, attributes, categoryData, images, inventory,
                    createdAt, updatedAt, modifiedAt, deleted);
        }
    }
}

package io.github.commerceconnector.api.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A catalog feed: its name, its gateway route ({@code POST {route}/{dataSpaceId}}), the fields that
 * identify an item, and how many items go in one request by default.
 *
 * @param name             a short name, also used for the state files: letters, digits, {@code -} and {@code _}
 * @param route            the route relative to the gateway base URL, without leading or trailing {@code /}
 * @param identityFields   the JSON fields that together identify an item (1 to {@value #MAX_IDENTITY_FIELDS});
 *                         a delete sends these with {@code "deleted": true}
 * @param defaultBatchSize items per request unless configured otherwise, 1 to 10,000
 */
public record Feed(String name, String route, List<String> identityFields, int defaultBatchSize) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The most identity fields a feed may have. */
    public static final int MAX_IDENTITY_FIELDS = 8;

    /** The products feed: {@code feeds/catalog/v2/products}, identity {@code sku} + {@code storeViewCode}. */
    public static final Feed PRODUCTS = new Feed("products", "feeds/catalog/v2/products",
            List.of("sku", "storeViewCode"), 100);
    /** The product attributes feed: {@code feeds/metadata/v2/metadata}. */
    public static final Feed PRODUCT_ATTRIBUTES = new Feed("productAttributes", "feeds/metadata/v2/metadata",
            List.of("attributeCode", "storeViewCode"), 100);
    /** The categories feed: {@code feeds/categories/v1}. */
    public static final Feed CATEGORIES = new Feed("categories", "feeds/categories/v1",
            List.of("urlPath", "storeViewCode"), 100);
    /** The prices feed: {@code feeds/products/v1/prices}, 500 items per request. */
    public static final Feed PRICES = new Feed("prices", "feeds/products/v1/prices",
            List.of("sku", "customerGroupCode", "websiteCode"), 500);
    /**
     * The variants feed. Its route is not public: {@code feeds/catalog/v1/variants} is this SDK's
     * assumption; {@link #withRoute} sets another.
     */
    public static final Feed VARIANTS = new Feed("variants", "feeds/catalog/v1/variants",
            List.of("parentSku", "productSku"), 100);
    /**
     * The inventory stock status feed: identity {@code stockId} + {@code sku}. Its route is not public:
     * {@code feeds/inventory/v1/stock-status} is this SDK's assumption; {@link #withRoute} sets another.
     */
    public static final Feed INVENTORY_STOCK_STATUS = new Feed("inventoryStockStatus",
            "feeds/inventory/v1/stock-status", List.of("stockId", "sku"), 100);
    /**
     * The product reviews feed: identity {@code reviewId}. Its route is not public: {@code feeds/reviews/v1/reviews}
     * is this SDK's assumption; {@link #withRoute} sets another.
     */
    public static final Feed REVIEWS = new Feed("reviews", "feeds/reviews/v1/reviews", List.of("reviewId"), 100);
    /**
     * The rating metadata feed (the ratings reviews give values for): identity {@code ratingId} +
     * {@code storeViewCode}. Its route is not public: {@code feeds/reviews/v1/rating-metadata} is this SDK's
     * assumption; {@link #withRoute} sets another.
     */
    public static final Feed RATING_METADATA = new Feed("ratingMetadata", "feeds/reviews/v1/rating-metadata",
            List.of("ratingId", "storeViewCode"), 100);
    /**
     * The product overrides feed (the exporter's "calculated product permissions": what a customer group may see and
     * buy of a product on a website), 100 items per request. Its route, fields and identity are not public: route
     * {@code feeds/catalog/v1/product-overrides} and identity {@code sku} + {@code websiteCode} +
     * {@code customerGroupCode} are this SDK's assumptions; {@link #withRoute} (or the client's settings) sets
     * another route.
     */
    public static final Feed PRODUCT_OVERRIDES = new Feed("productOverrides", "feeds/catalog/v1/product-overrides",
            List.of("sku", "websiteCode", "customerGroupCode"), 100);
    /**
     * The category permissions feed (Adobe Commerce only; the exporter's "raw category permissions data"), 100 items
     * per request. Its route, fields and identity are not public: route {@code feeds/catalog/v1/category-permissions}
     * and identity {@code categoryId} + {@code websiteCode} + {@code customerGroupCode} are this SDK's assumptions;
     * {@link #withRoute} (or the client's settings) sets another route.
     */
    public static final Feed CATEGORY_PERMISSIONS = new Feed("categoryPermissions",
            "feeds/catalog/v1/category-permissions", List.of("categoryId", "websiteCode", "customerGroupCode"), 100);
    /** The website scopes feed: {@code feeds/scopes/v2}, identity {@code websiteCode}. */
    public static final Feed SCOPES_WEBSITE = new Feed("scopesWebsite", "feeds/scopes/v2",
            List.of("websiteCode"), 100);
    /** The customer group scopes feed: {@code feeds/scopes/v2}, identity {@code customerGroupCode}. */
    public static final Feed SCOPES_CUSTOMER_GROUP = new Feed("scopesCustomerGroup", "feeds/scopes/v2",
            List.of("customerGroupCode"), 100);

    /** Validates every field. */
    public Feed {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Feed name '" + name
                    + "' is invalid: use 1 to 64 letters, digits, '-' or '_'");
        }
        if (route == null || route.isBlank() || route.startsWith("/") || route.endsWith("/")
                || route.contains("..") || route.contains("?") || route.contains("#")) {
            throw new IllegalArgumentException("Feed route '" + route + "' of feed " + name
                    + " is invalid: give a relative path like feeds/catalog/v2/products, without leading or "
                    + "trailing '/', '..', '?' or '#'");
        }
        if (identityFields == null || identityFields.isEmpty()) {
            throw new IllegalArgumentException("Feed " + name + " has no identity fields: name the JSON fields "
                    + "that identify an item, e.g. sku and storeViewCode");
        }
        identityFields = List.copyOf(identityFields);
        for (String field : identityFields) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("Feed " + name + " has a blank identity field name");
            }
        }
        if (identityFields.size() > MAX_IDENTITY_FIELDS) {
            throw new IllegalArgumentException("Feed " + name + " has " + identityFields.size()
                    + " identity fields: use at most " + MAX_IDENTITY_FIELDS);
        }
        if (identityFields.stream().distinct().count() != identityFields.size()) {
            throw new IllegalArgumentException("Feed " + name + " lists an identity field twice: " + identityFields);
        }
        if (defaultBatchSize < 1 || defaultBatchSize > 10_000) {
            throw new IllegalArgumentException("Feed " + name + " batch size " + defaultBatchSize
                    + " is out of range: use 1 to 10000");
        }
    }

    /** Declares a custom feed. */
    public static Feed custom(String name, String route, int defaultBatchSize, String... identityFields) {
        return new Feed(name, route, List.of(identityFields), defaultBatchSize);
    }

    /**
     * This feed at another route: the same name (so the same sync state), identity and batch size. For a gateway
     * whose route differs from this SDK's assumed one (variants, inventory stock status, product overrides, category
     * permissions, reviews, rating metadata).
     *
     * @throws IllegalArgumentException for a route that is not a plain relative path
     */
    public Feed withRoute(String otherRoute) {
        return new Feed(name, otherRoute, identityFields, defaultBatchSize);
    }

    /**
     * The twelve built-in feeds, each with its typed item: one per catalog feed of the exporter's schema, then the
     * two whose records are not public ({@link #PRODUCT_OVERRIDES}, {@link #CATEGORY_PERMISSIONS}).
     *
     * @return the built-in feeds
     */
    public static List<Feed> builtIn() {
        return List.of(PRODUCTS, PRODUCT_ATTRIBUTES, CATEGORIES, PRICES, VARIANTS, SCOPES_WEBSITE,
                SCOPES_CUSTOMER_GROUP, INVENTORY_STOCK_STATUS, REVIEWS, RATING_METADATA, PRODUCT_OVERRIDES,
                CATEGORY_PERMISSIONS);
    }
}

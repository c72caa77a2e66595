package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.testkit.FakeGateway;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In schema mode the gateway holds every item against the exporter's schema and lists each field that does not
 * fit as {@code {"field": "/<n>/<name>", "message": ...}}: an invented name or a wrong JSON type never passes
 * unnoticed.
 */
class FakeGatewaySchemaModeTest extends GatewayTestSupport {

    FakeGatewaySchemaModeTest() {
        use(FakeGateway.builder().services(services).noRateLimit().checkSchema(true).start());
    }

    private static String path(Feed feed, String dataSpace) {
        return feed.route() + "/" + dataSpace;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> invalid(HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), reply.body());
        return (List<Map<String, Object>>) object(reply.body()).getOrDefault("invalidFeedItems", List.of());
    }

    @Test
    void listsAnInventedFieldByItsPathAndStoresTheOtherItems() {
        String dataSpace = testingDataSpace();
        Map<String, Object> invented = Map.of("sku", "MH01", "storeViewCode", "default",
                "inventory", Map.of("qty", 3, "inStock", true));

        List<Map<String, Object>> invalid = invalid(client.gzipJson(path(Feed.PRODUCTS, dataSpace),
                List.of(invented, product("MH02"))));

        assertEquals(1, invalid.size(), invalid.toString());
        assertEquals("/0/inventory/inStock", invalid.get(0).get("field"));
        assertTrue(((String) invalid.get(0).get("message")).contains("not a field of the exporter's Inventory record"),
                invalid.toString());
        assertEquals(List.of("MH02"),
                services.items(dataSpace, Feed.PRODUCTS).stream().map(item -> item.get("sku")).toList());
    }

    @Test
    void listsEveryValueOfTheWrongJsonType() {
        String dataSpace = testingDataSpace();
        Map<String, Object> category = Map.of("urlPath", "men", "storeViewCode", "default", "isActive", true,
                "level", 2.5, "children", "3,4");

        List<Map<String, Object>> invalid = invalid(client.gzipJson(path(Feed.CATEGORIES, dataSpace),
                List.of(category)));

        Map<Object, Object> byField = new HashMap<>();
        invalid.forEach(entry -> byField.put(entry.get("field"), entry.get("message")));
        assertEquals(3, byField.size(), invalid.toString());
        assertTrue(((String) byField.get("/0/isActive")).contains("must be a JSON integer (the exporter's type Int)"));
        assertTrue(((String) byField.get("/0/level")).contains("a JSON integer"));
        assertTrue(((String) byField.get("/0/children")).contains("must be an array of strings"));
        assertEquals(0, services.items(dataSpace, Feed.CATEGORIES).size());
    }

    @Test
    void acceptsDeletedOnEveryItemAndAnIdAsStringOrNumber() {
        String dataSpace = testingDataSpace();

        List<Map<String, Object>> invalid = invalid(client.gzipJson(path(Feed.INVENTORY_STOCK_STATUS, dataSpace),
                List.of(Map.of("stockId", 1, "sku", "MH01", "qty", 2.5, "isSalable", true),
                        Map.of("stockId", "1", "sku", "MH02", "deleted", true))));

        assertEquals(List.of(), invalid);
        assertEquals(1, services.items(dataSpace, Feed.INVENTORY_STOCK_STATUS).size());
    }

    @Test
    void holdsTheFeedsWithoutAPublicRecordAgainstTheAssumedOnes() {
        String dataSpace = testingDataSpace();

        List<Map<String, Object>> invalid = invalid(client.gzipJson(path(Feed.CATEGORY_PERMISSIONS, dataSpace),
                List.of(Map.of("categoryId", 3, "websiteCode", "base", "customerGroupCode", "0",
                                "permission", Map.of("displayed", "yes", "addToCart", false)),
                        Map.of("categoryId", "4", "websiteCode", "base", "customerGroupCode", "0", "grant", true))));
        List<Map<String, Object>> overrides = invalid(client.gzipJson(path(Feed.PRODUCT_OVERRIDES, dataSpace),
                List.of(Map.of("sku", "MH01", "websiteCode", "base", "customerGroupCode", "0", "buyable", false,
                        "deleted", false))));

        Map<Object, Object> byField = new HashMap<>();
        invalid.forEach(entry -> byField.put(entry.get("field"), entry.get("message")));
        assertEquals(2, byField.size(), invalid.toString());
        assertTrue(((String) byField.get("/0/permission/displayed")).contains("must be true or false"),
                byField.toString());
        assertTrue(((String) byField.get("/1/grant")).contains("not a field of the CategoryPermission record this "
                + "SDK assumes (assumed-schema.json)"), byField.toString());
        assertEquals(List.of(), overrides);
        assertEquals(1, services.items(dataSpace, Feed.PRODUCT_OVERRIDES).size());
    }

    @Test
    void doesNotCheckCustomFeeds() {
        Feed custom = Feed.custom("loyalty", "feeds/loyalty/v1", 100, "memberId");
        gateway.registerFeed(custom);
        String dataSpace = testingDataSpace();

        assertEquals(List.of(), invalid(client.gzipJson(path(custom, dataSpace),
                List.of(Map.of("memberId", "7", "anything", List.of(1, "two"))))));
    }

    @Test
    void isOffUnlessAskedFor() {
        use(FakeGateway.builder().noRateLimit().start());
        gateway.registerKey(apiKey, keys.publicKey());
        String dataSpace = gateway.services().addProject("Lenient").testingDataSpaces().get(0).id();

        assertEquals(List.of(), invalid(client.gzipJson(path(Feed.PRODUCT_ATTRIBUTES, dataSpace),
                List.of(Map.of("attributeCode", "color", "storeViewCode", "default", "visibleInPLP", true)))));
    }
}

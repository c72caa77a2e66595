package io.github.commerceconnector.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedTest {

    @Test
    void offersTheTenBuiltInFeeds() {
        assertEquals(12, Feed.builtIn().size());
        assertEquals(List.of("sku", "websiteCode", "customerGroupCode"), Feed.PRODUCT_OVERRIDES.identityFields());
        assertEquals(List.of("categoryId", "websiteCode", "customerGroupCode"),
                Feed.CATEGORY_PERMISSIONS.identityFields());
        assertEquals(List.of("stockId", "sku"), Feed.INVENTORY_STOCK_STATUS.identityFields());
        assertEquals(List.of("reviewId"), Feed.REVIEWS.identityFields());
        assertEquals(List.of("ratingId", "storeViewCode"), Feed.RATING_METADATA.identityFields());
        assertEquals(List.of("sku", "storeViewCode"), Feed.PRODUCTS.identityFields());
        assertEquals("feeds/catalog/v2/products", Feed.PRODUCTS.route());
        assertEquals(500, Feed.PRICES.defaultBatchSize());
    }

    @Test
    void movesAFeedWithAnAssumedRouteToAnotherRouteKeepingItsNameAndIdentity() {
        Feed moved = Feed.INVENTORY_STOCK_STATUS.withRoute("feeds/inventory/v2/stock");

        assertEquals("feeds/inventory/v2/stock", moved.route());
        assertEquals(Feed.INVENTORY_STOCK_STATUS.name(), moved.name());
        assertEquals(Feed.INVENTORY_STOCK_STATUS.identityFields(), moved.identityFields());
        assertThrows(IllegalArgumentException.class, () -> Feed.REVIEWS.withRoute("/feeds/x"));
    }

    @Test
    void declaresACustomFeed() {
        Feed feed = Feed.custom("inventory", "feeds/inventory/v1", 250, "sku", "sourceCode");

        assertEquals(List.of("sku", "sourceCode"), feed.identityFields());
        assertEquals(250, feed.defaultBatchSize());
    }

    @Test
    void refusesNamesOutsideLettersDigitsDashAndUnderscore() {
        for (String name : new String[] {null, "", "with space", "slash/name", "x".repeat(65)}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Feed.custom(name, "feeds/x", 10, "id"));
            assertTrue(refused.getMessage().contains("use 1 to 64 letters"), refused.getMessage());
        }
    }

    @Test
    void refusesRoutesThatAreNotPlainRelativePaths() {
        for (String route : new String[] {null, " ", "/feeds/x", "feeds/x/", "feeds/../x", "feeds/x?y=1",
                "feeds/x#top"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Feed.custom("custom", route, 10, "id"), String.valueOf(route));
            assertTrue(refused.getMessage().contains("give a relative path"), refused.getMessage());
        }
    }

    @Test
    void refusesMissingBlankOrRepeatedIdentityFields() {
        assertThrows(IllegalArgumentException.class, () -> Feed.custom("custom", "feeds/x", 10));
        assertThrows(IllegalArgumentException.class, () -> new Feed("custom", "feeds/x", null, 10));
        assertThrows(IllegalArgumentException.class, () -> Feed.custom("custom", "feeds/x", 10, "id", " "));
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> Feed.custom("custom", "feeds/x", 10, "id", "id"));

        assertTrue(repeated.getMessage().contains("lists an identity field twice"), repeated.getMessage());
    }

    @Test
    void refusesBatchSizesOutsideOneToTenThousand() {
        assertEquals(1, Feed.custom("custom", "feeds/x", 1, "id").defaultBatchSize());
        assertEquals(10_000, Feed.custom("custom", "feeds/x", 10_000, "id").defaultBatchSize());
        assertThrows(IllegalArgumentException.class, () -> Feed.custom("custom", "feeds/x", 0, "id"));
        assertThrows(IllegalArgumentException.class, () -> Feed.custom("custom", "feeds/x", 10_001, "id"));
    }

    @Test
    void copiesItsIdentityFields() {
        List<String> fields = new ArrayList<>(List.of("id"));
        Feed feed = new Feed("custom", "feeds/x", fields, 10);

        fields.add("other");

        assertEquals(List.of("id"), feed.identityFields());
    }
}

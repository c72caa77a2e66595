package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.InventoryStockStatus;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings per feed (the exporter's {@code --batch-size} and {@code --thread-count} per feed): items and bytes per
 * request and the route of one feed, seen at the fake gateway through the real HTTP client; the other feeds keep
 * the client-wide settings and their defaults (prices 500 items a request, the others 100).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PerFeedSettingsTest {

    @TempDir
    Path stateDirectory;

    private static Price price(int n) {
        return Price.builder().sku(String.format("SKU-%05d", n)).websiteCode("base").customerGroupCode("0")
                .type("SIMPLE").regular(10 + n % 50).build();
    }

    /**
     * The items of each accepted request of a feed, largest first (requests in flight arrive in any order). A
     * {@code 429} is left out: its batch is sent again, and with two requests in flight the fake clock can put three
     * arrivals at one instant (see ThrottlingTest).
     */
    private static List<Integer> itemsPerRequest(CatalogGateway fake, Feed feed) {
        return fake.feedRequests().stream().filter(request -> request.path().startsWith(feed.route() + "/"))
                .filter(request -> request.status() != 429)
                .map(request -> request.items().size()).sorted(Comparator.reverseOrder()).toList();
    }

    @Test
    void eachFeedIsBatchedByItsOwnSizeAndTheOthersByTheirDefaults() {
        CatalogSyncSettings settings = CatalogSyncSettings.defaults().withBatchSize(Feed.PRODUCTS, 40);
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = fake.client(stateDirectory, settings)) {
            assertEquals(120, client.catalog().sync(Feed.PRODUCTS, generated(120, n -> product(n, 1))).sent());
            assertEquals(1200, client.catalog().sync(Feed.PRICES, generated(1200, PerFeedSettingsTest::price)).sent());

            assertEquals(List.of(40, 40, 40), itemsPerRequest(fake, Feed.PRODUCTS));
            assertEquals(List.of(500, 500, 200), itemsPerRequest(fake, Feed.PRICES), "the exporter's 500 for prices");
        }
    }

    @Test
    void aFeedsOwnSizeWinsOverTheClientWideOne() {
        CatalogSyncSettings settings = CatalogSyncSettings.defaults().withBatchSize(25).withBatchSize(Feed.PRICES, 300);
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = fake.client(stateDirectory, settings)) {
            client.catalog().sync(Feed.PRODUCTS, generated(50, n -> product(n, 1)));
            client.catalog().sync(Feed.PRICES, generated(600, PerFeedSettingsTest::price));

            assertEquals(List.of(25, 25), itemsPerRequest(fake, Feed.PRODUCTS));
            assertEquals(List.of(300, 300), itemsPerRequest(fake, Feed.PRICES));
        }
    }

    @Test
    void aFeedsOwnByteLimitCutsItsRequestsAndNotTheOthers() {
        int limit = 4096;
        CatalogSyncSettings settings = CatalogSyncSettings.defaults().withMaxBatchBytes(Feed.PRODUCTS, limit);
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = fake.client(stateDirectory, settings)) {
            SyncReport products = client.catalog().sync(Feed.PRODUCTS, generated(100, n -> product(n, 1)));
            client.catalog().sync(Feed.PRICES, generated(100, PerFeedSettingsTest::price));

            assertEquals(100, products.sent());
            List<RecordedRequest> productRequests = fake.feedRequests().stream()
                    .filter(request -> request.path().startsWith(Feed.PRODUCTS.route() + "/")).toList();
            assertTrue(productRequests.size() > 1, "split by bytes: " + productRequests.size());
            for (RecordedRequest request : productRequests) {
                int bytes = request.bodyText().getBytes(StandardCharsets.UTF_8).length;
                assertTrue(bytes <= limit, bytes + " bytes in one request");
            }
            assertEquals(List.of(100), itemsPerRequest(fake, Feed.PRICES));
        }
    }

    @Test
    void aBuiltInFeedIsSentToTheRouteSetForItAndKeepsItsState() {
        String route = "feeds/inventory/v2/stock-items";
        CatalogSyncSettings settings = CatalogSyncSettings.defaults().withRoute(Feed.INVENTORY_STOCK_STATUS, route);
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = fake.client(stateDirectory, settings)) {
            fake.account.registerFeed(Feed.INVENTORY_STOCK_STATUS.withRoute(route));
            List<InventoryStockStatus> stock = List.of(
                    InventoryStockStatus.builder().stockId("1").sku("A").qty(3).isSalable(true).build(),
                    InventoryStockStatus.builder().stockId("1").sku("B").qty(0).isSalable(false).build());

            SyncReport report = client.catalog().sync(Feed.INVENTORY_STOCK_STATUS, stock);
            SyncReport again = client.catalog().sync(Feed.INVENTORY_STOCK_STATUS, stock.subList(0, 1));

            assertEquals(2, report.sent());
            assertEquals(Feed.INVENTORY_STOCK_STATUS, report.feed());
            assertEquals(1, again.deleted(), "the same state: B disappeared and is deleted");
            assertEquals(2, fake.feedRequests().size());
            fake.feedRequests().forEach(request -> assertTrue(request.path().startsWith(route + "/"), request.path()));
            assertEquals(1, fake.account.items(fake.dataSpaceId, Feed.INVENTORY_STOCK_STATUS.withRoute(route)).size());
        }
    }

    @Test
    void eachSettingFallsBackToTheClientWideOne() {
        CatalogSyncSettings settings = CatalogSyncSettings.defaults().withMaxInFlight(3)
                .withMaxInFlight(Feed.PRICES, 1).withMaxBatchBytes(Feed.PRICES, 2048).withBatchSize(Feed.PRICES, 50);

        assertEquals(1, settings.maxInFlightFor(Feed.PRICES));
        assertEquals(3, settings.maxInFlightFor(Feed.PRODUCTS));
        assertEquals(2048, settings.maxBatchBytesFor(Feed.PRICES));
        assertEquals(CatalogSyncSettings.DEFAULT_MAX_BATCH_BYTES, settings.maxBatchBytesFor(Feed.PRODUCTS));
        assertEquals(50, settings.batchSizeFor(Feed.PRICES));
        assertEquals(100, settings.batchSizeFor(Feed.PRODUCTS));
        assertEquals(500, CatalogSyncSettings.defaults().batchSizeFor(Feed.PRICES));
        assertEquals(Feed.PRODUCTS, settings.routed(Feed.PRODUCTS));
        assertEquals(3, settings.withMaxInFlight(Feed.PRICES, 0).maxInFlightFor(Feed.PRICES), "0: client-wide again");
        assertEquals(50, settings.withRoute(Feed.PRICES, "feeds/x/v1").batchSizeFor(Feed.PRICES), "others kept");
    }

    @Test
    void aSettingOutOfRangeIsRefusedNamingTheFeedAndTheRange() {
        CatalogSyncSettings settings = CatalogSyncSettings.defaults();

        ConfigurationException batch = assertThrows(ConfigurationException.class,
                () -> settings.withBatchSize(Feed.PRICES, 20_000));
        ConfigurationException bytes = assertThrows(ConfigurationException.class,
                () -> settings.withMaxBatchBytes(Feed.PRODUCTS, 100));
        ConfigurationException inFlight = assertThrows(ConfigurationException.class,
                () -> settings.withMaxInFlight(Feed.CATEGORIES, -1));
        ConfigurationException route = assertThrows(ConfigurationException.class,
                () -> settings.withRoute(Feed.VARIANTS, "/feeds/variants/"));

        assertEquals("Feed prices: batchSize of a feed is 20000: give 1 to 10000, or 0 for the client-wide setting",
                batch.getMessage());
        assertTrue(bytes.getMessage().startsWith("Feed products: maxBatchBytes of a feed is 100: give 1024 to"),
                bytes.getMessage());
        assertTrue(inFlight.getMessage().startsWith("Feed categories: maxInFlight of a feed is -1"),
                inFlight.getMessage());
        assertTrue(route.getMessage().startsWith("Feed variants: route of a feed is '/feeds/variants/'"),
                route.getMessage());
    }

    /**
     * A feed's own requests in flight (the exporter's {@code --thread-count}) bound it, seen at the gateway as the
     * most requests of the data space it had in flight at once, while another feed keeps the client-wide number.
     * Every reply takes 150 ms, so senders allowed to overlap do.
     */
    @Test
    void aFeedsOwnRequestsInFlightBoundItAtTheGateway() {
        CatalogSyncSettings settings = CatalogSyncSettings.defaults().withRequestsPerSecond(0).withMaxInFlight(4)
                .withMaxInFlight(Feed.PRICES, 1).withBatchSize(Feed.PRICES, 10).withBatchSize(Feed.PRODUCTS, 10);
        try (CatalogGateway fake = CatalogGateway.startRealTime(Duration.ofMillis(150));
                CommerceServicesClient client = fake.client(stateDirectory.resolve("prices"), settings)) {
            assertEquals(120, client.catalog().sync(Feed.PRICES, generated(120, PerFeedSettingsTest::price)).sent());
            assertEquals(1, fake.gateway.maxConcurrentFeedRequests(fake.dataSpaceId), "prices: one at a time");
        }
        try (CatalogGateway fake = CatalogGateway.startRealTime(Duration.ofMillis(150));
                CommerceServicesClient client = fake.client(stateDirectory.resolve("products"), settings)) {
            assertEquals(120, client.catalog().sync(Feed.PRODUCTS, generated(120, n -> product(n, 1))).sent());
            int products = fake.gateway.maxConcurrentFeedRequests(fake.dataSpaceId);
            assertTrue(products > 1 && products <= 4, "products: up to the client-wide 4 at once, was " + products);
        }
    }
}

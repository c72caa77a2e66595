package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.CatalogSyncPlan;
import io.github.commerceconnector.api.catalog.CatalogSyncReport;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.ProductAttribute;
import io.github.commerceconnector.api.catalog.ProductOverride;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.testkit.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole-catalog sync through the real HTTP client, seen in the requests the fake gateway recorded: the feeds
 * arrive in the dashboard's order, streams are read and closed, and a plan that resyncs sends unchanged items again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CatalogSyncPlanTest {

    @TempDir
    Path stateDirectory;

    private static String routeOf(RecordedRequest request) {
        return request.path().substring(0, request.path().lastIndexOf('/'));
    }

    @Test
    void theGatewayReceivesTheFeedsInTheDashboardsOrderAndAResyncSendsThemAgain() {
        AtomicInteger closed = new AtomicInteger();
        CatalogSyncPlan.Builder plan = CatalogSyncPlan.builder()
                .feed(Feed.PRODUCT_OVERRIDES, () -> List.of(ProductOverride.of("SKU-00000", "base", "0")))
                .feedStream(Feed.PRODUCTS, () -> IntStream.range(0, 250).mapToObj(n -> product(n, 1))
                        .onClose(closed::incrementAndGet))
                .feed(Feed.PRODUCT_ATTRIBUTES, () -> List.of(ProductAttribute.builder().attributeCode("color")
                        .storeViewCode("default").build()));
        // one request in flight: with two, the fake clock can put three arrivals at one instant (see ThrottlingTest)
        // and a 429 would add a request to the order this test checks
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = fake.client(stateDirectory,
                        CatalogSyncSettings.defaults().withMaxInFlight(1))) {
            CatalogSyncReport first = plan.build().run(client.catalog());
            int firstRequests = fake.feedRequests().size();
            CatalogSyncReport again = plan.resync(true).build().run(client.catalog());

            assertTrue(first.isComplete(), first.toString());
            assertEquals(252, first.sent());
            assertEquals(5, first.requests());
            List<String> routes = fake.feedRequests().stream().map(CatalogSyncPlanTest::routeOf).toList();
            assertEquals(List.of(Feed.PRODUCT_ATTRIBUTES.route(), Feed.PRODUCTS.route(), Feed.PRODUCTS.route(),
                    Feed.PRODUCTS.route(), Feed.PRODUCT_OVERRIDES.route()), routes.subList(0, firstRequests));
            assertEquals(252, again.sent(), "a resync sends unchanged items again");
            assertEquals(routes.subList(0, firstRequests), routes.subList(firstRequests, routes.size()));
            assertEquals(2, closed.get(), "each run's stream is closed");
        }
    }

    /** A store's catalog, read feed by feed when the plan comes to it (database cursors in real life). */
    private static final class YourStore {
        List<ProductAttribute> attributes() {
            return List.of(ProductAttribute.builder().attributeCode("color").storeViewCode("default").build());
        }

        List<Product> products() {
            return IntStream.range(0, 3).mapToObj(n -> product(n, 1)).toList();
        }

        List<Price> prices() {
            return List.of(Price.builder().sku("SKU-00000").websiteCode("base").customerGroupCode("0")
                    .regular(9.99).build());
        }

        List<ProductOverride> overrides() {
            return List.of(ProductOverride.of("SKU-00000", "base", "0").toBuilder().buyable(false).build());
        }
    }

    @Test
    void theReadmeExampleSyncsAWholeCatalogWithSettingsPerFeed() {
        YourStore store = new YourStore();
        try (CatalogGateway fake = CatalogGateway.start()) {
            String overridesRoute = "feeds/catalog/v2/product-overrides";
            fake.account.registerFeed(Feed.PRODUCT_OVERRIDES.withRoute(overridesRoute));

            // README:begin settings per feed
            CatalogSyncSettings settings = CatalogSyncSettings.defaults()
                    .withBatchSize(Feed.PRICES, 1000)            // the exporter's --batch-size, for one feed
                    .withMaxInFlight(Feed.PRODUCTS, 3)           // its --thread-count, for one feed
                    .withRoute(Feed.PRODUCT_OVERRIDES, "feeds/catalog/v2/product-overrides");   // an assumed route
            // README:end

            try (CommerceServicesClient services = fake.client(stateDirectory, settings)) {
                // README:begin sync the whole catalog
                CatalogSyncReport report = CatalogSyncPlan.builder()
                        .feed(Feed.PRODUCTS, store::products)             // any order: the plan sorts them
                        .feed(Feed.PRICES, store::prices)
                        .feed(Feed.PRODUCT_OVERRIDES, store::overrides)
                        .feed(Feed.PRODUCT_ATTRIBUTES, store::attributes)
                        .build()
                        .run(services.catalog());
                for (SyncReport feed : report.feeds()) {
                    System.out.println(feed.feed().name() + ": " + feed.sent() + " sent, " + feed.rejectedCount()
                            + " rejected");
                }
                if (!report.isComplete()) {
                    System.out.println("stopped at " + report.stopReason().orElseThrow() + "; not synced: "
                            + report.notRun());
                }
                // README:end

                assertTrue(report.isComplete(), report.toString());
                assertEquals(6, report.sent());
                List<String> routes = fake.feedRequests().stream().map(CatalogSyncPlanTest::routeOf).toList();
                assertEquals(List.of(Feed.PRODUCT_ATTRIBUTES.route(), Feed.PRODUCTS.route(), Feed.PRICES.route(),
                        overridesRoute), routes);
                assertEquals(1, fake.account.items(fake.dataSpaceId, Feed.PRODUCT_OVERRIDES.withRoute(overridesRoute))
                        .size());
            }
        }
    }

    @Test
    void aFeedIsAddedOnceAndAPlanHasOne() {
        CatalogSyncPlan.Builder plan = CatalogSyncPlan.builder().feed(Feed.PRICES, List::of);

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> plan.feed(Feed.PRICES.withRoute("feeds/prices/v9"), List::of));
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> CatalogSyncPlan.builder().build());

        assertEquals("Feed prices is in the plan already: add each feed once, with a supplier of its whole catalog",
                twice.getMessage());
        assertTrue(empty.getMessage().startsWith("A catalog sync plan needs at least one feed"), empty.getMessage());
    }
}

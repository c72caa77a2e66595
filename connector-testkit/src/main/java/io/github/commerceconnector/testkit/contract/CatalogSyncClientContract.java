package io.github.commerceconnector.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.catalog.CatalogSyncPlan;
import io.github.commerceconnector.api.catalog.CatalogSyncReport;
import io.github.commerceconnector.api.catalog.Category;
import io.github.commerceconnector.api.catalog.CategoryPermission;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.GenericItem;
import io.github.commerceconnector.api.catalog.InventoryStockStatus;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.ProductAttribute;
import io.github.commerceconnector.api.catalog.ProductOverride;
import io.github.commerceconnector.api.catalog.RatingMetadata;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.ResendReport;
import io.github.commerceconnector.api.catalog.ResyncOptions;
import io.github.commerceconnector.api.catalog.Review;
import io.github.commerceconnector.api.catalog.ScopeCustomerGroup;
import io.github.commerceconnector.api.catalog.ScopeWebsite;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FailureInjector;
import io.github.commerceconnector.testkit.FakeCall;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link CatalogSyncClient} must show (PROTOCOL.md §5, DESIGN.md's "Nothing is lost"):
 * only what changed is sent, disappeared items are deleted, bad items are rejected one by one with their
 * identity or position, refusals keep their reason until the content changes, retryable failures wait for
 * {@code retryFailed}, dry runs change nothing, a cleanup resync leaves exactly the new catalog, and a feed
 * is synced by one call at a time; a resend marks items for the next sync, a resync of some keys sends only those,
 * an interrupted resync resumes without resending what was accepted, and accepted deletes are purged after 7 days. Extend it and implement {@link #openFixture}; fixtures other than
 * {@link FakeAccountFixture} also override {@link #failures} and {@link #letTimePass}.
 */
@Timeout(120)
public abstract class CatalogSyncClientContract extends FixtureContract {
    private static final int CATALOG = 250;

    /** The failures injected into the fixture's account; by default its {@link FakeCommerceServices}'s. */
    protected FailureInjector failures(ContractFixture fixture) {
        return account(fixture).failures();
    }

    /**
     * Moves the time the implementation and the account see (for backoff and circuit breakers); by
     * default the {@link FakeCommerceServices} clock.
     */
    protected void letTimePass(ContractFixture fixture, Duration duration) {
        account(fixture).clock().advance(duration);
    }

    /**
     * The routes of the feed requests that reached the account, in the order they arrived (the gateway's order for
     * a fixture over HTTP); by default from the {@link FakeCommerceServices}'s call log.
     */
    protected List<String> feedRoutesCalled(ContractFixture fixture) {
        return account(fixture).calls().stream().filter(call -> call.is(FakeOperation.SEND_FEED))
                .map(FakeCall::feedRoute).toList();
    }

    private static FakeCommerceServices account(ContractFixture fixture) {
        if (fixture instanceof FakeAccountFixture fake) {
            return fake.account();
        }
        throw new IllegalStateException("Override failures(...) and letTimePass(...) for " + fixture.getClass());
    }

    /** A fixture with an empty project and its first testing data space selected. */
    private Setup setUp() {
        ContractFixture fixture = fixture(FixtureSpec.of(Edition.ADOBE_COMMERCE, Installation.NON_PRODUCTION));
        SaasProject project = fixture.addProjectOutOfBand("Shop");
        String dataSpaceId = project.testingDataSpaces().get(0).id();
        fixture.services().dataSpaces().select(project.id(), dataSpaceId);
        return new Setup(fixture, dataSpaceId, fixture.services().catalog());
    }

    /** What one test works with. */
    private record Setup(ContractFixture fixture, String dataSpaceId, CatalogSyncClient catalog) {

        Map<String, Map<String, Object>> held() {
            Map<String, Map<String, Object>> bySku = new HashMap<>();
            for (Map<String, Object> item : fixture.itemsHeld(dataSpaceId, Feed.PRODUCTS)) {
                bySku.put(String.valueOf(item.get("sku")), item);
            }
            return bySku;
        }

        SyncReport sync(int count, IntFunction<FeedItem> item) {
            return catalog.sync(Feed.PRODUCTS, items(count, item));
        }
    }

    private static List<FeedItem> items(int count, IntFunction<FeedItem> item) {
        return IntStream.range(0, count).mapToObj(item).toList();
    }

    /** Product {@code n} at a version: name and quantity change with the version. */
    private static Product product(int n, int version) {
        return Product.builder().sku("SKU-" + n).storeViewCode("default").name("Product " + n + " v" + version)
                .urlKey("product-" + n)
                .addImage(Product.MediaResource.of("https://cdn.example/" + n + ".jpg", "front", "image"), "1")
                .inStock(true).inventory(inventory -> inventory.qty(version)).build();
    }

    private static void assertHoldsExactly(Setup setup, int count, IntFunction<String> expectedName) {
        Map<String, Map<String, Object>> held = setup.held();
        assertEquals(count, held.size(), "items held");
        for (int n = 0; n < count; n++) {
            Map<String, Object> item = held.get("SKU-" + n);
            assertNotNull(item, "SKU-" + n + " is held");
            assertEquals(expectedName.apply(n), item.get("name"));
        }
    }

    /** A first sync sends every item; a second, unchanged one sends nothing. */
    @Test
    public void syncSendsEveryNewItemThenNothingWhenUnchanged() {
        Setup setup = setUp();
        SyncReport first = setup.sync(CATALOG, n -> product(n, 1));
        assertEquals(CATALOG, first.processed());
        assertEquals(CATALOG, first.sent());
        assertTrue(first.isComplete());
        assertHoldsExactly(setup, CATALOG, n -> "Product " + n + " v1");

        SyncReport second = setup.sync(CATALOG, n -> product(n, 1));
        assertEquals(CATALOG, second.unchanged());
        assertEquals(0, second.sent());
        assertEquals(0, second.requests());
    }

    /**
     * {@code syncAsync} and {@code upsertAsync} complete with what the blocking calls report, deletes included, and
     * carry a failure in the future instead of throwing it.
     */
    @Test
    public void asyncCallsCompleteWithTheBlockingCallsReports() {
        Setup setup = setUp();
        SyncReport first = setup.catalog().syncAsync(Feed.PRODUCTS, items(CATALOG, n -> product(n, 1))).join();
        SyncReport second = setup.catalog().syncAsync(Feed.PRODUCTS, items(CATALOG - 30, n -> product(n, 1)))
                .join();
        SyncReport upserted = setup.catalog().upsertAsync(Feed.PRODUCTS,
                items(CATALOG - 20, n -> product(n, n % 10 == 0 ? 2 : 1))).join();

        assertEquals(List.of((long) CATALOG, (long) CATALOG, 0L), List.of(first.processed(), first.sent(),
                first.deleted()));
        assertEquals(List.of((long) CATALOG - 30, 0L, 30L), List.of(second.processed(), second.sent(),
                second.deleted()));
        assertEquals((CATALOG - 30) / 10 + 10, upserted.sent(), "the changed items and the 10 deleted ones again");
        assertHoldsExactly(setup, CATALOG - 20, n -> "Product " + n + " v" + (n % 10 == 0 ? 2 : 1));
        CompletionException failed = assertThrows(CompletionException.class,
                () -> setup.catalog().syncAsync(Feed.PRODUCTS, List.of(product(1, 1), product(1, 2)),
                        new SyncListener() {
                            @Override
                            public void finished(SyncReport report) {
                                throw new IllegalStateException("the listener failed");
                            }
                        }).join());
        assertEquals("the listener failed", failed.getCause().getMessage());
    }

    /** Only the items whose content changed are sent again. */
    @Test
    public void onlyChangedItemsAreSentAgain() {
        Setup setup = setUp();
        setup.sync(CATALOG, n -> product(n, 1));
        SyncReport report = setup.sync(CATALOG, n -> product(n, n % 25 == 0 ? 2 : 1));
        assertEquals(CATALOG / 25, report.sent());
        assertEquals(CATALOG - CATALOG / 25, report.unchanged());
        assertHoldsExactly(setup, CATALOG, n -> "Product " + n + " v" + (n % 25 == 0 ? 2 : 1));
    }

    /** Items missing from a full sync are deleted from the data space. */
    @Test
    public void itemsMissingFromAFullSyncAreDeleted() {
        Setup setup = setUp();
        setup.sync(CATALOG, n -> product(n, 1));
        SyncReport report = setup.sync(CATALOG - 30, n -> product(n, 1));
        assertEquals(30, report.deleted());
        assertHoldsExactly(setup, CATALOG - 30, n -> "Product " + n + " v1");
    }

    /** An upsert deletes nothing; a delete by key removes exactly those items. */
    @Test
    public void upsertDeletesNothingAndDeleteRemovesByKey() {
        Setup setup = setUp();
        setup.sync(10, n -> product(n, 1));
        assertEquals(1, setup.catalog().upsert(Feed.PRODUCTS, List.of(product(10, 1))).sent());
        assertEquals(11, setup.held().size());
        SyncReport deleted = setup.catalog().delete(Feed.PRODUCTS, List.of(ItemKey.of(Feed.PRODUCTS, "SKU-3", "default")));
        assertEquals(1, deleted.deleted());
        assertEquals(10, setup.held().size());
        assertFalse(setup.held().containsKey("SKU-3"));
        assertEquals(10, setup.catalog().status(Feed.PRODUCTS).accepted());
    }

    /** A key to delete with a blank value is refused by its position, sending and forgetting nothing. */
    @Test
    public void aKeyToDeleteWithABlankValueIsRefusedAndNothingIsSent() {
        Setup setup = setUp();
        setup.sync(3, n -> product(n, 1));
        SyncReport report = setup.catalog().delete(Feed.PRODUCTS, List.of(ItemKey.of(Feed.PRODUCTS, " ", "default"),
                ItemKey.of(Feed.PRODUCTS, "SKU-1", "default")));
        assertEquals(1, report.deleted(), report.toString());
        assertEquals(1, report.requests(), "only the sound key is sent: " + report);
        RejectedItem refused = report.rejected().get(0);
        assertEquals("INVALID_KEY", refused.code());
        assertEquals(0, refused.position());
        assertTrue(refused.reason().contains("blank"), refused.reason());
        assertEquals(2, setup.held().size());
        assertEquals(0, setup.catalog().status(Feed.PRODUCTS).rejected(), "nothing recorded for the refused key");
    }

    /**
     * Arrays whose order carries no meaning (sets, and lists whose elements carry their own position) are compared
     * as sets: the same item with every such array reversed is unchanged, whichever feed it is in.
     */
    @Test
    public void reorderingArraysWhoseOrderCarriesNoMeaningSendsNothing() {
        Setup setup = setUp();
        for (boolean reversed : new boolean[] {false, true}) {
            Map<Feed, FeedItem> items = new LinkedHashMap<>();
            items.put(Feed.PRODUCTS, orderFreeProduct(reversed));
            items.put(Feed.CATEGORIES, Category.builder().urlPath("men").storeViewCode("default")
                    .children(inOrder(reversed, "3", "4")).availableSortBy(inOrder(reversed, "name", "price"))
                    .build());
            items.put(Feed.REVIEWS, Review.builder().reviewId("7").visibility(inOrder(reversed, "default", "fr"))
                    .ratings(inOrder(reversed, Review.Rating.of("1", "5"), Review.Rating.of("2", "4"))).build());
            items.put(Feed.RATING_METADATA, RatingMetadata.builder().ratingId("1").storeViewCode("default")
                    .values(inOrder(reversed, RatingMetadata.RatingValue.of("1", "1", 1),
                            RatingMetadata.RatingValue.of("2", "2", 2))).build());
            for (Map.Entry<Feed, FeedItem> entry : items.entrySet()) {
                SyncReport report = setup.catalog().sync(entry.getKey(), List.of(entry.getValue()));
                assertEquals(reversed ? 0 : 1, report.sent(), entry.getKey().name() + ": " + report.rejected());
            }
        }
    }

    private static Product orderFreeProduct(boolean reversed) {
        return Product.builder().sku("ORDER-FREE").storeViewCode("default")
                .images(inOrder(reversed, Product.Image.of(Product.MediaResource.of("https://cdn/a.jpg", "a",
                        "image", "thumbnail"), "1"), Product.Image.of(Product.MediaResource.of("https://cdn/b.jpg", "b",
                        "small_image", "swatch_image"), "2")))
                .videos(inOrder(reversed, video("a"), video("b")))
                .samples(inOrder(reversed, sample("a"), sample("b")))
                .links(inOrder(reversed, Product.Link.of("L1", "related"), Product.Link.of("L2", "upsell")))
                .optionsV2(inOrder(reversed, option("color", reversed), option("size", reversed)))
                .shopperInputOptions(inOrder(reversed, Product.ShopperInputOption.builder().id("1").label("a").build(),
                        Product.ShopperInputOption.builder().id("2").label("b").build()))
                .parents(inOrder(reversed, Product.ParentProduct.of("P1", "bundle"),
                        Product.ParentProduct.of("P2", "grouped")))
                .variants(inOrder(reversed, Product.VariantSku.of("V1"), Product.VariantSku.of("V2")))
                .urlRewrites(inOrder(reversed, Product.UrlRewrite.builder().url("a.html").parameters(inOrder(reversed,
                        Product.UrlRewriteParameter.of("id", "1"), Product.UrlRewriteParameter.of("c", "2"))).build(),
                        Product.UrlRewrite.builder().url("b.html").build()))
                .categoryData(inOrder(reversed, Product.CategoryData.of("1", "a", 1),
                        Product.CategoryData.of("2", "b", 2)))
                .attributes(inOrder(reversed, Product.Attribute.of("color", "Red"), Product.Attribute.of("size", "M")))
                .build();
    }

    private static Product.Video video(String name) {
        return Product.Video.builder().sortOrder(name).video(v -> v.videoUrl("https://video/" + name)).build();
    }

    private static Product.Sample sample(String name) {
        return Product.Sample.builder().sortOrder(name).resource(Product.MediaResource.of("https://s/" + name, name))
                .build();
    }

    private static Product.ProductOption option(String id, boolean reversed) {
        return Product.ProductOption.builder().id(id).values(inOrder(reversed,
                Product.ProductOptionValue.builder().id(id + "-1").build(),
                Product.ProductOptionValue.builder().id(id + "-2").build())).build();
    }

    @SafeVarargs
    private static <T> List<T> inOrder(boolean reversed, T... values) {
        List<T> list = new ArrayList<>(values.length);
        for (T value : values) {
            list.add(value);
        }
        if (reversed) {
            Collections.reverse(list);
        }
        return list;
    }

    /**
     * The feeds of stock, product overrides and category permissions (the last two with records this SDK assumes)
     * are synced, checked for their identity and deleted by it like the others.
     */
    @Test
    public void stockOverridesAndCategoryPermissionsAreSyncedValidatedAndDeletedByTheirIdentity() {
        Setup setup = setUp();
        Map<Feed, List<FeedItem>> catalogs = new LinkedHashMap<>();
        catalogs.put(Feed.INVENTORY_STOCK_STATUS, items(3, n -> InventoryStockStatus.builder().stockId("1")
                .sku("SKU-" + n).isSalable(n > 0).qty(n * 5).qtyForSale(n * 4).infiniteStock(false)
                .updatedAt(Instant.parse("2026-01-01T00:00:00Z")).build()));
        catalogs.put(Feed.PRODUCT_OVERRIDES, items(3, n -> ProductOverride.of("SKU-" + n, "base", String.valueOf(n))
                .toBuilder().displayable(true).buyable(n != 1).priceDisplayable(true).build()));
        catalogs.put(Feed.CATEGORY_PERMISSIONS, items(3, n -> CategoryPermission.builder().categoryId("1" + n)
                .websiteCode("base").customerGroupCode("0")
                .permission(CategoryPermission.Grant.of(true, n != 2, false)).build()));
        for (Map.Entry<Feed, List<FeedItem>> entry : catalogs.entrySet()) {
            Feed feed = entry.getKey();
            List<FeedItem> catalog = entry.getValue();
            SyncReport first = setup.catalog().sync(feed, catalog);
            assertEquals(3, first.sent(), feed.name() + ": " + first.rejected());
            assertEquals(3, setup.fixture().itemsHeld(setup.dataSpaceId(), feed).size(), feed.name());

            FeedItem unidentified = GenericItem.of(Map.of(feed.identityFields().get(0), "x"));
            SyncReport second = setup.catalog().sync(feed, List.of(catalog.get(0), catalog.get(1), unidentified));
            assertEquals(1, second.deleted(), feed.name() + ": the third disappeared");
            assertEquals(0, second.sent(), feed.name());
            assertEquals(1, second.rejectedCount(), feed.name());
            assertEquals("MISSING_IDENTITY", second.rejected().get(0).code(), feed.name());
            assertTrue(second.rejected().get(0).reason().contains(feed.identityFields().get(1)),
                    second.rejected().get(0).reason());

            ItemKey first0 = ItemKey.ofItem(feed, catalog.get(0).fields());
            assertEquals(1, setup.catalog().delete(feed, List.of(first0)).deleted(), feed.name());
            List<Map<String, Object>> held = setup.fixture().itemsHeld(setup.dataSpaceId(), feed);
            assertEquals(1, held.size(), feed.name());
            assertEquals(catalog.get(1).fields().get(feed.identityFields().get(0)),
                    held.get(0).get(feed.identityFields().get(0)), feed.name());
        }
        Map<String, Object> override = setup.fixture().itemsHeld(setup.dataSpaceId(), Feed.PRODUCT_OVERRIDES).get(0);
        assertEquals(false, override.get("buyable"));
        Map<String, Object> permission =
                setup.fixture().itemsHeld(setup.dataSpaceId(), Feed.CATEGORY_PERMISSIONS).get(0);
        assertEquals(Map.of("displayed", true, "displayProductPrice", true, "addToCart", false),
                permission.get("permission"));
    }

    /** One item of each feed of a whole catalog, by name: attributes, categories, products, scopes, ... */
    private static Map<Feed, List<FeedItem>> wholeCatalog() {
        Map<Feed, List<FeedItem>> catalog = new LinkedHashMap<>();
        catalog.put(Feed.INVENTORY_STOCK_STATUS, List.of(InventoryStockStatus.builder().stockId("1").sku("SKU-0")
                .qty(4).isSalable(true).build()));
        catalog.put(Feed.PRICES, List.of(Price.builder().sku("SKU-0").websiteCode("base").customerGroupCode("0")
                .regular(12.5).build()));
        catalog.put(Feed.PRODUCTS, items(3, n -> product(n, 1)));
        catalog.put(Feed.PRODUCT_OVERRIDES, List.of(ProductOverride.of("SKU-0", "base", "0")));
        catalog.put(Feed.SCOPES_WEBSITE, List.of(ScopeWebsite.builder().websiteId("1").websiteCode("base").build()));
        catalog.put(Feed.CATEGORY_PERMISSIONS, List.of(CategoryPermission.builder().categoryId("3")
                .websiteCode("base").customerGroupCode("0").build()));
        catalog.put(Feed.CATEGORIES, List.of(Category.builder().urlPath("men").storeViewCode("default").build()));
        catalog.put(Feed.PRODUCT_ATTRIBUTES, List.of(ProductAttribute.builder().attributeCode("color")
                .storeViewCode("default").build()));
        catalog.put(Feed.SCOPES_CUSTOMER_GROUP, List.of(ScopeCustomerGroup.builder().customerGroupId("0")
                .customerGroupCode("0").build()));
        return catalog;
    }

    private static CatalogSyncPlan.Builder planOf(Map<Feed, List<FeedItem>> catalog) {
        CatalogSyncPlan.Builder plan = CatalogSyncPlan.builder();
        catalog.forEach((feed, items) -> plan.feed(feed, () -> items));
        return plan;
    }

    /** The routes called, each run of the same route (the two scope feeds share one) once. */
    private List<String> routesInOrder(ContractFixture fixture) {
        List<String> routes = new ArrayList<>();
        for (String route : feedRoutesCalled(fixture)) {
            if (routes.isEmpty() || !routes.get(routes.size() - 1).equals(route)) {
                routes.add(route);
            }
        }
        return routes;
    }

    /**
     * A whole-catalog sync sends the feeds in the dashboard's order whatever order they were given in (the others
     * after them, in the order given) and reports them together.
     */
    @Test
    public void aWholeCatalogSyncSendsTheFeedsInTheDashboardsOrder() {
        Setup setup = setUp();
        CatalogSyncPlan plan = planOf(wholeCatalog()).build();

        CatalogSyncReport report = plan.run(setup.catalog());

        assertTrue(report.isComplete(), report.toString());
        List<Feed> order = List.of(Feed.PRODUCT_ATTRIBUTES, Feed.CATEGORIES, Feed.PRODUCTS,
                Feed.SCOPES_CUSTOMER_GROUP, Feed.SCOPES_WEBSITE, Feed.PRICES, Feed.PRODUCT_OVERRIDES,
                Feed.INVENTORY_STOCK_STATUS, Feed.CATEGORY_PERMISSIONS);
        assertEquals(order, plan.feeds());
        assertEquals(order, report.feeds().stream().map(SyncReport::feed).toList());
        assertEquals(order.stream().map(Feed::route).distinct().toList(), routesInOrder(setup.fixture()));
        assertEquals(11, report.sent());
        assertEquals(report.feeds().stream().mapToLong(SyncReport::requests).sum(), report.requests());
        assertEquals(3, report.report(Feed.PRODUCTS).orElseThrow().sent());

        CatalogSyncReport again = plan.run(setup.catalog());
        assertTrue(again.isComplete(), again.toString());
        assertEquals(0, again.sent());
        assertEquals(11, again.unchanged());
    }

    /**
     * A whole-catalog sync stops at the first feed that fails, with the reason and the exception; the feeds after
     * it are neither read nor sent.
     */
    @Test
    public void aWholeCatalogSyncStopsAtTheFirstFeedThatFails() {
        Setup setup = setUp();
        failures(setup.fixture()).when(call -> call.isFeed(Feed.PRICES)).times(Integer.MAX_VALUE)
                .respond(Fault.status(401));
        AtomicBoolean overridesRead = new AtomicBoolean();
        Map<Feed, List<FeedItem>> catalog = wholeCatalog();
        CatalogSyncPlan.Builder plan = CatalogSyncPlan.builder();
        catalog.forEach((feed, items) -> {
            if (!feed.equals(Feed.PRODUCT_OVERRIDES)) {
                plan.feed(feed, () -> items);
            }
        });
        plan.feed(Feed.PRODUCT_OVERRIDES, () -> {
            overridesRead.set(true);
            return catalog.get(Feed.PRODUCT_OVERRIDES);
        });

        CatalogSyncReport report = plan.build().run(setup.catalog());

        assertFalse(report.isComplete());
        assertEquals(Feed.PRICES, report.stoppedAt().orElseThrow());
        assertTrue(report.failure().orElseThrow() instanceof AuthenticationException, report.toString());
        assertTrue(report.stopReason().orElseThrow().startsWith("prices failed: "), report.stopReason().get());
        assertEquals(List.of(Feed.PRODUCT_ATTRIBUTES, Feed.CATEGORIES, Feed.PRODUCTS, Feed.SCOPES_CUSTOMER_GROUP,
                Feed.SCOPES_WEBSITE), report.feeds().stream().map(SyncReport::feed).toList());
        assertEquals(List.of(Feed.PRODUCT_OVERRIDES, Feed.INVENTORY_STOCK_STATUS, Feed.CATEGORY_PERMISSIONS),
                report.notRun());
        assertFalse(overridesRead.get(), "the supplier of a feed after the failed one is not called");
        assertFalse(feedRoutesCalled(setup.fixture()).contains(Feed.PRODUCT_OVERRIDES.route()));
        assertFalse(feedRoutesCalled(setup.fixture()).contains(Feed.INVENTORY_STOCK_STATUS.route()));
        assertEquals(7, report.sent());
    }

    /**
     * Rejected items stop a whole-catalog sync at their feed, unless the plan lets them pass; then they are only
     * reported.
     */
    @Test
    public void rejectedItemsStopAWholeCatalogSyncUnlessThePlanLetsThemPass() {
        Setup setup = setUp();
        Map<Feed, List<FeedItem>> catalog = new LinkedHashMap<>();
        catalog.put(Feed.PRICES, List.of(Price.builder().sku("SKU-0").websiteCode("base").customerGroupCode("0")
                .regular(1).build()));
        catalog.put(Feed.PRODUCTS, List.of(product(0, 1),
                GenericItem.of(Map.of("sku", "SKU-1", "storeViewCode", "default", "deleted", "perhaps"))));

        CatalogSyncReport stopped = planOf(catalog).build().run(setup.catalog());
        CatalogSyncReport passed = planOf(catalog).stopOnRejected(false).build().run(setup.catalog());

        assertEquals(Feed.PRODUCTS, stopped.stoppedAt().orElseThrow());
        assertTrue(stopped.stopReason().orElseThrow().startsWith("products: 1 items rejected"),
                stopped.stopReason().get());
        assertTrue(stopped.failure().isEmpty());
        assertEquals(List.of(Feed.PRICES), stopped.notRun());
        assertTrue(passed.isComplete(), passed.toString());
        assertEquals(1, passed.rejectedCount());
        assertEquals(1, passed.report(Feed.PRICES).orElseThrow().sent());
    }

    /** Invalid items are rejected before sending, with their identity or position; the rest are sent. */
    @Test
    public void invalidItemsAreRejectedOneByOneAndTheRestSent() {
        Setup setup = setUp();
        List<FeedItem> items = new ArrayList<>(items(5, n -> product(n, 1)));
        items.add(GenericItem.of(Map.of("storeViewCode", "default", "name", "no sku")));
        items.add(product(6, 1).toBuilder().inventory(inventory -> inventory.qty(-2)).build());
        items.add(product(2, 1));
        SyncReport report = setup.catalog().sync(Feed.PRODUCTS, items);
        assertEquals(5, report.sent());
        assertEquals(List.of("MISSING_IDENTITY", "NEGATIVE_QUANTITY", "DUPLICATE_IDENTITY"),
                report.rejected().stream().map(RejectedItem::code).toList());
        assertNull(report.rejected().get(0).key());
        assertEquals(5, report.rejected().get(0).position());
        assertEquals(ItemKey.of(Feed.PRODUCTS, "SKU-6", "default"), report.rejected().get(1).key());
        assertEquals(5, setup.held().size());
    }

    /**
     * Values the client cannot send as they are, refused locally by the code the client gives: a field name that is
     * not printable text, a decimal whose plain form would be unbounded, a number of a type other than the standard
     * ones, control characters and lone surrogates in text, a value that is no JSON at all.
     */
    @Test
    public void valuesThatCannotBeSentAreRefusedLocallyByTheirCode() {
        Setup setup = setUp();
        Map<String, Object> unprintableName = new LinkedHashMap<>();
        unprintableName.put("sku", "SKU-1");
        unprintableName.put("storeViewCode", "default");
        unprintableName.put("bad\nname", "x");
        List<FeedItem> items = List.of(GenericItem.of(unprintableName),
                GenericItem.of(Map.of("sku", "SKU-2", "storeViewCode", "default", "weight",
                        new BigDecimal("1E-10000"))),
                GenericItem.of(Map.of("sku", "SKU-3", "storeViewCode", "default", "weight",
                        new AtomicInteger(3))),
                GenericItem.of(Map.of("sku", "SKU-4", "storeViewCode", "default", "name", "bell\u0007")),
                GenericItem.of(Map.of("sku", "SKU-5", "storeViewCode", "default", "name", "lone \uD800")),
                GenericItem.of(Map.of("sku", "SKU-6", "storeViewCode", "default", "createdAt", new Object())),
                product(7, 1));
        SyncReport report = setup.catalog().sync(Feed.PRODUCTS, items);
        assertEquals(1, report.sent(), report.toString());
        assertEquals(List.of("INVALID_FIELD_NAME", "NUMBER_OUT_OF_RANGE", "UNSUPPORTED_TYPE", "CONTROL_CHARACTER",
                "INVALID_UNICODE", "UNSUPPORTED_TYPE"), report.rejected().stream().map(RejectedItem::code).toList());
        assertEquals(1, report.requests(), "nothing refused locally is sent");
    }

    /** An item the gateway refuses keeps its reason and is not sent again until it changes. */
    @Test
    public void refusedItemsKeepTheirReasonUntilTheyChange() {
        Setup setup = setUp();
        List<FeedItem> items = List.of(product(0, 1),
                GenericItem.of(Map.of("sku", "SKU-1", "storeViewCode", "default", "deleted", "perhaps")));
        SyncReport report = setup.catalog().sync(Feed.PRODUCTS, items);
        assertEquals(1, report.sent());
        assertEquals(1, report.rejectedCount());
        RejectedItem refused = report.rejected().get(0);
        assertEquals(ItemKey.of(Feed.PRODUCTS, "SKU-1", "default"), refused.key());
        assertEquals(1, refused.position());
        FeedStatus status = setup.catalog().status(Feed.PRODUCTS);
        assertEquals(1, status.rejected());
        assertEquals(refused.reason(), status.rejectedItems().get(0).reason());

        SyncReport again = setup.catalog().sync(Feed.PRODUCTS, items);
        assertEquals(0, again.requests());
        assertEquals(1, again.rejectedCount());
        assertEquals(refused.reason(), again.rejected().get(0).reason());

        SyncReport fixed = setup.catalog().sync(Feed.PRODUCTS, List.of(product(0, 1), product(1, 1)));
        assertEquals(1, fixed.sent());
        assertEquals(0, setup.catalog().status(Feed.PRODUCTS).rejected());
    }

    /** A passing outage is ridden out: the call waits, sends again and completes, nothing left retryable. */
    @Test
    public void aPassingOutageIsRiddenOutAndTheCallCompletes() {
        Setup setup = setUp();
        failures(setup.fixture()).when(call -> call.operation() == FakeOperation.SEND_FEED).times(6)
                .respond(Fault.status(503));
        SyncReport report = setup.sync(CATALOG, n -> product(n, 1));
        assertEquals(CATALOG, report.sent());
        assertTrue(report.isComplete(), report.toString());
        assertHoldsExactly(setup, CATALOG, n -> "Product " + n + " v1");
    }

    /**
     * A gateway that keeps failing ends the call with {@link SyncDeadlineExceededException}: nothing accepted,
     * the items sent kept retryable (not lost) until {@code retryFailed} sends them, the report saying why.
     */
    @Test
    public void aLastingOutageEndsTheCallAtTheDeadlineAndKeepsItsItemsRetryable() {
        Setup setup = setUp();
        FailureInjector.Injection outage = failures(setup.fixture())
                .when(call -> call.operation() == FakeOperation.SEND_FEED).times(Integer.MAX_VALUE)
                .respond(Fault.status(503));
        SyncDeadlineExceededException ended = assertThrows(SyncDeadlineExceededException.class,
                () -> setup.sync(CATALOG, n -> product(n, 1)));
        assertTrue(ended.isRetryable());
        assertTrue(ended.report().stopReason().isPresent());
        assertFalse(ended.report().isComplete());
        FeedStatus waiting = setup.catalog().status(Feed.PRODUCTS);
        assertTrue(waiting.retryable() > 0, waiting.toString());
        assertEquals(ended.report().retryable(), waiting.retryable());
        assertEquals(0, waiting.accepted());
        assertTrue(setup.held().isEmpty());
        SyncReport stopped = ended.report();
        assertEquals(stopped.processed(), stopped.unchanged() + stopped.sent() + stopped.rejectedCount()
                + stopped.retryable() + stopped.deleted(), "the stopped call's report adds up: " + stopped);
        assertTrue(ended.getMessage().contains("of the " + stopped.processed() + " items processed, "
                + stopped.retryable() + " are kept retryable"), ended.getMessage());

        outage.cancel();
        letTimePass(setup.fixture(), Duration.ofMinutes(2));
        SyncReport retried = setup.catalog().retryFailed(Feed.PRODUCTS);
        assertEquals(waiting.retryable(), retried.sent());
        assertEquals(0, setup.catalog().status(Feed.PRODUCTS).retryable());
        setup.sync(CATALOG, n -> product(n, 1));
        assertHoldsExactly(setup, CATALOG, n -> "Product " + n + " v1");
    }

    /**
     * A call stopped partway (the keys refused after its first batch) reports only what it settled: its processed
     * items are exactly those unchanged, sent, rejected, kept retryable or deleted, and the items it read but got no
     * answer for are left out. The next sync sends exactly the changed items the stopped call did not have accepted.
     */
    @Test
    public void aCallStoppedPartwayReportsWhatItSettledAndTheNextSyncSendsTheRest() {
        Setup setup = setUp();
        setup.sync(CATALOG, n -> product(n, 1));
        int changed = CATALOG / 2;
        IntFunction<FeedItem> everyOtherChanged = n -> product(n, n % 2 == 0 ? 2 : 1);
        AtomicInteger sends = new AtomicInteger();
        FailureInjector.Injection refusal = failures(setup.fixture())
                .when(call -> call.operation() == FakeOperation.SEND_FEED && sends.incrementAndGet() > 1)
                .times(Integer.MAX_VALUE).respond(Fault.status(401));
        SyncReport[] finished = new SyncReport[1];
        assertThrows(AuthenticationException.class, () -> setup.catalog().sync(Feed.PRODUCTS,
                items(CATALOG, everyOtherChanged), new SyncListener() {
                    @Override
                    public void finished(SyncReport report) {
                        finished[0] = report;
                    }
                }));
        refusal.cancel();
        SyncReport stopped = finished[0];
        assertNotNull(stopped, "the listener is told how the stopped call ended");
        assertTrue(stopped.stopReason().isPresent(), stopped.toString());
        assertTrue(stopped.sent() > 0 && stopped.sent() < changed,
                "the batch that reached the account first was accepted (which one depends on the order batches in "
                        + "flight together arrive in), the other refused: " + stopped);
        assertEquals(stopped.processed(), stopped.unchanged() + stopped.sent() + stopped.rejectedCount()
                + stopped.retryable() + stopped.deleted(), "the stopped call's report adds up: " + stopped);

        SyncReport next = setup.sync(CATALOG, everyOtherChanged);
        assertEquals(changed - stopped.sent(), next.sent(), next.toString());
        assertEquals(CATALOG - next.sent(), next.unchanged());
        assertTrue(next.isComplete(), next.toString());
        assertHoldsExactly(setup, CATALOG, n -> "Product " + n + " v" + (n % 2 == 0 ? 2 : 1));
    }

    private static ItemKey productKey(int n) {
        return ItemKey.of(Feed.PRODUCTS, "SKU-" + n, "default");
    }

    /**
     * A resend sends nothing, marks the items the state holds and counts the unknown keys; the next sync sends the
     * marked items although unchanged, and nothing else. A key of other identity fields is refused by position.
     */
    @Test
    public void aResendMarksItemsThatTheNextSyncSends() {
        Setup setup = setUp();
        setup.sync(20, n -> product(n, 1));
        FailureInjector.Injection watch = failures(setup.fixture())
                .when(call -> call.operation() == FakeOperation.SEND_FEED).times(Integer.MAX_VALUE)
                .respond(Fault.status(503));
        ResendReport marked = setup.catalog().resend(Feed.PRODUCTS, List.of(productKey(3), productKey(7),
                productKey(11), productKey(404)));
        assertEquals(0, watch.timesFired(), "a resend makes no request");
        watch.cancel();
        assertEquals(new ResendReport(Feed.PRODUCTS, setup.dataSpaceId(), 4, 3, 1), marked);
        FeedStatus status = setup.catalog().status(Feed.PRODUCTS);
        assertEquals(17, status.accepted());
        assertEquals(3, status.unconfirmed());

        SyncReport next = setup.sync(20, n -> product(n, 1));
        assertEquals(3, next.sent(), next.toString());
        assertEquals(17, next.unchanged());
        assertEquals(1, next.requests());
        assertEquals(0, setup.sync(20, n -> product(n, 1)).requests(), "sent once, then unchanged again");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> setup.catalog().resend(Feed.PRODUCTS, List.of(productKey(1), ItemKey.of(Feed.PRICES, "SKU-1",
                        "base", "0"))));
        assertTrue(refused.getMessage().contains("position 1"), refused.getMessage());
    }

    /** A resync of some keys sends just those items from the caller's items, skips the rest and deletes nothing. */
    @Test
    public void aResyncOfSomeKeysSendsOnlyThoseItems() {
        Setup setup = setUp();
        setup.sync(CATALOG, n -> product(n, 1));
        SyncReport some = setup.catalog().resync(Feed.PRODUCTS, items(CATALOG, n -> product(n, 1)),
                ResyncOptions.defaults().withOnlyKeys(List.of(productKey(5), productKey(200), productKey(5))));
        assertEquals(2, some.sent(), some.toString());
        assertEquals(CATALOG - 2, some.unchanged());
        assertEquals(1, some.requests());

        SyncReport fewer = setup.catalog().resync(Feed.PRODUCTS, items(10, n -> product(n, 2)),
                ResyncOptions.defaults().withOnlyKeys(List.of(productKey(1), productKey(999))));
        assertEquals(1, fewer.sent());
        assertEquals(0, fewer.deleted(), "the items not given are not deleted");
        assertHoldsExactly(setup, CATALOG, n -> "Product " + n + " v" + (n == 1 ? 2 : 1));
    }

    /**
     * A resync stopped after one accepted batch is resumed from its checkpoint: the resumed run sends only the
     * items the interrupted one did not have accepted, and afterwards there is nothing left to resume.
     */
    @Test
    public void anInterruptedResyncResumesWithoutResendingWhatWasAccepted() {
        Setup setup = setUp();
        setup.sync(CATALOG, n -> product(n, 1));
        letTimePass(setup.fixture(), Duration.ofMinutes(1));
        AtomicInteger sends = new AtomicInteger();
        FailureInjector.Injection refusal = failures(setup.fixture())
                .when(call -> call.operation() == FakeOperation.SEND_FEED && sends.incrementAndGet() > 1)
                .times(Integer.MAX_VALUE).respond(Fault.status(401));
        assertThrows(AuthenticationException.class, () -> setup.catalog().resync(Feed.PRODUCTS,
                items(CATALOG, n -> product(n, 2)), ResyncOptions.defaults()));
        refusal.cancel();
        letTimePass(setup.fixture(), Duration.ofMinutes(1));

        SyncReport resumed = setup.catalog().resync(Feed.PRODUCTS, items(CATALOG, n -> product(n, 2)),
                ResyncOptions.resume());
        assertEquals(CATALOG - Feed.PRODUCTS.defaultBatchSize(), resumed.sent(), resumed.toString());
        assertEquals(Feed.PRODUCTS.defaultBatchSize(), resumed.unchanged());
        assertTrue(resumed.isComplete());
        assertHoldsExactly(setup, CATALOG, n -> "Product " + n + " v2");
        IllegalStateException nothingLeft = assertThrows(IllegalStateException.class, () -> setup.catalog()
                .resync(Feed.PRODUCTS, items(CATALOG, n -> product(n, 2)), ResyncOptions.resume()));
        assertTrue(nothingLeft.getMessage().contains("No interrupted resync"), nothingLeft.getMessage());
    }

    /**
     * Accepted deletes are kept: a catalog that lists its deleted items does not send their deletes again, and
     * they are not deleted again when they disappear. A full sync more than 7 days later forgets them, so the
     * listed deleted items are sent once more.
     */
    @Test
    public void acceptedDeletesAreKeptThenPurgedAfterSevenDays() {
        Setup setup = setUp();
        setup.sync(20, n -> product(n, 1));
        List<FeedItem> withDeleted = new ArrayList<>(items(15, n -> product(n, 1)));
        for (int n = 15; n < 20; n++) {
            withDeleted.add(GenericItem.of(Map.of("sku", "SKU-" + n, "storeViewCode", "default", "deleted", true)));
        }
        assertEquals(5, setup.catalog().sync(Feed.PRODUCTS, withDeleted).deleted());
        assertEquals(15, setup.held().size());
        SyncReport again = setup.catalog().sync(Feed.PRODUCTS, withDeleted);
        assertEquals(0, again.requests(), again.toString());
        assertEquals(20, again.unchanged());
        assertEquals(15, setup.catalog().status(Feed.PRODUCTS).accepted(), "kept deletes are not accepted items");

        letTimePass(setup.fixture(), Duration.ofDays(8));
        SyncReport later = setup.sync(15, n -> product(n, 1));
        assertEquals(0, later.deleted(), "a kept delete is not deleted again");
        assertEquals(0, later.requests());
        SyncReport afterPurge = setup.catalog().sync(Feed.PRODUCTS, withDeleted);
        assertEquals(5, afterPurge.deleted(), "purged, the deletes are sent again: " + afterPurge);
        assertEquals(15, setup.held().size());
    }

    /** Refused keys stop the call and record nothing as accepted. */
    @Test
    public void refusedKeysStopTheCallAndRecordNothing() {
        Setup setup = setUp();
        failures(setup.fixture()).when(call -> call.operation() == FakeOperation.SEND_FEED).times(Integer.MAX_VALUE)
                .respond(Fault.status(401));
        assertThrows(AuthenticationException.class, () -> setup.sync(CATALOG, n -> product(n, 1)));
        FeedStatus status = setup.catalog().status(Feed.PRODUCTS);
        assertEquals(0, status.accepted() + status.rejected() + status.retryable());
    }

    /** A dry run reports what would be sent and deleted, and sends and changes nothing. */
    @Test
    public void aDryRunSendsAndChangesNothing() {
        Setup setup = setUp();
        setup.sync(100, n -> product(n, 1));
        SyncReport dryRun = setup.catalog().resync(Feed.PRODUCTS, items(80, n -> product(n, 2)),
                ResyncOptions.defaults().withDryRun(true));
        assertTrue(dryRun.dryRun());
        assertEquals(80, dryRun.sent());
        assertEquals(20, dryRun.deleted());
        assertEquals(0, dryRun.requests());
        assertHoldsExactly(setup, 100, n -> "Product " + n + " v1");
        assertEquals(100, setup.catalog().status(Feed.PRODUCTS).accepted());
    }

    /** A resync with cleanup erases the data space and leaves exactly the new catalog there. */
    @Test
    public void aResyncWithCleanupLeavesExactlyTheNewCatalog() {
        Setup setup = setUp();
        setup.sync(120, n -> product(n, 1));
        SyncReport report = setup.catalog().resync(Feed.PRODUCTS, items(90, n -> product(n, 3)),
                ResyncOptions.defaults().withCleanup(true));
        assertEquals(90, report.sent());
        assertHoldsExactly(setup, 90, n -> "Product " + n + " v3");
        assertEquals(90, setup.catalog().status(Feed.PRODUCTS).accepted());
        assertEquals(90, setup.sync(90, n -> product(n, 3)).unchanged());
    }

    /** The status counts items by state and tells when the last full sync finished. */
    @Test
    public void statusCountsItemsAndTheLastFullSync() {
        Setup setup = setUp();
        FeedStatus before = setup.catalog().status(Feed.PRODUCTS);
        assertEquals(0, before.accepted());
        assertNull(before.lastSync());
        assertEquals(setup.dataSpaceId(), before.dataSpaceId());
        setup.catalog().upsert(Feed.PRODUCTS, items(3, n -> product(n, 1)));
        assertNull(setup.catalog().status(Feed.PRODUCTS).lastSync(), "an upsert is not a full sync");
        setup.sync(3, n -> product(n, 1));
        FeedStatus after = setup.catalog().status(Feed.PRODUCTS);
        assertEquals(3, after.accepted());
        assertNotNull(after.lastSync());
    }

    /** Without a selected data space, every call says to select one. */
    @Test
    public void withoutASelectionACallSaysToSelectADataSpace() {
        Setup setup = setUp();
        setup.fixture().services().dataSpaces().clearSelection();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> setup.sync(1, n -> product(n, 1)));
        assertTrue(refused.getMessage().contains("select"), refused.getMessage());
    }

    /** While a call runs on a feed, a second call on the same feed is refused at once. */
    @Test
    public void aSecondCallOnTheSameFeedIsRefusedWhileOneRuns() {
        Setup setup = setUp();
        SyncLockedException[] refused = new SyncLockedException[1];
        setup.catalog().sync(Feed.PRODUCTS, items(5, n -> product(n, 1)), new SyncListener() {
            @Override
            public void finished(SyncReport report) {
                refused[0] = assertThrows(SyncLockedException.class,
                        () -> setup.catalog().upsert(Feed.PRODUCTS, List.of(product(9, 1))));
            }
        });
        assertNotNull(refused[0]);
        assertEquals(1, setup.catalog().upsert(Feed.PRODUCTS, List.of(product(9, 1))).sent(), "free afterwards");
    }

    /** The listener gets the same report the call returns. */
    @Test
    public void theListenerGetsTheFinalReport() {
        Setup setup = setUp();
        SyncReport[] finished = new SyncReport[1];
        SyncReport report = setup.catalog().sync(Feed.PRODUCTS, items(150, n -> product(n, 1)), new SyncListener() {
            @Override
            public void finished(SyncReport value) {
                finished[0] = value;
            }
        });
        assertEquals(report, finished[0]);
    }
}

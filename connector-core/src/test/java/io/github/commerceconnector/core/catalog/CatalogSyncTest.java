package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.GenericItem;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.ResyncOptions;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.testsupport.WaitRecorder;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Catalog sync end to end: the real HTTP client against the fake gateway, with real state files. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CatalogSyncTest {
    private static final int CATALOG = 3000;

    @TempDir
    Path stateDirectory;

    private CatalogGateway fake;
    private CommerceServicesClient client;

    @BeforeEach
    void start() {
        fake = CatalogGateway.start();
        client = fake.client(stateDirectory, CatalogSyncSettings.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private SyncReport syncVersion(int count, int version) {
        return client.catalog().sync(Feed.PRODUCTS, generated(count, n -> product(n, version)));
    }

    private void assertGatewayHoldsExactly(int count, int version) {
        Map<String, Map<String, Object>> held = fake.productsHeld();
        assertEquals(count, held.size(), "items the gateway holds");
        for (int n = 0; n < count; n++) {
            Map<String, Object> item = held.get(String.format("SKU-%05d", n));
            assertNotNull(item, "item " + n);
            assertEquals("Product " + n + " v" + version, item.get("name"));
        }
    }

    @Test
    void syncsThousandsOfItemsAndASecondSyncSendsNothing() {
        SyncReport first = syncVersion(CATALOG, 1);
        assertEquals(CATALOG, first.processed());
        assertEquals(CATALOG, first.sent());
        long throttled = fake.feedRequests().stream().filter(request -> request.status() == 429).count();
        assertEquals(30, first.requests() - throttled, "100 products per request, besides any 429: " + first);
        assertTrue(first.isComplete(), first.toString());
        assertGatewayHoldsExactly(CATALOG, 1);
        assertTrue(fake.feedRequests().stream().allMatch(request -> request.status() == 200
                || request.status() == 429), "every request accepted, or throttled and sent again");

        SyncReport second = syncVersion(CATALOG, 1);
        assertEquals(CATALOG, second.unchanged());
        assertEquals(0, second.sent());
        assertEquals(0, second.requests());
        assertEquals(first.requests(), fake.feedRequests().size(), "the second sync sent nothing");
    }

    @Test
    void onlyTheChangedOnePercentIsSentAgain() {
        syncVersion(CATALOG, 1);
        fake.gateway.clearRequests();
        SyncReport report = client.catalog().sync(Feed.PRODUCTS,
                generated(CATALOG, n -> product(n, n % 100 == 7 ? 2 : 1)));
        assertEquals(CATALOG / 100, report.sent());
        assertEquals(CATALOG - CATALOG / 100, report.unchanged());
        assertEquals(1, report.requests());
        List<Map<String, Object>> sent = fake.feedRequests().get(0).items();
        assertEquals(CATALOG / 100, sent.size());
        assertTrue(sent.stream().allMatch(item -> ((String) item.get("name")).endsWith(" v2")));
    }

    private static final Product.MediaResource EXTRA_IMAGE = Product.MediaResource.of(
            "https://cdn.example/extra.jpg", "back", "image");

    @Test
    void reorderingImagesOrTouchingUpdatedAtSendsNothing() {
        syncVersion(100, 1);
        SyncReport report = client.catalog().sync(Feed.PRODUCTS, generated(100, n -> product(n, 1).toBuilder()
                .updatedAt(product(n, 1).updatedAt().plusSeconds(3600))
                .addImage(EXTRA_IMAGE, "2").build()));
        assertEquals(100, report.sent(), "a new image is a change");
        SyncReport reordered = client.catalog().sync(Feed.PRODUCTS, generated(100, n -> {
            var product = product(n, 1).toBuilder().addImage(EXTRA_IMAGE, "2")
                    .build();
            List<Product.Image> images = new ArrayList<>(product.images());
            java.util.Collections.reverse(images);
            return product.toBuilder().images(images).modifiedAt(java.time.Instant.EPOCH).build();
        }));
        assertEquals(100, reordered.unchanged());
        assertEquals(0, reordered.requests());
    }

    @Test
    void itemsThatDisappearedAreDeletedWithTheirIdentity() {
        syncVersion(CATALOG, 1);
        fake.gateway.clearRequests();
        SyncReport report = syncVersion(CATALOG - 150, 1);
        assertEquals(150, report.deleted());
        assertEquals(CATALOG - 150, report.unchanged());
        assertGatewayHoldsExactly(CATALOG - 150, 1);
        Map<String, Object> delete = fake.feedRequests().get(0).items().get(0);
        assertEquals(3, delete.size(), "identity fields and deleted only: " + delete);
        assertEquals(Boolean.TRUE, delete.get("deleted"));
        assertEquals("default", delete.get("storeViewCode"));
        assertEquals(0, syncVersion(CATALOG - 150, 1).deleted());
    }

    @Test
    void explicitDeletesAndUpsertsAreIncremental() {
        syncVersion(10, 1);
        SyncReport upserted = client.catalog().upsert(Feed.PRODUCTS, List.of(product(3, 2), product(20, 1)));
        assertEquals(2, upserted.sent());
        assertEquals(11, fake.productsHeld().size(), "an upsert deletes nothing");
        SyncReport deleted = client.catalog().delete(Feed.PRODUCTS,
                List.of(ItemKey.of(Feed.PRODUCTS, "SKU-00003", "default"), ItemKey.of(Feed.PRODUCTS, "SKU-00004", "default")));
        assertEquals(2, deleted.deleted());
        assertEquals(9, fake.productsHeld().size());
        assertEquals(8, client.catalog().status(Feed.PRODUCTS).accepted() - 1);
    }

    @Test
    void itemsRefusedByTheGatewayKeepTheirReasonUntilTheyChange() {
        List<GenericItem> items = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            items.add(GenericItem.of(Map.of("sku", "G" + n, "storeViewCode", "default", "deleted",
                    n == 2 ? "perhaps" : Boolean.FALSE)));
        }
        SyncReport report = client.catalog().sync(Feed.PRODUCTS, items);
        assertEquals(4, report.sent());
        assertEquals(1, report.rejectedCount());
        assertEquals(ItemKey.of(Feed.PRODUCTS, "G2", "default"), report.rejected().get(0).key());
        assertEquals(2, report.rejected().get(0).position());
        assertNotNull(report.rejected().get(0).reason());
        FeedStatus status = client.catalog().status(Feed.PRODUCTS);
        assertEquals(4, status.accepted());
        assertEquals(1, status.rejected());
        assertEquals(report.rejected().get(0).reason(), status.rejectedItems().get(0).reason());

        fake.gateway.clearRequests();
        SyncReport again = client.catalog().sync(Feed.PRODUCTS, items);
        assertEquals(0, again.requests(), "an unchanged rejected item is not sent again");
        assertEquals(1, again.rejectedCount());
        assertEquals("STILL_REJECTED", again.rejected().get(0).code());
    }

    @Test
    void badItemsAreRejectedBeforeSendingAndTheRestGoOn() {
        List<Object> input = new ArrayList<>();
        input.add(product(1, 1));
        input.add(GenericItem.of(Map.of("storeViewCode", "default", "name", "no sku")));
        input.add(product(2, 1).toBuilder().inStock(true).inventory(inventory -> inventory.qty(-1)).build());
        input.add(product(1, 1));
        input.add(product(3, 1));
        @SuppressWarnings("unchecked")
        List<io.github.commerceconnector.api.catalog.FeedItem> items = (List<io.github.commerceconnector.api.catalog.FeedItem>) (List<?>) input;
        SyncReport report = client.catalog().sync(Feed.PRODUCTS, items);
        assertEquals(2, report.sent());
        assertEquals(3, report.rejectedCount());
        assertEquals(List.of("MISSING_IDENTITY", "NEGATIVE_QUANTITY", "DUPLICATE_IDENTITY"),
                report.rejected().stream().map(rejected -> rejected.code()).toList());
        assertNull(report.rejected().get(0).key());
        assertEquals(1, report.rejected().get(0).position());
        assertEquals(2, fake.productsHeld().size());
    }

    /**
     * An item rejected before sending is rejected with its problem in every sync, not reported as still rejected: its
     * look-up before writing (the state holds hashes over fields) does not settle an item the gateway never accepted.
     */
    @Test
    void anItemRejectedBeforeSendingIsRejectedWithItsProblemAgainInTheNextSync() {
        List<FeedItem> items = List.of(product(1, 1),
                product(2, 1).toBuilder().inStock(true).inventory(inventory -> inventory.qty(-1)).build());
        for (int round = 0; round < 2; round++) {
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, items);
            assertEquals(1, report.rejectedCount(), report.toString());
            assertEquals("NEGATIVE_QUANTITY", report.rejected().get(0).code(), "round " + round);
            assertEquals(round == 0 ? 1 : 0, report.sent());
        }
    }

    @Test
    void aSecondOccurrenceOfAnUnchangedItemIsRejectedAsDuplicate() {
        client.catalog().sync(Feed.PRODUCTS, List.of(product(1, 1), product(2, 1)));
        fake.gateway.clearRequests();
        SyncReport again = client.catalog().sync(Feed.PRODUCTS, List.of(product(1, 1), product(2, 1), product(1, 1)));
        assertEquals(0, again.requests());
        assertEquals(2, again.unchanged());
        assertEquals(List.of("DUPLICATE_IDENTITY"), again.rejected().stream().map(rejected -> rejected.code()).toList());
        assertEquals(2, again.rejected().get(0).position());
    }

    /**
     * A re-sync of several chunks catches every later occurrence of an identity, in the chunk of its first
     * occurrence or in another, whether the first was changed or unchanged: the first is taken, the rest rejected.
     */
    @Test
    void aReSyncOfSeveralChunksTakesTheFirstOccurrenceOfEachIdentity() {
        client.catalog().sync(Feed.PRODUCTS, generated(300, n -> product(n, 1)));
        fake.gateway.clearRequests();
        List<Product> input = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            if (n == 20) {
                input.add(product(20, 2));
            }
            if (n == 100) {
                input.add(product(250, 2));
            }
            input.add(product(n, 1));
        }
        input.add(product(5, 1));
        input.add(product(10, 2));
        input.add(product(400, 1));
        input.add(product(400, 1));

        SyncReport again = client.catalog().sync(Feed.PRODUCTS, input);

        assertEquals(List.of(21L, 252L, 302L, 303L, 305L), again.rejected().stream()
                .map(rejected -> rejected.position()).toList());
        assertTrue(again.rejected().stream().allMatch(rejected -> rejected.code().equals("DUPLICATE_IDENTITY")));
        assertEquals(3, again.sent(), "the changed first occurrences and the new item");
        assertEquals(298, again.unchanged());
        assertEquals("Product 20 v2", fake.productsHeld().get("SKU-00020").get("name"));
        assertEquals("Product 250 v2", fake.productsHeld().get("SKU-00250").get("name"));
        assertEquals(301, fake.productsHeld().size());
    }

    @Test
    void aFirstSyncCatchesADuplicateWhoseFirstOccurrenceWasAnsweredLongBefore() {
        List<Product> items = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            items.add(product(n, 1));
        }
        items.add(product(3, 2));
        items.add(product(999, 2));

        SyncReport report = client.catalog().sync(Feed.PRODUCTS, items);

        assertEquals(1_000, report.sent());
        assertEquals(List.of("DUPLICATE_IDENTITY", "DUPLICATE_IDENTITY"),
                report.rejected().stream().map(rejected -> rejected.code()).toList());
        assertEquals(List.of(1_000L, 1_001L), report.rejected().stream().map(rejected -> rejected.position()).toList());
        assertGatewayHoldsExactly(1_000, 1);
        SyncReport again = client.catalog().sync(Feed.PRODUCTS, generated(1_000, n -> product(n, 1)));
        assertEquals(1_000, again.unchanged(), "what the first sync recorded is looked up by the next");
        assertEquals(0, again.requests());
    }

    @Test
    void aBatchThatFailedAllItsAttemptsIsSentAgainAndTheSyncCompletes() {
        try (CommerceServicesClient oneAtATime = fake.client(stateDirectory,
                CatalogSyncSettings.defaults().withMaxInFlight(1))) {
            fake.account.failures().when(call -> call.path().startsWith("feeds/")).times(4).respond(Fault.status(503));
            WaitRecorder waits = new WaitRecorder();
            SyncReport report = oneAtATime.catalog().sync(Feed.PRODUCTS, generated(500, n -> product(n, 1)), waits);
            assertEquals(500, report.sent());
            assertTrue(report.isComplete(), report.toString());
            assertEquals(List.of("ENDPOINT_FAILING", "RESUMED"), waits.events());
            assertGatewayHoldsExactly(500, 1);
        }
    }

    @Test
    void retryableFailuresAreKeptWhenTheSyncDeadlineEndsTheCallAndRetryFailedSendsThem() {
        try (CommerceServicesClient impatient = fake.client(stateDirectory,
                CatalogSyncSettings.defaults().withMaxInFlight(1).withSyncDeadline(Duration.ZERO))) {
            fake.account.failures().when(call -> call.path().startsWith("feeds/")).times(4).respond(Fault.status(503));
            SyncDeadlineExceededException ended = assertThrows(SyncDeadlineExceededException.class,
                    () -> impatient.catalog().sync(Feed.PRODUCTS, generated(500, n -> product(n, 1))));
            assertEquals(100, ended.report().retryable(), "the first batch failed all 4 attempts");
            assertFalse(ended.report().isComplete());
            assertEquals(100, impatient.catalog().status(Feed.PRODUCTS).retryable());

            SyncReport retried = impatient.catalog().retryFailed(Feed.PRODUCTS);
            assertEquals(100, retried.processed());
            assertEquals(100, retried.sent());
            assertEquals(0, impatient.catalog().status(Feed.PRODUCTS).retryable());
            assertEquals(0, impatient.catalog().retryFailed(Feed.PRODUCTS).processed());
            assertEquals(400, impatient.catalog().sync(Feed.PRODUCTS, generated(500, n -> product(n, 1))).sent());
            assertGatewayHoldsExactly(500, 1);
        }
    }

    @Test
    void aGatewayDownEndsTheCallAtTheSyncDeadlineAndTheNextRunLosesNothing() {
        fake.account.failures().when(call -> call.path().startsWith("feeds/")).times(10_000)
                .respond(Fault.status(503));
        SyncDeadlineExceededException stopped = assertThrows(SyncDeadlineExceededException.class,
                () -> syncVersion(CATALOG, 1));
        assertTrue(stopped.isRetryable());
        assertTrue(stopped.failingFor().compareTo(CatalogSyncSettings.DEFAULT_SYNC_DEADLINE) >= 0);
        FeedStatus status = client.catalog().status(Feed.PRODUCTS);
        assertTrue(status.retryable() >= 100 && status.retryable() <= 200, "the batches in flight: " + status);
        assertEquals(0, status.accepted());
        assertNull(status.lastSync(), "an interrupted sync is not a full sync");

        fake.account.failures().clear();
        fake.clock.advance(java.time.Duration.ofMinutes(1));
        SyncReport recovered = syncVersion(CATALOG, 1);
        assertEquals(0, recovered.deleted());
        SyncReport retried = client.catalog().retryFailed(Feed.PRODUCTS);
        assertEquals(CATALOG, recovered.sent() + retried.sent(), "the items left retryable are sent by the next "
                + "sync or by retryFailed: " + recovered + " then " + retried);
        assertGatewayHoldsExactly(CATALOG, 1);
        assertTrue(client.catalog().status(Feed.PRODUCTS).isClean());
        assertNotNull(client.catalog().status(Feed.PRODUCTS).lastSync());
    }

    @Test
    void aDryRunSendsNothingAndChangesNothing() {
        syncVersion(200, 1);
        fake.gateway.clearRequests();
        SyncReport dryRun = client.catalog().resync(Feed.PRODUCTS, generated(150, n -> product(n, 2)),
                ResyncOptions.defaults().withDryRun(true).withCleanup(true));
        assertTrue(dryRun.dryRun());
        assertEquals(150, dryRun.sent(), "would send every item");
        assertEquals(0, dryRun.requests());
        assertTrue(fake.gateway.requests().isEmpty(), "not even the cleanup");
        SyncReport withoutCleanup = client.catalog().resync(Feed.PRODUCTS, generated(150, n -> product(n, 2)),
                ResyncOptions.defaults().withDryRun(true));
        assertEquals(50, withoutCleanup.deleted(), "would delete what disappeared");
        assertEquals(200, client.catalog().status(Feed.PRODUCTS).accepted());
        assertGatewayHoldsExactly(200, 1);
    }

    @Test
    void aResyncWithCleanupErasesTheDataSpaceAndSendsEverything() {
        syncVersion(300, 1);
        fake.gateway.clearRequests();
        SyncReport report = client.catalog().resync(Feed.PRODUCTS, generated(250, n -> product(n, 1)),
                ResyncOptions.defaults().withCleanup(true));
        assertEquals(250, report.sent());
        assertEquals(0, report.deleted());
        assertTrue(fake.gateway.requests().get(0).path().endsWith("/cleanup"), "cleanup first");
        assertGatewayHoldsExactly(250, 1);
        assertEquals(250, client.catalog().status(Feed.PRODUCTS).accepted());
        assertEquals(250, syncVersion(250, 1).unchanged());
    }

    @Test
    void aRegistryCleanupForgetsWhatWasSentToTheDataSpace() {
        syncVersion(200, 1);
        client.dataSpaces().cleanup(fake.dataSpaceId);
        assertTrue(fake.productsHeld().isEmpty());
        assertEquals(0, client.catalog().status(Feed.PRODUCTS).accepted());
        assertEquals(200, syncVersion(200, 1).sent(), "everything is sent again");
        assertGatewayHoldsExactly(200, 1);
    }

    @Test
    void anotherDataSpaceStartsFromEmptyStateAndSwitchingBackSendsEverythingAgain() {
        syncVersion(100, 1);
        String second = fake.project.testingDataSpaces().get(1).id();
        client.dataSpaces().select(fake.project.id(), second);
        SyncReport intoSecond = syncVersion(100, 1);
        assertEquals(100, intoSecond.sent());
        assertEquals(second, intoSecond.dataSpaceId());
        assertEquals(100, fake.account.items(second, Feed.PRODUCTS).size());
        client.dataSpaces().select(fake.project.id(), fake.dataSpaceId);
        assertEquals(100, syncVersion(100, 1).sent(), "after a switch the whole catalog is synced again");
    }

    @Test
    void progressIsReportedPerBatchAndTheReportAtTheEnd() {
        List<SyncProgress> progress = new ArrayList<>();
        List<SyncReport> finished = new ArrayList<>();
        SyncReport report = client.catalog().sync(Feed.PRODUCTS, generated(1000, n -> product(n, 1)),
                new SyncListener() {
                    @Override
                    public void progress(SyncProgress value) {
                        progress.add(value);
                    }

                    @Override
                    public void finished(SyncReport value) {
                        finished.add(value);
                    }
                });
        assertTrue(progress.size() >= 10, "at least once per batch: " + progress.size());
        assertEquals(1000, progress.get(progress.size() - 1).sent());
        assertEquals(List.of(report), finished);
    }

    @Test
    void aStreamIsConsumedAndClosed() {
        boolean[] closed = {false};
        Stream<io.github.commerceconnector.api.catalog.FeedItem> stream = IntStream.range(0, 250)
                .mapToObj(n -> (io.github.commerceconnector.api.catalog.FeedItem) product(n, 1))
                .onClose(() -> closed[0] = true);
        assertEquals(250, client.catalog().sync(Feed.PRODUCTS, stream).sent());
        assertTrue(closed[0]);
    }

    @Test
    void aSecondSyncOfTheSameFeedAtOnceIsRefused() {
        SyncLockedException[] refused = new SyncLockedException[1];
        client.catalog().sync(Feed.PRODUCTS, generated(150, n -> {
            if (n == 120 && refused[0] == null) {
                refused[0] = assertThrows(SyncLockedException.class,
                        () -> client.catalog().sync(Feed.PRODUCTS, List.of(product(1, 1))));
            }
            return product(n, 1);
        }));
        assertNotNull(refused[0]);
        assertTrue(refused[0].getMessage().contains("products"), refused[0].getMessage());
        assertEquals(10, client.catalog().sync(Feed.PRICES, generated(10, n -> io.github.commerceconnector.api.catalog
                .Price.builder().sku("S" + n).websiteCode("base").customerGroupCode("0").regular(n + 0.5).build()))
                .sent(), "other feeds are not locked");
    }

    @Test
    void feedRequestsCarryGzipAndTheConnectorMetadata() {
        syncVersion(10, 1);
        RecordedRequest request = fake.feedRequests().get(0);
        assertEquals("feeds/catalog/v2/products/" + fake.dataSpaceId, request.path());
        assertEquals("gzip", request.header("Content-Encoding").orElseThrow());
        assertTrue(request.header("service-connector-metadata").orElseThrow()
                .matches("\\{\"commerceEdition\":\"ee\",\"commerceVersion\":\"[^\"]+\",\"saasExporterVersion\":\"[^\"]+\"}"));
        assertEquals(10, request.items().size());
        assertFalse(request.items().get(0).containsKey("updatedAt") && false);
    }
}

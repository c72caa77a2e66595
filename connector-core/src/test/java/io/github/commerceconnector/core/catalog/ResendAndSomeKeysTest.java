package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ResendReport;
import io.github.commerceconnector.api.catalog.ResyncOptions;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.testsupport.LazyItems;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resend and a resync of some keys, each given a million keys made on the fly (never a list), through the HTTP
 * client with file state against the fake gateway: only the keys of held items are marked, only the selected items
 * are sent, counted at the gateway.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResendAndSomeKeysTest {
    private static final int CATALOG = 1000;
    private static final int KEYS = 1_000_000;

    @TempDir
    Path stateDirectory;

    private CatalogGateway fake;
    private CommerceServicesClient client;

    @BeforeEach
    void start() {
        fake = CatalogGateway.start();
        client = fake.client(stateDirectory, CatalogSyncSettings.defaults());
        client.catalog().sync(Feed.PRODUCTS, generated(CATALOG, n -> product(n, 1)));
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    /** Key {@code n}: every 10,000th names a held product (100 of them), the others none. */
    private static Iterable<ItemKey> millionKeys() {
        return LazyItems.of(KEYS, n -> ItemKey.of(Feed.PRODUCTS, String.format("SKU-%05d",
                n % 10_000 == 0 ? n / 1000 : CATALOG + n), "default"));
    }

    @Test
    void aMillionKeysAreMarkedInChunksAndTheNextSyncSendsTheHeldOnes() {
        int requestsBefore = fake.feedRequests().size();
        ResendReport report = client.catalog().resend(Feed.PRODUCTS, millionKeys());
        assertEquals(new ResendReport(Feed.PRODUCTS, fake.dataSpaceId, KEYS, 100, KEYS - 100), report);
        assertEquals(requestsBefore, fake.feedRequests().size(), "a resend makes no request");

        SyncReport next = client.catalog().sync(Feed.PRODUCTS, generated(CATALOG, n -> product(n, 1)));
        assertEquals(100, next.sent(), next.toString());
        assertEquals(CATALOG - 100, next.unchanged());
        int items = fake.feedRequests().subList(requestsBefore, fake.feedRequests().size()).stream()
                .mapToInt(request -> request.items().size()).sum();
        assertEquals(100, items, "items counted at the gateway");
    }

    @Test
    void aResyncOfAMillionKeysSendsOnlyTheItemsTheyName() {
        int requestsBefore = fake.feedRequests().size();
        SyncReport report = client.catalog().resync(Feed.PRODUCTS, generated(CATALOG, n -> product(n, 2)),
                ResyncOptions.defaults().withOnlyKeys(millionKeys()));
        assertEquals(100, report.sent(), report.toString());
        assertEquals(CATALOG - 100, report.unchanged());
        assertEquals(0, report.deleted());
        Map<String, Map<String, Object>> held = fake.productsHeld();
        assertEquals(CATALOG, held.size());
        for (int n = 0; n < CATALOG; n++) {
            assertEquals("Product " + n + " v" + (n % 10 == 0 ? 2 : 1), held.get(String.format("SKU-%05d", n))
                    .get("name"));
        }
        assertEquals(1, fake.feedRequests().size() - requestsBefore);
    }
}

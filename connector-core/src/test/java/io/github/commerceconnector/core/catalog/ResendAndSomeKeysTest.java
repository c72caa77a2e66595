package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ResendReport;
import io.github.commerceconnector.api.catalog.ResyncOptions;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.testsupport.LazyItems;
import java.nio.file.Path;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.testkit.FailureInjector;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** The README's operator actions, as written there: each runs and does what the README says. */
    @Test
    void theReadmeOperatorActionsRunAsWritten() {
        CommerceServicesClient services = client;
        AtomicInteger sends = new AtomicInteger();
        FailureInjector.Injection refusal = fake.account.failures()
                .when(call -> call.operation() == FakeOperation.SEND_FEED && sends.incrementAndGet() > 1)
                .times(Integer.MAX_VALUE).respond(Fault.status(401));
        assertThrows(AuthenticationException.class, () -> services.catalog().resync(Feed.PRODUCTS,
                productsFromYourStore(), ResyncOptions.defaults()));
        refusal.cancel();
        int requestsBefore = fake.feedRequests().size();

        // README:begin operator actions
        // "Resend these items": marks them changed in the sync state, sends nothing now; the next sync sends them.
        ResendReport marked = services.catalog().resend(Feed.PRODUCTS,
                List.of(ItemKey.of(Feed.PRODUCTS, "MH01", "default"), ItemKey.of(Feed.PRODUCTS, "MH02", "default")));

        // Resend just those items now, picked from your catalog (the others are read and skipped; nothing is deleted).
        services.catalog().resync(Feed.PRODUCTS, productsFromYourStore(),
                ResyncOptions.defaults().withOnlyKeys(keysFromYourAdmin()));

        // Continue a resync that was interrupted (killed, deadline, refused keys), items in the same order.
        services.catalog().resync(Feed.PRODUCTS, productsFromYourStore(), ResyncOptions.resume());
        // README:end

        assertEquals(2, marked.unknown(), "MH01 and MH02 are not in this catalog");
        int items = fake.feedRequests().subList(requestsBefore, fake.feedRequests().size()).stream()
                .filter(request -> request.status() != 429).mapToInt(request -> request.items().size()).sum();
        int resumed = CATALOG - Feed.PRODUCTS.defaultBatchSize();
        assertTrue(items == 2 + resumed || items == resumed, "the two keys now, then all but the batch the "
                + "interrupted resync had accepted (less the two keys when that batch was the second in flight and "
                + "the refused first held them): " + items);
        assertEquals(CATALOG, fake.productsHeld().size());
        assertTrue(fake.productsHeld().values().stream().allMatch(product -> ((String) product.get("name"))
                .endsWith(" v2")), "every product at its resynced content");
    }

    private static Iterable<FeedItem> productsFromYourStore() {
        return generated(CATALOG, n -> product(n, 2));
    }

    private static List<ItemKey> keysFromYourAdmin() {
        return List.of(ItemKey.of(Feed.PRODUCTS, "SKU-00001", "default"),
                ItemKey.of(Feed.PRODUCTS, "SKU-00002", "default"));
    }
}

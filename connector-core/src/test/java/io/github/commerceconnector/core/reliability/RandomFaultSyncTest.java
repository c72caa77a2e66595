package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.GenericItem;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.RecordedRequest;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync of 20,000 products, some of them bad, through a gateway that fails 20 % of feed requests at random with
 * mixed faults. Every item ends accepted, rejected with a reason, or retryable until {@code retryFailed} sends
 * it; the state never says accepted for an item the gateway does not hold with that content; and in the end the
 * gateway holds exactly the catalog. Then a second version changes a tenth of the items and drops 500, under the
 * same faults. Backoff and {@code Retry-After} waits move the shared test clock instead of sleeping.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RandomFaultSyncTest {
    private static final int CATALOG = 20_000;
    private static final int LOCALLY_INVALID = 100;
    private static final int GATEWAY_INVALID = 100;
    private static final int DROPPED_IN_V2 = 500;
    private static final double FAULT_SHARE = 0.2;
    private static final int MAX_RETRY_ROUNDS = 20;

    @TempDir
    Path stateDirectory;

    private final TestClock clock = TestClock.system();
    private FakeCommerceServices account;
    private FakeGateway gateway;
    private String dataSpaceId;
    private CommerceServicesClient client;
    private final List<String> figures = new ArrayList<>();

    @BeforeEach
    void start() {
        account = FakeCommerceServices.builder().clock(clock).checkSchema(true).build();
        gateway = FakeGateway.builder().services(account).noRateLimit().requestLogLimit(20_000).start();
        SaasProject project = account.addProject("Shop");
        dataSpaceId = project.testingDataSpaces().get(0).id();
        CredentialStore credentials = CredentialStores.inMemory();
        ServiceCredentials keys = TestKeys.credentialsFor(gateway);
        SecretRegistry.credentials("random fault sync keys", keys);
        credentials.put(keys);
        client = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(gateway.baseUri())
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(10)))
                .retry(RetrySettings.defaults().withMaxAttempts(2).withBackoff(Duration.ofMillis(200),
                        Duration.ofSeconds(2)))
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withMaxInFlight(3))
                .stateDirectory(stateDirectory)
                .clock(clock)
                .sleeper(clock::advance)
                .build();
        client.dataSpaces().select(project.id(), dataSpaceId);
    }

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
        account.close();
        System.out.println("Random fault sync figures:");
        figures.forEach(figure -> System.out.println("  " + figure));
    }

    private static String sku(int n) {
        return String.format("RF-%05d", n);
    }

    private static FeedItem item(int n, int version) {
        if (n >= CATALOG) {
            return GenericItem.of(Map.of("sku", sku(n), "storeViewCode", "default", "name", "refused by the gateway",
                    "deleted", "perhaps"));
        }
        Product.Builder product = Product.builder().sku(sku(n)).storeViewCode("default")
                .name("Product " + n + " v" + version).type("simple").urlKey("rf-" + n)
                .description("Random fault sync product " + n).weight(new BigDecimal("2.25"))
                .inStock(true).inventory(inventory -> inventory.qty(n % 50))
                .updatedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version));
        if (n % (CATALOG / LOCALLY_INVALID) == 7) {
            product.inStock(true).inventory(inventory -> inventory.qty(-1));
        }
        return product.build();
    }

    private static boolean locallyInvalid(int n) {
        return n < CATALOG && n % (CATALOG / LOCALLY_INVALID) == 7;
    }

    /** Version 1: all 20,000 plus the gateway-invalid ones; version 2: every tenth changed, the last 500 gone. */
    private static List<FeedItem> catalog(int version) {
        int valid = version == 1 ? CATALOG : CATALOG - DROPPED_IN_V2;
        List<FeedItem> items = new ArrayList<>(valid + GATEWAY_INVALID);
        for (int n = 0; n < valid; n++) {
            items.add(item(n, version == 2 && n % 10 == 0 ? 2 : 1));
        }
        for (int n = CATALOG; n < CATALOG + GATEWAY_INVALID; n++) {
            items.add(item(n, 1));
        }
        return items;
    }

    /** The items the gateway must end up holding: the valid ones of a version, keyed by SKU, with their names. */
    private static Map<String, String> expected(int version) {
        Map<String, String> names = new HashMap<>();
        int valid = version == 1 ? CATALOG : CATALOG - DROPPED_IN_V2;
        for (int n = 0; n < valid; n++) {
            if (!locallyInvalid(n)) {
                names.put(sku(n), "Product " + n + " v" + (version == 2 && n % 10 == 0 ? 2 : 1));
            }
        }
        return names;
    }

    @Test
    void everyItemEndsAccountedForAndTheGatewayHoldsExactlyTheCatalog() {
        MixedFaults faults = new MixedFaults(gateway, FAULT_SHARE, Duration.ofSeconds(2), 20_260_301L);
        long started = System.nanoTime();

        SyncReport first = client.catalog().sync(Feed.PRODUCTS, catalog(1));

        assertEquals(CATALOG + GATEWAY_INVALID, first.processed());
        assertEquals(first.processed(), first.sent() + first.rejectedCount() + first.retryable(),
                "every item is accepted, rejected or retryable: " + first);
        assertEquals(LOCALLY_INVALID + GATEWAY_INVALID, first.rejectedCount(), first.toString());
        assertRejectedWithReasons(first.rejected());
        assertSafe("after the first sync");
        figures.add("first sync: " + summary(first) + "; faults so far " + faults.total());
        long retried = retryUntilNothingIsLeft("first sync");

        assertGatewayHoldsExactly(expected(1));
        FeedStatus status = client.catalog().status(Feed.PRODUCTS);
        assertEquals(CATALOG - LOCALLY_INVALID, status.accepted());
        assertEquals(LOCALLY_INVALID + GATEWAY_INVALID, status.rejected());
        assertEquals(0, status.retryable());
        figures.add("version 1 done: " + retried + " items resent by retryFailed; " + itemsReceived()
                + " items received by the gateway for " + (CATALOG + GATEWAY_INVALID) + " in the catalog");

        SyncReport second = client.catalog().sync(Feed.PRODUCTS, catalog(2));

        figures.add("second sync: " + summary(second));
        assertEquals(second.processed(), second.unchanged() + second.sent() + second.rejectedCount()
                + second.retryable(), second.toString());
        assertSafe("after the second sync");
        long retriedAgain = retryUntilNothingIsLeft("second sync");
        assertGatewayHoldsExactly(expected(2));
        FeedStatus after = client.catalog().status(Feed.PRODUCTS);
        assertEquals(expected(2).size(), after.accepted());
        assertEquals(LOCALLY_INVALID - droppedInvalid() + GATEWAY_INVALID, after.rejected());
        assertEquals(0, after.retryable());
        figures.add("version 2 done: " + retriedAgain + " items resent by retryFailed");
        figures.add("faults injected: " + faults.total() + " " + faults.fired() + "; feed requests "
                + feedRequests().size() + "; " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        faults.stop();
        assertEquals(0, client.catalog().sync(Feed.PRODUCTS, catalog(2)).requests(), "nothing is left to send");
    }

    /** The locally invalid items among the dropped ones (they leave the state as deletes). */
    private static int droppedInvalid() {
        int count = 0;
        for (int n = CATALOG - DROPPED_IN_V2; n < CATALOG; n++) {
            count += locallyInvalid(n) ? 1 : 0;
        }
        return count;
    }

    private long retryUntilNothingIsLeft(String after) {
        long resent = 0;
        for (int round = 1; client.catalog().status(Feed.PRODUCTS).retryable() > 0; round++) {
            assertTrue(round <= MAX_RETRY_ROUNDS, "items still retryable after " + MAX_RETRY_ROUNDS + " rounds");
            SyncReport retry = client.catalog().retryFailed(Feed.PRODUCTS);
            figures.add("retryFailed round " + round + " after the " + after + ": " + summary(retry));
            resent += retry.sent() + retry.deleted();
            assertSafe("after retry round " + round);
        }
        return resent;
    }

    private void assertRejectedWithReasons(List<RejectedItem> rejected) {
        Set<String> codes = rejected.stream().map(RejectedItem::code).collect(Collectors.toSet());
        assertTrue(codes.contains("NEGATIVE_QUANTITY"), codes.toString());
        for (RejectedItem item : rejected) {
            assertTrue(item.key() != null && item.reason() != null && !item.reason().isBlank(), item.toString());
        }
    }

    /** Nothing is recorded as accepted that the gateway does not hold with that very content. */
    private void assertSafe(String when) {
        HeldState state = HeldState.read(new FileSyncStateStore(stateDirectory.resolve("catalog")), dataSpaceId,
                Feed.PRODUCTS);
        List<ItemKey> unsafe = state.acceptedButNotHeld(Feed.PRODUCTS, account.items(dataSpaceId, Feed.PRODUCTS));
        assertEquals(List.of(), unsafe, "accepted in the state but not held by the gateway " + when);
    }

    private void assertGatewayHoldsExactly(Map<String, String> names) {
        Map<String, String> held = new HashMap<>();
        for (Map<String, Object> item : account.items(dataSpaceId, Feed.PRODUCTS)) {
            held.put((String) item.get("sku"), (String) item.get("name"));
        }
        assertEquals(names.size(), held.size(), "items held");
        assertEquals(names, held);
        HeldState state = HeldState.read(new FileSyncStateStore(stateDirectory.resolve("catalog")), dataSpaceId,
                Feed.PRODUCTS);
        ItemHasher hasher = new ItemHasher(state.contentHashes());
        assertEquals(names.keySet(), state.accepted().keySet().stream().map(key -> key.values().get(0))
                .collect(Collectors.toSet()), "the accepted set is exactly what the gateway holds");
        assertEquals(hasher.contentHash(item(3, 1).fields()),
                state.accepted().get(ItemKey.of(Feed.PRODUCTS, sku(3), "default")));
    }

    private List<RecordedRequest> feedRequests() {
        return gateway.requests().stream().filter(request -> request.path().startsWith("feeds/")).toList();
    }

    private long itemsReceived() {
        return feedRequests().stream().mapToLong(request -> request.items().size()).sum();
    }

    private static String summary(SyncReport report) {
        return report.processed() + " processed, " + report.unchanged() + " unchanged, " + report.sent() + " sent, "
                + report.rejectedCount() + " rejected, " + report.retryable() + " retryable, " + report.deleted()
                + " deleted, " + report.requests() + " requests";
    }
}

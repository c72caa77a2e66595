package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.testsupport.LazyItems;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A fake gateway on loopback with one project, and clients of the real HTTP connector pointed at it. Time
 * is the account's {@link TestClock}; the clients' sleeper moves that clock, so rate limits and retries
 * never sleep for real.
 */
final class CatalogGateway implements AutoCloseable {
    final TestClock clock;
    final FakeCommerceServices account;
    final FakeGateway gateway;
    final SaasProject project;
    final String dataSpaceId;
    final CredentialStore credentials = CredentialStores.inMemory();

    private CatalogGateway(TestClock clock, double gatewayRateLimit) {
        this(clock, gatewayRateLimit, Duration.ZERO);
    }

    private CatalogGateway(TestClock clock, double gatewayRateLimit, Duration latency) {
        this.clock = clock;
        this.account = FakeCommerceServices.builder().clock(clock).checkSchema(true).build();
        this.gateway = FakeGateway.builder().services(account).rateLimit(gatewayRateLimit).latency(latency).start();
        this.project = account.addProject("Shop");
        this.dataSpaceId = project.testingDataSpaces().get(0).id();
        ServiceCredentials keys = TestKeys.credentialsFor(gateway);
        SecretRegistry.credentials("CatalogGateway keys", keys);
        credentials.put(keys);
    }

    /** A gateway whose time stands still until a client waits, limiting feed requests to 2 a second. */
    static CatalogGateway start() {
        return new CatalogGateway(TestClock.fixed(Instant.parse("2026-03-01T08:00:00Z")), FakeGateway.DEFAULT_RATE_LIMIT);
    }

    /** A gateway on the system clock without a rate limit (for clients that run in real time). */
    static CatalogGateway startRealTime() {
        return new CatalogGateway(TestClock.system(), 0);
    }

    /** A gateway on the system clock without a rate limit that answers each request after a latency. */
    static CatalogGateway startRealTime(Duration latency) {
        return new CatalogGateway(TestClock.system(), 0, latency);
    }

    /** A client builder for this gateway: sandbox, non-production, short timeouts, no real sleeping. */
    CommerceServicesClient.Builder builder(Path stateDirectory) {
        return CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(gateway.baseUri())
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .timeouts(Timeouts.defaults().withConnect(Duration.ofSeconds(5)).withAttempt(Duration.ofSeconds(10))
                        .withCall(Duration.ofMinutes(10)))
                .retry(RetrySettings.defaults().withBackoff(Duration.ofMillis(200), Duration.ofSeconds(5)))
                .stateDirectory(stateDirectory)
                .clock(clock)
                .sleeper(this::sleep);
    }

    /**
     * Waits on the fake clock as a thread waits in real time: until now plus the wait. Waits of several threads
     * overlap instead of adding up, so that a client's pacing is seen by the gateway as it would be.
     */
    private void sleep(Duration wait) {
        Instant until = clock.instant().plus(wait);
        synchronized (clock) {
            if (clock.instant().isBefore(until)) {
                clock.set(until);
            }
        }
    }

    /** A client with these catalog settings that has selected the project's first testing data space. */
    CommerceServicesClient client(Path stateDirectory, CatalogSyncSettings settings) {
        CommerceServicesClient client = builder(stateDirectory).catalogSync(settings).build();
        client.dataSpaces().select(project.id(), dataSpaceId);
        return client;
    }

    /** What the data space holds for a feed, by SKU (products). */
    Map<String, Map<String, Object>> productsHeld() {
        Map<String, Map<String, Object>> bySku = new HashMap<>();
        for (Map<String, Object> item : account.items(dataSpaceId, Feed.PRODUCTS)) {
            bySku.put((String) item.get("sku"), item);
        }
        return bySku;
    }

    /** The feed requests received, with their statuses. */
    List<RecordedRequest> feedRequests() {
        return gateway.requests().stream().filter(request -> request.path().startsWith("feeds/")).toList();
    }

    /** A product numbered {@code n} at a version: its name and quantity change with the version. */
    static Product product(int n, int version) {
        return Product.builder().sku(String.format("SKU-%05d", n)).storeViewCode("default").name("Product " + n
                + " v" + version).type("simple").status("Enabled").urlKey("product-" + n)
                .description("A product described at some length so that the JSON has a realistic size, number " + n)
                .weight(new BigDecimal("1.5")).addCategoryData(String.valueOf(n % 20), "category/" + (n % 20), n % 7)
                .addImage(Product.MediaResource.of("https://cdn.example/" + n + ".jpg", "front", "image", "thumbnail"),
                        "1")
                .inStock(true).inventory(inventory -> inventory.qty(version))
                .updatedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)).build();
    }

    /** A catalog of {@code count} items made on the fly: it is never held in memory as a whole. */
    static Iterable<FeedItem> generated(int count, IntFunction<FeedItem> item) {
        return LazyItems.of(count, item);
    }

    @Override
    public void close() {
        gateway.close();
        account.close();
    }
}

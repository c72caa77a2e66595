package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.RecordedRequest;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whom a feed's {@code 429} holds back, in real time over HTTP: every feed of the same data space (two feeds
 * syncing at once against a guardrail half their pace send nothing inside a {@code Retry-After} window), and not
 * the registry (a registry call made while a feed waits out a window is answered at once).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RetryAfterScopeTest {
    @TempDir
    Path stateDirectory;

    private FakeCommerceServices account;
    private FakeGateway gateway;
    private CommerceServicesClient client;

    @BeforeEach
    void start() {
        account = FakeCommerceServices.builder().clock(TestClock.system()).build();
        gateway = FakeGateway.builder().services(account).rateLimit(2, Duration.ofSeconds(1)).start();
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(TestKeys.credentialsFor(gateway));
        client = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(gateway.baseUri())
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(4).withBatchSize(20))
                .stateDirectory(stateDirectory)
                .build();
        SaasProject project = account.addProject("Shop");
        client.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());
    }

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
        account.close();
    }

    private static List<FeedItem> products(int count) {
        return IntStream.range(0, count).<FeedItem>mapToObj(n -> Product.builder().sku("SCOPE-" + n)
                .storeViewCode("default").name("Scope product " + n).build()).toList();
    }

    private static List<FeedItem> prices(int count) {
        return IntStream.range(0, count).<FeedItem>mapToObj(n -> Price.builder().sku("SCOPE-" + n)
                .customerGroupCode("0").websiteCode("base").regular(10 + n).build()).toList();
    }

    @Test
    void twoFeedsOfOneDataSpaceShareItsRetryAfterWindows() {
        CompletableFuture<SyncReport> productSync = CompletableFuture.supplyAsync(
                () -> client.catalog().sync(Feed.PRODUCTS, products(200)));
        SyncReport priceReport = client.catalog().sync(Feed.PRICES, prices(200));
        SyncReport productReport = productSync.join();

        long throttled = gateway.requests().stream().filter(request -> request.status() == 429).count();
        assertTrue(throttled > 0, "the two feeds at 4 requests/s against a guardrail of 2 were throttled");
        assertEquals(0, gateway.requestsInsideRetryAfter(), "requests inside a Retry-After window");
        assertTrue(productReport.isComplete() && priceReport.isComplete(), productReport + " " + priceReport);
    }

    @Test
    void aFeedsRetryAfterDoesNotHoldBackTheRegistry() throws Exception {
        gateway.failures().when(call -> call.is(FakeOperation.SEND_FEED)).times(1)
                .respond(Fault.throttle(Duration.ofSeconds(5)));
        CompletableFuture<SyncReport> sync = CompletableFuture.supplyAsync(
                () -> client.catalog().sync(Feed.PRODUCTS, products(20)));
        while (gateway.requests().stream().noneMatch(request -> request.status() == 429)) {
            Thread.sleep(10);
        }

        assertEquals(1, client.projects().list().size());
        SyncReport report = sync.get(60, TimeUnit.SECONDS);

        List<RecordedRequest> requests = gateway.requests();
        RecordedRequest throttled = requests.stream().filter(request -> request.status() == 429).findFirst()
                .orElseThrow();
        RecordedRequest registry = requests.stream().filter(request -> request.path().endsWith("registry")
                && request.at().isAfter(throttled.at())).findFirst().orElseThrow();
        RecordedRequest resent = requests.stream().filter(request -> request.path().startsWith("feeds/")
                && request.status() == 200).findFirst().orElseThrow();
        assertTrue(registry.at().isBefore(resent.at()), "the registry call went out during the feed's window");
        assertTrue(Duration.between(throttled.at(), resent.at()).compareTo(Duration.ofSeconds(5)) >= 0,
                "the feed waited out its Retry-After: " + Duration.between(throttled.at(), resent.at()));
        assertEquals(20, report.sent());
    }
}

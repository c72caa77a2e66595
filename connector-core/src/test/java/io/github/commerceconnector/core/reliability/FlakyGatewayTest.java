package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.testsupport.WaitRecorder;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FeedChaos;
import io.github.commerceconnector.testkit.RecordedRequest;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A catalog sync through {@link CommerceServicesClient} over HTTP against a {@link FakeGateway} that behaves like a
 * flaky production gateway: a guardrail answering {@code 429} with {@code Retry-After}, every 7th feed request
 * {@code 503} and every 11th applied then reset; every 3rd {@code 503} and every 5th applied then reset (so often
 * that the circuit breaker opens); both together; and random mixes under several seeds. Every run ends with the
 * gateway holding exactly the catalog, every item accepted, no request inside a {@code Retry-After} window, and the
 * report's requests and bytes equal to what the gateway counted. The client starts at twice the guardrail's rate,
 * as a client does that does not know the gateway's limit, so {@code 429}s happen. The 20,000-product runs and the
 * random mixes use a guardrail of 20 requests a second, and the 20,000-product runs batches of 500 items (the
 * gateway's item limit raised to match), to keep the suite short; the mechanics are those of the 2 a second runs.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FlakyGatewayTest {
    private static final FeedChaos EVERY_7TH_503_EVERY_11TH_RESET = FeedChaos.builder().failEvery(7, 503)
            .resetAfterApplyingEvery(11).build();
    private static final FeedChaos EVERY_3RD_503_EVERY_5TH_RESET = FeedChaos.builder().failEvery(3, 503)
            .resetAfterApplyingEvery(5).build();
    private static final FeedChaos BOTH = FeedChaos.builder().add(EVERY_7TH_503_EVERY_11TH_RESET)
            .add(EVERY_3RD_503_EVERY_5TH_RESET).build();
    private static final List<String> FIGURES = new ArrayList<>();

    @TempDir
    Path stateDirectory;

    /** One flaky gateway: its guardrail (0 for none) and the faults it adds. */
    record Mix(String name, double rate, FeedChaos chaos) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> mixes() {
        Mix guardrail = new Mix("guardrail 2/s, Retry-After 2 s, every 7th 503, every 11th reset", 2,
                EVERY_7TH_503_EVERY_11TH_RESET);
        Mix often = new Mix("every 3rd 503, every 5th reset", 0, EVERY_3RD_503_EVERY_5TH_RESET);
        Mix both = new Mix("guardrail 2/s, Retry-After 2 s, both mixes", 2, BOTH);
        Mix fastGuardrail = new Mix("guardrail 20/s, Retry-After 1 s, every 7th 503, every 11th reset", 20,
                EVERY_7TH_503_EVERY_11TH_RESET);
        Mix fastBoth = new Mix("guardrail 20/s, Retry-After 1 s, both mixes", 20, BOTH);
        return Stream.of(Arguments.of(guardrail, 1_000), Arguments.of(often, 1_000), Arguments.of(both, 1_000),
                Arguments.of(fastGuardrail, 20_000), Arguments.of(often, 20_000), Arguments.of(fastBoth, 20_000));
    }

    static Stream<Arguments> randomMixes() {
        return Stream.of(11L, 23L, 42L).map(seed -> Arguments.of(new Mix("guardrail 20/s, 30% 503, 15% reset, seed "
                + seed, 20, FeedChaos.builder().failRandomly(0.3, 503).resetAfterApplyingRandomly(0.15).seed(seed)
                .build()), 2_000));
    }

    @ParameterizedTest(name = "{1} products, {0}")
    @MethodSource("mixes")
    void aSyncRidesOutAFlakyGatewayAndNeverSendsInsideRetryAfter(Mix mix, int products) {
        syncThrough(mix, products);
    }

    @ParameterizedTest(name = "{1} products, {0}")
    @MethodSource("randomMixes")
    void aSyncRidesOutRandomFaultsUnderEverySeed(Mix mix, int products) {
        syncThrough(mix, products);
    }

    @AfterAll
    static void printFigures() {
        System.out.println("Flaky gateway figures:");
        FIGURES.forEach(figure -> System.out.println("  " + figure));
    }

    private void syncThrough(Mix mix, int products) {
        Duration retryAfter = Duration.ofSeconds(mix.rate() > 2 ? 1 : 2);
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = guardrail(FakeGateway.builder().services(account), mix, retryAfter)
                        .feedChaos(mix.chaos()).itemLimit(batch(products)).requestLogLimit(100_000).start();
                CommerceServicesClient client = client(gateway, mix, batch(products))) {
            SaasProject project = account.addProject("Flaky shop");
            String dataSpaceId = project.testingDataSpaces().get(0).id();
            client.dataSpaces().select(project.id(), dataSpaceId);
            WaitRecorder waits = new WaitRecorder();
            long started = System.nanoTime();

            SyncReport report = client.catalog().sync(Feed.PRODUCTS, catalog(products), waits);

            List<RecordedRequest> feedRequests = gateway.requests().stream()
                    .filter(request -> request.path().startsWith("feeds/")).toList();
            long throttled = feedRequests.stream().filter(request -> request.status() == 429).count();
            long failed = feedRequests.stream().filter(request -> request.status() >= 500).count();
            long reset = feedRequests.stream().filter(request -> request.fault().isPresent()).count();
            FIGURES.add(String.format("%,6d products, %-62s %4d requests: %3d x 429, %3d x 5xx, %3d reset; waits %s; "
                    + "%,d ms", products, mix + ":", feedRequests.size(), throttled, failed, reset, count(waits),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));

            assertEquals(0, gateway.requestsInsideRetryAfter(), "requests inside a Retry-After window");
            assertTrue(report.isComplete(), report.toString());
            assertEquals(products, report.sent());
            assertHoldsExactlyTheCatalog(account, dataSpaceId, products);
            assertEquals(feedRequests.size(), report.requests(), "feed requests, as the gateway counted them");
            assertEquals(feedRequests.stream().mapToLong(request -> request.wireBody().length).sum(),
                    report.bytesSent(), "request bytes, as the gateway counted them");
            assertTrue(failed + reset > 0, "the gateway's faults fired");
            FeedStatus status = client.catalog().status(Feed.PRODUCTS);
            assertEquals(products, status.accepted());
            assertEquals(0, status.retryable() + status.unconfirmed());
        }
    }

    private static Map<String, Long> count(WaitRecorder waits) {
        return waits.events().stream().collect(Collectors.groupingBy(event -> event, TreeMap::new,
                Collectors.counting()));
    }

    private static FakeGateway.Builder guardrail(FakeGateway.Builder builder, Mix mix, Duration retryAfter) {
        return mix.rate() == 0 ? builder.noRateLimit() : builder.rateLimit(mix.rate(), retryAfter);
    }

    private static int batch(int products) {
        return products >= 20_000 ? 500 : Feed.PRODUCTS.defaultBatchSize();
    }

    private CommerceServicesClient client(FakeGateway gateway, Mix mix, int batch) {
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(TestKeys.credentialsFor(gateway));
        return CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(gateway.baseUri())
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .circuitBreaker(CircuitBreakerSettings.defaults().withOpenDuration(Duration.ofSeconds(1)))
                .catalogSync(CatalogSyncSettings.defaults().withBatchSize(batch)
                        .withRequestsPerSecond(mix.rate() == 0 ? 20 : 2 * mix.rate()))
                .stateDirectory(stateDirectory)
                .build();
    }

    private static List<FeedItem> catalog(int products) {
        return IntStream.range(0, products).<FeedItem>mapToObj(n -> Product.builder().sku(sku(n))
                .storeViewCode("default").name(name(n)).build()).toList();
    }

    private static String sku(int n) {
        return String.format("FLAKY-%05d", n);
    }

    private static String name(int n) {
        return "Flaky gateway product " + n;
    }

    private static void assertHoldsExactlyTheCatalog(FakeCommerceServices account, String dataSpaceId, int products) {
        Map<String, Object> held = new HashMap<>();
        for (Map<String, Object> item : account.items(dataSpaceId, Feed.PRODUCTS)) {
            held.put((String) item.get("sku"), item.get("name"));
        }
        assertEquals(products, held.size(), "items held");
        for (int n = 0; n < products; n++) {
            assertEquals(name(n), held.get(sku(n)), "item " + n);
        }
    }
}

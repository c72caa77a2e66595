package io.github.commerceconnector.core.internal.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.GenericItem;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.spi.InMemorySyncStateStore;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.internal.guard.DataSpaceGuard;
import io.github.commerceconnector.core.testsupport.WaitRecorder;
import io.github.commerceconnector.core.internal.http.GatewayErrors;
import io.github.commerceconnector.core.internal.http.GatewaySettings;
import io.github.commerceconnector.core.internal.http.HttpGatewayCaller;
import io.github.commerceconnector.core.internal.http.JdkHttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What each gateway outcome of PROTOCOL.md section 5 does to the items of a batch, against WireMock. */
@Timeout(60)
class FeedOutcomeTest {
    private static final String DATA_SPACE = "ds-7";
    private static final String FEED = "/feeds/catalog/v2/products/" + DATA_SPACE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(2), null,
            HttpClient.Version.HTTP_1_1);
    private final AtomicReference<SaasIdentity> selection = new AtomicReference<>(
            new SaasIdentity("project-1", "Shop", DATA_SPACE, "Testing 1", DataSpaceType.TESTING, null));
    private final InMemorySyncStateStore store = new InMemorySyncStateStore();

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    private CatalogSyncClient client(CatalogSyncSettings settings) {
        return client(settings, CircuitBreakerSettings.defaults());
    }

    private CatalogSyncClient client(CatalogSyncSettings settings, CircuitBreakerSettings breaker) {
        GatewaySettings gatewaySettings = new GatewaySettings(URI.create(gateway.baseUrl() + "/"), "test-agent/1",
                Timeouts.defaults().withAttempt(Duration.ofSeconds(2)), RetrySettings.defaults(), breaker);
        HttpGatewayCaller caller = new HttpGatewayCaller(gatewaySettings, transport,
                () -> Map.of("x-api-key", "key-for-tests"),
                new GatewayErrors(Environment.SANDBOX, GatewayErrors.KEY_PAIR_ADVICE), clock, sleeper);
        return new HttpCatalogSyncClient(caller, () -> Optional.ofNullable(selection.get()),
                new DataSpaceGuard(Installation.NON_PRODUCTION, null), store, settings, Edition.ADOBE_COMMERCE,
                clock, sleeper);
    }

    private CatalogSyncClient client() {
        return client(CatalogSyncSettings.defaults().withGzip(false, 1).withRequestsPerSecond(0));
    }

    private static List<FeedItem> products(String... skus) {
        List<FeedItem> items = new ArrayList<>();
        for (String sku : skus) {
            items.add(GenericItem.of(Map.of("sku", sku, "storeViewCode", "default", "name", "Item " + sku)));
        }
        return items;
    }

    private List<LoggedRequest> feedPosts() {
        return gateway.findAll(postRequestedFor(urlEqualTo(FEED)));
    }

    @Test
    void invalidFeedItemsInBothFormsAreRejectedAndTheRestAccepted() {
        gateway.stubFor(post(FEED).willReturn(aResponse().withStatus(200).withBody("""
                {"invalidFeedItems":[{"itemIndex":1,"code":"INVALID","message":"name is required"},
                                     {"field":"/3/urlKey","message":"must be unique"},
                                     {"itemIndex":99,"message":"no such item"}]}""")));
        CatalogSyncClient client = client();
        SyncReport report = client.sync(Feed.PRODUCTS, products("A", "B", "C", "D", "E"));

        assertEquals(3, report.sent());
        assertEquals(2, report.rejectedCount());
        RejectedItem byIndex = report.rejected().stream().filter(item -> item.position() == 1).findFirst().orElseThrow();
        assertEquals(ItemKey.of(Feed.PRODUCTS, "B", "default"), byIndex.key());
        assertEquals("name is required", byIndex.reason());
        assertEquals("INVALID", byIndex.code());
        RejectedItem byField = report.rejected().stream().filter(item -> item.position() == 3).findFirst().orElseThrow();
        assertEquals("urlKey", byField.field());
        assertEquals("urlKey: must be unique", byField.reason());
        FeedStatus status = client.status(Feed.PRODUCTS);
        assertEquals(3, status.accepted());
        assertEquals(2, status.rejected());
    }

    @Test
    void aWhollyRefusedBatchIsSplitUntilTheBadItemIsFound() {
        gateway.stubFor(post(FEED).willReturn(aResponse().withStatus(200)));
        gateway.stubFor(post(FEED).withRequestBody(containing("\"BAD\"")).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":400,\"statusText\":\"Bad Request\",\"message\":\"Malformed item\"}")));
        SyncReport report = client().sync(Feed.PRODUCTS, products("A", "B", "C", "BAD", "E", "F", "G", "H"));

        assertEquals(7, report.sent());
        assertEquals(1, report.rejectedCount());
        assertEquals(ItemKey.of(Feed.PRODUCTS, "BAD", "default"), report.rejected().get(0).key());
        assertTrue(report.rejected().get(0).reason().contains("Malformed item"), report.rejected().get(0).reason());
        assertEquals(1 + 2 + 2 + 2, feedPosts().size(), "8 items, the bad one isolated in three halvings");
    }

    @Test
    void withoutSplittingAWhollyRefusedBatchIsRejectedAsAWhole() {
        gateway.stubFor(post(FEED).willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Malformed\"}")));
        SyncReport report = client(CatalogSyncSettings.defaults().withRequestsPerSecond(0)
                .withSplitRejectedBatches(false)).sync(Feed.PRODUCTS, products("A", "B", "C"));
        assertEquals(3, report.rejectedCount());
        assertEquals(1, feedPosts().size());
    }

    @Test
    void aBatchTooLargeForTheGatewayIsSentInHalves() {
        gateway.stubFor(post(FEED).willReturn(aResponse().withStatus(200)));
        gateway.stubFor(post(FEED).withRequestBody(matchingJsonPath("$[3]"))
                .willReturn(aResponse().withStatus(413).withBody("{\"message\":\"Too many items\"}")));
        SyncReport report = client().sync(Feed.PRODUCTS, products("A", "B", "C", "D", "E", "F", "G", "H", "I", "J"));
        assertEquals(10, report.sent());
        assertEquals(1 + 2 + 4, feedPosts().size(), "10 refused, 5 and 5 refused, then 2, 3, 2 and 3 accepted");
    }

    @Test
    void refusedKeysStopTheCallWithoutRecordingAnything() {
        gateway.stubFor(post(FEED).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"JWT is invalid\"}")));
        CatalogSyncClient client = client();
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> client.sync(Feed.PRODUCTS, products("A", "B", "C")));
        assertEquals(401, refused.statusCode());
        FeedStatus status = client.status(Feed.PRODUCTS);
        assertEquals(0, status.accepted() + status.rejected() + status.retryable());
        assertNull(status.lastSync());
    }

    @Test
    void throttledBatchesWaitOutEveryRetryAfterUntilTheSyncDeadlineThenAreKept() {
        gateway.stubFor(post(FEED).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        CatalogSyncClient client = client(CatalogSyncSettings.defaults().withGzip(false, 1)
                .withSyncDeadline(Duration.ofSeconds(30)));
        Instant started = clock.instant();
        WaitRecorder waits = new WaitRecorder();
        SyncDeadlineExceededException ended = assertThrows(SyncDeadlineExceededException.class,
                () -> client.sync(Feed.PRODUCTS, products("A", "B"), waits));

        assertEquals(2, ended.report().retryable());
        assertEquals(2, client.status(Feed.PRODUCTS).retryable());
        assertTrue(ended.failingFor().compareTo(Duration.ofSeconds(30)) >= 0, ended.failingFor().toString());
        Duration elapsed = Duration.between(started, clock.instant());
        int posts = feedPosts().size();
        assertTrue(posts > RetrySettings.DEFAULT_MAX_ATTEMPTS, "sent again after the transport's retries: " + posts);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(2L * (posts - 1))) >= 0,
                posts + " requests in " + elapsed + ": each after the last one's 2 s Retry-After");
        assertEquals(List.of(SyncWait.Reason.THROTTLED), waits.waits().stream().map(SyncWait::reason).distinct().toList());
        assertTrue(((HttpCatalogSyncClient) client).limiter(DATA_SPACE).rate() < 2.0, "the limiter backed off");
    }

    @Test
    void aBatchTheOpenCircuitBreakerHoldsBackIsProbedOnceTheBreakerAllowsThenSent() {
        gateway.stubFor(post(FEED).inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        gateway.stubFor(post(FEED).inScenario("outage").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        gateway.stubFor(post(FEED).inScenario("outage").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        CatalogSyncClient client = client(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withBatchSize(2)
                .withMaxInFlight(1), CircuitBreakerSettings.defaults().withWindow(2, 2)
                .withOpenDuration(Duration.ofSeconds(2)));
        WaitRecorder waits = new WaitRecorder();
        SyncReport report = client.sync(Feed.PRODUCTS, products("A", "B", "C", "D"), waits);

        assertEquals(4, report.sent(), "the first batch waited for the breaker instead of failing");
        assertTrue(report.isComplete(), report.toString());
        assertEquals(List.of("ENDPOINT_FAILING", "BREAKER_OPEN", "RESUMED"), waits.events());
        assertEquals(2 + 2, feedPosts().size(), "two failures, the probe, the second batch");
    }

    @Test
    void feedRequestsAreGzippedJsonArraysWithTheConnectorMetadata() throws Exception {
        gateway.stubFor(post(FEED).willReturn(aResponse().withStatus(200)));
        client(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withMetadata("2.4.7", "exporter/1.0"))
                .sync(Feed.PRODUCTS, products("A", "B"));
        LoggedRequest request = feedPosts().get(0);
        assertEquals("gzip", request.getHeader("Content-Encoding"));
        assertEquals("application/json", request.getHeader("Content-Type"));
        assertEquals("{\"commerceEdition\":\"ee\",\"commerceVersion\":\"2.4.7\",\"saasExporterVersion\":\"exporter/1.0\"}",
                request.getHeader("service-connector-metadata"));
        assertEquals(JSON.readTree("[{\"sku\":\"A\",\"storeViewCode\":\"default\",\"name\":\"Item A\"},"
                + "{\"sku\":\"B\",\"storeViewCode\":\"default\",\"name\":\"Item B\"}]"),
                JSON.readTree(request.getBodyAsString()), "WireMock shows the body decompressed");
    }

    @Test
    void batchesAreCappedByBytesAsWellAsByCount() {
        gateway.stubFor(post(FEED).willReturn(aResponse().withStatus(200)));
        List<FeedItem> items = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            items.add(GenericItem.of(Map.of("sku", "S" + n, "storeViewCode", "default", "description", "x".repeat(400))));
        }
        SyncReport report = client(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withGzip(false, 1)
                .withMaxBatchBytes(1500)).sync(Feed.PRODUCTS, items);
        assertEquals(10, report.sent());
        assertEquals(4, feedPosts().size(), "three items of about 450 bytes per 1500-byte request");
        assertTrue(feedPosts().stream().allMatch(request -> request.getBody().length <= 1500));
    }

    @Test
    void theReadingThreadWaitsWhileEverySenderIsBusy() {
        gateway.stubFor(post(FEED).willReturn(aResponse().withStatus(200).withFixedDelay(30)));
        AtomicLong accepted = new AtomicLong();
        AtomicLong mostReadAhead = new AtomicLong();
        Iterable<FeedItem> items = () -> IntStream.range(0, 30).mapToObj(n -> {
            mostReadAhead.accumulateAndGet(n - accepted.get(), Math::max);
            return (FeedItem) GenericItem.of(Map.of("sku", "S" + n, "storeViewCode", "default"));
        }).iterator();
        CatalogSyncSettings settings = CatalogSyncSettings.defaults().withRequestsPerSecond(0).withBatchSize(1)
                .withMaxInFlight(2);
        SyncReport report = client(settings).sync(Feed.PRODUCTS, items, new SyncListener() {
                    @Override
                    public void progress(SyncProgress progress) {
                        accepted.set(progress.sent());
                    }
                });
        assertEquals(30, report.sent());
        long bound = 3 + SyncRun.preparedAhead(settings, Feed.PRODUCTS);
        assertTrue(mostReadAhead.get() <= bound, "read ahead of the gateway: at most the 2 requests in flight, "
                + "the batch being filled and the items being prepared (" + bound + "), got " + mostReadAhead.get());
        assertTrue(mostReadAhead.get() >= 1, "requests do overlap with reading");
    }

    @Test
    void aProductionDataSpaceIsRefusedBeforeAnyRequest() {
        selection.set(new SaasIdentity("project-1", "Shop", "prod-1", "Production", DataSpaceType.PRODUCTION, null));
        DataSpaceGuardException refused = assertThrows(DataSpaceGuardException.class,
                () -> client().sync(Feed.PRODUCTS, products("A")));
        assertEquals("prod-1", refused.dataSpaceId());
        assertEquals(0, gateway.getAllServeEvents().size());
    }

    @Test
    void noSelectedDataSpaceSaysWhatToDo() {
        selection.set(null);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> client().sync(Feed.PRODUCTS, products("A")));
        assertTrue(missing.getMessage().contains("dataSpaces().select"), missing.getMessage());
    }
}

package io.github.commerceconnector.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FeedChaos;
import io.github.commerceconnector.testkit.RecordedRequest;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many clients on one {@link CommerceServicesRuntime}, through the public API against {@link FakeGateway}s on
 * loopback: every merchant's catalog ends exact in its own data space while the runtime's threads stay within its
 * sizes and no client starts threads of its own; merchants whose gateway throttles them for an hour, fails every
 * request or refuses their keys do not hold the sending threads, so the healthy merchants on a runtime of two
 * sending threads finish while those are still held back; a flaky gateway through a runtime ends exact with no
 * request inside a {@code Retry-After} window; and the closing rules. Judged on counts and order at the gateways,
 * never on durations.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CommerceServicesRuntimeTest {
    private static final List<String> OWN_THREAD_PREFIXES = List.of("catalog-sync-", "catalog-prepare-",
            "commerce-connector-http-");

    @Test
    void manyClientsOnOneRuntimeSyncExactlyWithinTheRuntimesThreads() throws Exception {
        int merchants = 12;
        int products = 300;
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(20).requestLogLimit(100_000)
                        .start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-many")
                        .sendingThreads(3).preparingThreads(2).httpThreads(1).maxRequestsInFlight(8).build();
                ThreadSampler threads = new ThreadSampler("rt-many-")) {
            List<Merchant> shop = new ArrayList<>();
            for (int m = 0; m < merchants; m++) {
                shop.add(merchant(account, gateway, runtime, "many-" + m, TestKeys.credentialsFor(gateway), 10));
            }

            List<SyncReport> reports = syncAll(shop, products);

            for (int m = 0; m < merchants; m++) {
                assertTrue(reports.get(m).isComplete(), reports.get(m).toString());
                assertEquals(products, reports.get(m).sent());
                assertHolds(account, shop.get(m), products);
            }
            assertEquals(merchants * (products / Feed.PRODUCTS.defaultBatchSize()), feedRequests(gateway).size());
            assertTrue(threads.peak() <= 3 + 2 + 1 + 1, "runtime threads at most " + threads.peak());
            assertTrue(threads.peak() >= 3, "the sampler saw the runtime's threads: " + threads.peak());
            assertEquals(List.of(), threads.ownThreadsSeen(), "threads of a client's or call's own");
            shop.forEach(Merchant::close);
        }
    }

    @Test
    void smallCatalogsAreNotStarvedByOneBigCatalogOnTheSameRuntime() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(20).requestLogLimit(100_000)
                        .start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-big")
                        .sendingThreads(2).preparingThreads(1).maxRequestsInFlight(4).build()) {
            Merchant big = merchant(account, gateway, runtime, "big", TestKeys.credentialsFor(gateway), 10);
            List<Merchant> small = new ArrayList<>();
            for (int m = 0; m < 4; m++) {
                small.add(merchant(account, gateway, runtime, "small-" + m, TestKeys.credentialsFor(gateway), 10));
            }
            ExecutorService caller = Executors.newSingleThreadExecutor();
            Future<SyncReport> bigSync = caller.submit(() -> big.client().catalog().sync(Feed.PRODUCTS,
                    catalog("big", 10_000)));
            awaitRequests(gateway, 3);

            List<SyncReport> reports = syncAll(small, 200);

            assertFalse(bigSync.isDone(), "the big catalog (100 requests at 10/s) is still being sent");
            for (int m = 0; m < small.size(); m++) {
                assertTrue(reports.get(m).isComplete(), reports.get(m).toString());
                assertHolds(account, small.get(m), 200);
            }
            assertTrue(bigSync.get().isComplete());
            assertHolds(account, big, 10_000);
            caller.shutdown();
            small.forEach(Merchant::close);
            big.close();
        }
    }

    @Test
    void merchantsHeldBackByTheirGatewayOrKeysDoNotHoldTheSendingThreads() throws Exception {
        int products = 400;
        try (FakeCommerceServices healthyAccount = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeCommerceServices heldAccount = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway healthy = FakeGateway.builder().services(healthyAccount).rateLimit(20)
                        .requestLogLimit(100_000).start();
                FakeGateway throttling = FakeGateway.builder().services(heldAccount)
                        .rateLimit(0.001, Duration.ofHours(1)).requestLogLimit(100_000).start();
                FakeCommerceServices failingAccount = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway failing = FakeGateway.builder().services(failingAccount).noRateLimit()
                        .feedChaos(FeedChaos.builder().failEvery(1, 503).build()).requestLogLimit(100_000).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-held")
                        .sendingThreads(2).build()) {
            List<Merchant> held = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                held.add(merchant(heldAccount, throttling, runtime, "throttled-" + m,
                        TestKeys.credentialsFor(throttling), 20));
                held.add(merchant(failingAccount, failing, runtime, "failing-" + m,
                        TestKeys.credentialsFor(failing), 20));
            }
            ExecutorService callers = Executors.newCachedThreadPool();
            List<Future<SyncReport>> heldSyncs = new ArrayList<>();
            for (Merchant merchant : held) {
                heldSyncs.add(callers.submit(() -> merchant.client().catalog().sync(Feed.PRODUCTS,
                        catalog(merchant.name(), products))));
            }
            awaitRequests(throttling, 3 * 2);
            awaitRequests(failing, 3 * 2);
            Merchant wrongKeys = merchant(healthyAccount, healthy, runtime, "wrong-keys",
                    TestKeys.credentials(Environment.SANDBOX), 20);
            List<Merchant> fine = new ArrayList<>();
            for (int m = 0; m < 4; m++) {
                fine.add(merchant(healthyAccount, healthy, runtime, "healthy-" + m,
                        TestKeys.credentialsFor(healthy), 20));
            }
            Future<SyncReport> refused = callers.submit(() -> wrongKeys.client().catalog().sync(Feed.PRODUCTS,
                    catalog(wrongKeys.name(), products)));

            List<SyncReport> reports = syncAll(fine, products);

            for (int m = 0; m < fine.size(); m++) {
                assertTrue(reports.get(m).isComplete(), reports.get(m).toString());
                assertHolds(healthyAccount, fine.get(m), products);
            }
            ExecutionException keys = assertThrows(ExecutionException.class, refused::get);
            assertInstanceOf(AuthenticationException.class, keys.getCause());
            for (Future<SyncReport> sync : heldSyncs) {
                assertFalse(sync.isDone(), "a held-back merchant's sync still waits for its gateway");
            }
            for (Merchant merchant : held) {
                assertTrue(feedRequests(merchant.name().startsWith("failing") ? failing : throttling).stream()
                        .anyMatch(r -> r.path().endsWith(merchant.dataSpaceId()) && r.status() >= 429),
                        merchant.name() + " was refused (429 for an hour, or 503)");
            }

            runtime.close();

            for (Future<SyncReport> sync : heldSyncs) {
                ExecutionException stopped = assertThrows(ExecutionException.class, sync::get);
                assertInstanceOf(ConnectorClientException.class, stopped.getCause());
                assertTrue(stopped.getCause().getMessage().contains("rt-held is closed"),
                        stopped.getCause().getMessage());
            }
            for (Merchant merchant : held) {
                FeedStatus status = merchant.client().catalog().status(Feed.PRODUCTS);
                FakeCommerceServices account = merchant.name().startsWith("failing") ? failingAccount : heldAccount;
                assertEquals(account.items(merchant.dataSpaceId(), Feed.PRODUCTS).size(), status.accepted(),
                        merchant.name() + ": accepted as the gateway holds them, " + status);
                assertEquals(0, status.rejected(), merchant.name() + ": " + status);
            }
            callers.shutdownNow();
            held.forEach(Merchant::close);
            fine.forEach(Merchant::close);
            wrongKeys.close();
        }
    }

    @Test
    void aFlakyGatewayThroughARuntimeEndsExactWithNoRequestInsideRetryAfter() throws Exception {
        int products = 2_000;
        FeedChaos chaos = FeedChaos.builder().failEvery(7, 503).resetAfterApplyingEvery(11).build();
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(5, Duration.ofSeconds(1))
                        .feedChaos(chaos).requestLogLimit(100_000).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-flaky")
                        .sendingThreads(2).build()) {
            List<Merchant> shop = List.of(merchant(account, gateway, runtime, "flaky-a",
                    TestKeys.credentialsFor(gateway), 10), merchant(account, gateway, runtime, "flaky-b",
                    TestKeys.credentialsFor(gateway), 40));

            List<SyncReport> reports = syncAll(shop, products);

            List<RecordedRequest> requests = feedRequests(gateway);
            assertEquals(0, gateway.requestsInsideRetryAfter(), "requests inside a Retry-After window");
            assertTrue(requests.stream().anyMatch(r -> r.status() == 429), "the guardrail throttled");
            assertTrue(requests.stream().anyMatch(r -> r.status() >= 500 || r.fault().isPresent()), "faults fired");
            long reported = 0;
            for (int m = 0; m < shop.size(); m++) {
                assertTrue(reports.get(m).isComplete(), reports.get(m).toString());
                assertEquals(products, reports.get(m).sent());
                assertHolds(account, shop.get(m), products);
                FeedStatus status = shop.get(m).client().catalog().status(Feed.PRODUCTS);
                assertEquals(products, status.accepted());
                assertEquals(0, status.retryable() + status.unconfirmed());
                reported += reports.get(m).requests();
            }
            assertEquals(requests.size(), reported, "feed requests, as the gateway counted them");
            shop.forEach(Merchant::close);
        }
    }

    @Test
    void aDeadGatewayEndsTheSyncAtItsDeadlineWithTheBatchesInFlightRetryable() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit()
                        .feedChaos(FeedChaos.builder().failEvery(1, 503).build()).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-dead")
                        .sendingThreads(1).build()) {
            SaasProject project = account.addProject("Dead shop");
            SelectionStore selection = SelectionStore.inMemory();
            CredentialStore credentials = CredentialStores.inMemory();
            credentials.put(TestKeys.credentialsFor(gateway));
            try (CommerceServicesClient client = CommerceServicesClient.builder().environment(Environment.SANDBOX)
                    .credentials(credentials).installation(Installation.NON_PRODUCTION).endpoint(gateway.baseUri())
                    .runtime(runtime).selectionStore(selection)
                    .circuitBreaker(CircuitBreakerSettings.defaults().withOpenDuration(Duration.ofSeconds(1)))
                    .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0)
                            .withSyncDeadline(Duration.ofSeconds(2)))
                    .build()) {
                client.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());

                SyncDeadlineExceededException ended = assertThrows(SyncDeadlineExceededException.class,
                        () -> client.catalog().sync(Feed.PRODUCTS, catalog("dead", 1_000)));

                FeedStatus status = client.catalog().status(Feed.PRODUCTS);
                assertEquals(0, status.accepted());
                assertTrue(status.retryable() > 0, status.toString());
                assertEquals(status.retryable(), ended.report().retryable(), ended.report().toString());
                SyncReport report = ended.report();
                assertEquals(report.processed(), report.unchanged() + report.sent() + report.rejectedCount()
                        + report.retryable() + report.deleted(), "every processed item is counted: " + report);
                assertTrue(feedRequests(gateway).stream().allMatch(r -> r.status() == 503));
            }
        }
    }

    @Test
    void closingAClientKeepsTheRuntimeAndClosingTheRuntimeEndsItsThreadsAndRefusesWork() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit().start()) {
            CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-close").build();
            Merchant first = merchant(account, gateway, runtime, "close-a", TestKeys.credentialsFor(gateway), 0);
            Merchant second = merchant(account, gateway, runtime, "close-b", TestKeys.credentialsFor(gateway), 0);
            assertTrue(first.client().catalog().sync(Feed.PRODUCTS, catalog("close-a", 150)).isComplete());

            first.close();

            assertFalse(runtime.isClosed());
            assertTrue(second.client().catalog().sync(Feed.PRODUCTS, catalog("close-b", 150)).isComplete());
            assertHolds(account, second, 150);
            assertTrue(ThreadSampler.count("rt-close-") > 0, "the runtime's threads run");

            runtime.close();
            runtime.close();

            assertTrue(runtime.isClosed());
            assertEquals(0, ThreadSampler.count("rt-close-"), "the runtime's threads ended");
            ConnectorClientException refused = assertThrows(ConnectorClientException.class,
                    () -> second.client().catalog().sync(Feed.PRODUCTS, catalog("close-b", 300)));
            assertTrue(refused.getMessage().contains("CommerceServicesRuntime rt-close is closed"),
                    refused.getMessage());
            ConfigurationException notBuilt = assertThrows(ConfigurationException.class,
                    () -> merchant(account, gateway, runtime, "close-c", TestKeys.credentialsFor(gateway), 0));
            assertTrue(notBuilt.getMessage().contains("the runtime rt-close is closed"), notBuilt.getMessage());
            second.close();
        }
    }

    @Test
    void aRuntimeChecksItsSizesAndAClientOnOneRefusesATransportOfItsOwn() {
        ConfigurationException sizes = assertThrows(ConfigurationException.class, () -> CommerceServicesRuntime
                .builder().sendingThreads(0).preparingThreads(65).maxRequestsInFlight(0).name("bad name").build());
        assertTrue(sizes.getMessage().contains("sendingThreads is 0: give 1 to 256"), sizes.getMessage());
        assertTrue(sizes.getMessage().contains("preparingThreads is 65"), sizes.getMessage());
        assertTrue(sizes.getMessage().contains("maxRequestsInFlight is 0"), sizes.getMessage());
        assertTrue(sizes.getMessage().contains("name 'bad name'"), sizes.getMessage());
        try (CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-conf").build()) {
            CredentialStore credentials = CredentialStores.inMemory();
            credentials.put(TestKeys.credentials(Environment.SANDBOX));
            ConfigurationException both = assertThrows(ConfigurationException.class, () -> CommerceServicesClient
                    .builder().environment(Environment.SANDBOX).credentials(credentials)
                    .installation(Installation.NON_PRODUCTION).runtime(runtime)
                    .httpVersion(HttpClient.Version.HTTP_1_1).build());
            assertTrue(both.getMessage().contains("runtime(...) brings the shared transport"), both.getMessage());
            assertTrue(runtime.toString().contains("rt-conf"), runtime.toString());
        }
    }

    @Test
    void theReadmeExampleSyncsEveryMerchantOnOneRuntime() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit().start()) {
            URI endpoint = gateway.baseUri();
            List<Shop> shops = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                SaasProject project = account.addProject("Readme shop " + n);
                CredentialStore keys = CredentialStores.inMemory();
                keys.put(TestKeys.credentialsFor(gateway));
                shops.add(new Shop("readme-" + n, keys, project.id(), project.testingDataSpaces().get(0).id()));
            }
            Map<String, SyncReport> reports = new ConcurrentHashMap<>();
            // README:begin many merchants on one runtime
            try (CommerceServicesRuntime runtime = CommerceServicesRuntime.builder()
                    .sendingThreads(32)          // threads sending requests, for every merchant together
                    .preparingThreads(2)         // threads reading, validating, hashing and writing items
                    .maxRequestsInFlight(1024)   // batches waiting for their data space's pace or in flight
                    .build()) {
                List<CommerceServicesClient> clients = new ArrayList<>();
                List<CompletableFuture<Void>> syncs = new ArrayList<>();
                for (Shop shop : shops) {
                    CommerceServicesClient client = CommerceServicesClient.builder()
                            .environment(Environment.SANDBOX)
                            .credentials(shop.keys())
                            .installation(Installation.NON_PRODUCTION)
                            .endpoint(endpoint)
                            .runtime(runtime)    // shares its threads and connections; close() leaves it open
                            .build();
                    clients.add(client);
                    client.dataSpaces().select(shop.projectId(), shop.dataSpaceId());
                    syncs.add(client.catalog().syncAsync(Feed.PRODUCTS, shop.catalog())   // holds no thread
                            .thenAccept(report -> reports.put(shop.name(), report)));
                }
                CompletableFuture.allOf(syncs.toArray(CompletableFuture[]::new)).join();
                clients.forEach(CommerceServicesClient::close);
            }   // closing the runtime ends its threads
            // README:end
            for (Shop shop : shops) {
                assertTrue(reports.get(shop.name()).isComplete());
                assertEquals(120, account.items(shop.dataSpaceId(), Feed.PRODUCTS).size());
            }
        }
    }

    /** A shop of the README example. */
    private record Shop(String name, CredentialStore keys, String projectId, String dataSpaceId) {
        List<FeedItem> catalog() {
            return CommerceServicesRuntimeTest.catalog(name, 120);
        }
    }

    /** One merchant: its client on the runtime, syncing into its own data space. */
    record Merchant(String name, CommerceServicesClient client, String dataSpaceId) {
        void close() {
            client.close();
        }
    }

    static Merchant merchant(FakeCommerceServices account, FakeGateway gateway,
            CommerceServicesRuntime runtime, String name, ServiceCredentials keys, double rate) {
        SaasProject project = account.addProject("Shop " + name);
        String dataSpaceId = project.testingDataSpaces().get(0).id();
        SelectionStore selection = SelectionStore.inMemory();
        try (CommerceServicesClient selecting = client(gateway, runtime, TestKeys.credentialsFor(gateway), selection,
                rate)) {
            selecting.dataSpaces().select(project.id(), dataSpaceId);
        }
        return new Merchant(name, client(gateway, runtime, keys, selection, rate), dataSpaceId);
    }

    private static CommerceServicesClient client(FakeGateway gateway, CommerceServicesRuntime runtime,
            ServiceCredentials keys, SelectionStore selection, double rate) {
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(keys);
        return CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(gateway.baseUri())
                .runtime(runtime)
                .selectionStore(selection)
                .retry(RetrySettings.defaults().withMaxRetryAfter(Duration.ofHours(1)))
                .circuitBreaker(CircuitBreakerSettings.defaults().withOpenDuration(Duration.ofSeconds(1)))
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(rate))
                .build();
    }

    private static List<SyncReport> syncAll(List<Merchant> merchants, int products) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(merchants.size());
        try {
            List<Future<SyncReport>> syncs = new ArrayList<>();
            for (Merchant merchant : merchants) {
                syncs.add(callers.submit(() -> merchant.client().catalog().sync(Feed.PRODUCTS,
                        catalog(merchant.name(), products))));
            }
            List<SyncReport> reports = new ArrayList<>();
            for (Future<SyncReport> sync : syncs) {
                reports.add(sync.get());
            }
            return reports;
        } finally {
            callers.shutdownNow();
        }
    }

    static void awaitRequests(FakeGateway gateway, int count) throws InterruptedException {
        while (feedRequests(gateway).size() < count) {
            Thread.sleep(20);
        }
    }

    static List<RecordedRequest> feedRequests(FakeGateway gateway) {
        return gateway.requests().stream().filter(request -> request.path().startsWith("feeds/")).toList();
    }

    static List<FeedItem> catalog(String merchant, int products) {
        return IntStream.range(0, products).<FeedItem>mapToObj(n -> Product.builder().sku(merchant + "-" + n)
                .storeViewCode("default").name("Product " + n + " of " + merchant).build()).toList();
    }

    static void assertHolds(FakeCommerceServices account, Merchant merchant, int products) {
        Map<String, Object> held = new HashMap<>();
        for (Map<String, Object> item : account.items(merchant.dataSpaceId(), Feed.PRODUCTS)) {
            held.put((String) item.get("sku"), item.get("name"));
        }
        assertEquals(products, held.size(), merchant.name() + ": items held");
        for (int n = 0; n < products; n++) {
            assertEquals("Product " + n + " of " + merchant.name(), held.get(merchant.name() + "-" + n));
        }
    }

    /** Samples the live threads: the peak number of a runtime's, and any thread of a client's or call's own. */
    static final class ThreadSampler implements AutoCloseable {
        private final String prefix;
        private final AtomicInteger peak = new AtomicInteger();
        private final List<String> own = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread sampler;

        ThreadSampler(String prefix) {
            this.prefix = prefix;
            this.sampler = new Thread(this::sample, "test-thread-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static int count(String prefix) {
            return (int) live().stream().filter(thread -> thread.getName().startsWith(prefix)).count();
        }

        /** The live threads, without stopping them to take their stacks. */
        private static List<Thread> live() {
            ThreadGroup root = Thread.currentThread().getThreadGroup();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            Thread[] threads = new Thread[root.activeCount() + 64];
            return Arrays.asList(threads).subList(0, root.enumerate(threads, true));
        }

        private void sample() {
            while (running.get()) {
                for (Thread thread : live()) {
                    String name = thread.getName();
                    if (OWN_THREAD_PREFIXES.stream().anyMatch(name::startsWith) && !own.contains(name)) {
                        own.add(name);
                    }
                }
                peak.accumulateAndGet(count(prefix), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int peak() {
            return peak.get();
        }

        List<String> ownThreadsSeen() {
            return List.copyOf(own);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            sampler.join();
        }
    }
}

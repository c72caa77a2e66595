package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.testkit.FakeOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrency: one client shared by eight threads making registry calls while two syncs of different feeds run,
 * with no error and the right end state; and two syncs of the same feed and data space, in one process or two,
 * where the second fails at once with {@link SyncLockedException} and a message naming the feed and the data
 * space, and nothing is corrupted.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConcurrencyTest {
    private static final int PRODUCTS = 5000;
    private static final int PRICES = 5000;

    @TempDir
    Path work;

    private SyncFixture fixture;
    private ExecutorService threads;

    @BeforeEach
    void start() {
        fixture = new SyncFixture();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        fixture.close();
    }

    private static List<FeedItem> products(int count) {
        return IntStream.range(0, count).<FeedItem>mapToObj(n -> Product.builder().sku(String.format("CC-%05d", n))
                .storeViewCode("default").name("Concurrent " + n).build()).toList();
    }

    private static List<FeedItem> prices(int count) {
        return IntStream.range(0, count).<FeedItem>mapToObj(n -> Price.builder().sku(String.format("CC-%05d", n))
                .websiteCode("base").customerGroupCode("0").regular(10 + n % 90).build()).toList();
    }

    @Test
    void eightThreadsOnTheRegistryAndTwoSyncsOfOtherFeedsShareOneClient() throws Exception {
        try (CommerceServicesClient client = fixture.client(fixture.builder(work.resolve("state")))) {
            AtomicBoolean syncing = new AtomicBoolean(true);
            List<Future<Integer>> registryCalls = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                registryCalls.add(threads.submit(() -> {
                    int calls = 0;
                    while (syncing.get() || calls < 10) {
                        switch (calls++ % 3) {
                            case 0 -> assertEquals(1, client.projects().list().size());
                            case 1 -> assertEquals(fixture.project.id(), client.projects().get(fixture.project.id())
                                    .id());
                            default -> assertEquals(fixture.dataSpaceId, client.dataSpaces()
                                    .get(fixture.dataSpaceId).id(), "thread " + thread);
                        }
                    }
                    return calls;
                }));
            }
            Future<SyncReport> productSync = threads.submit(() -> client.catalog().sync(Feed.PRODUCTS,
                    products(PRODUCTS)));
            Future<SyncReport> priceSync = threads.submit(() -> client.catalog().sync(Feed.PRICES, prices(PRICES)));

            SyncReport productReport = productSync.get(90, TimeUnit.SECONDS);
            SyncReport priceReport = priceSync.get(90, TimeUnit.SECONDS);
            syncing.set(false);
            int calls = 0;
            for (Future<Integer> thread : registryCalls) {
                calls += thread.get(30, TimeUnit.SECONDS);
            }

            assertTrue(productReport.isComplete() && priceReport.isComplete(), productReport + " " + priceReport);
            assertEquals(PRODUCTS, productReport.sent());
            assertEquals(PRICES, priceReport.sent());
            assertEquals(PRODUCTS, fixture.held(Feed.PRODUCTS).size());
            assertEquals(PRICES, fixture.items(Feed.PRICES).size());
            assertEquals(PRODUCTS, client.catalog().status(Feed.PRODUCTS).accepted());
            assertEquals(PRICES, client.catalog().status(Feed.PRICES).accepted());
            DataSpace selected = client.dataSpaces().get(fixture.dataSpaceId);
            assertEquals(fixture.dataSpaceId, client.dataSpaces().current().orElseThrow().dataSpaceId());
            assertEquals(selected.projectId(), fixture.project.id());
            System.out.printf("Concurrency: %d registry calls by 8 threads while %d products and %d prices synced%n",
                    calls, PRODUCTS, PRICES);
        }
    }

    /** Items that stop after {@code pauseAt} until released, so that a sync stays in the middle of its input. */
    private static final class PausingItems implements Iterable<FeedItem> {
        private final List<FeedItem> items;
        private final int pauseAt;
        private final CountDownLatch paused = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        PausingItems(List<FeedItem> items, int pauseAt) {
            this.items = items;
            this.pauseAt = pauseAt;
        }

        @Override
        public Iterator<FeedItem> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < items.size();
                }

                @Override
                public FeedItem next() {
                    if (next >= items.size()) {
                        throw new NoSuchElementException();
                    }
                    if (next == pauseAt) {
                        paused.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return items.get(next++);
                }
            };
        }
    }

    @Test
    void aSecondSyncOfTheSameFeedInThisProcessFailsAtOnceAndTheFirstFinishesIntact() throws Exception {
        Path state = work.resolve("state");
        try (CommerceServicesClient client = fixture.client(fixture.builder(state));
                CommerceServicesClient other = fixture.client(fixture.builder(state))) {
            PausingItems items = new PausingItems(products(2000), 1200);
            Future<SyncReport> first = threads.submit(() -> client.catalog().sync(Feed.PRODUCTS, items));
            assertTrue(items.paused.await(30, TimeUnit.SECONDS));

            for (CommerceServicesClient second : List.of(client, other)) {
                SyncLockedException locked = assertThrows(SyncLockedException.class,
                        () -> second.catalog().sync(Feed.PRODUCTS, products(10)));
                assertTrue(locked.getMessage().contains("feed products") && locked.getMessage().contains(
                        fixture.dataSpaceId), locked.getMessage());
                assertTrue(locked.isRetryable());
            }
            items.release.countDown();
            SyncReport report = first.get(60, TimeUnit.SECONDS);

            assertEquals(2000, report.sent());
            assertEquals(2000, fixture.held(Feed.PRODUCTS).size());
            assertEquals(2000, other.catalog().status(Feed.PRODUCTS).accepted());
            assertEquals(2000, other.catalog().sync(Feed.PRODUCTS, products(2000)).unchanged(),
                    "the state is intact: a later sync finds everything unchanged");
        }
    }

    @Test
    void aSyncOfTheSameFeedInAnotherProcessMakesTheSecondFailAtOnceAndNothingIsCorrupted() throws Exception {
        Path state = work.resolve("state");
        ServiceCredentials keys = fixture.credentials.require(io.github.commerceconnector.api.Environment.SANDBOX);
        Path keyFile = Files.writeString(work.resolve("sandbox.pem"), keys.privateKey().reveal());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        try (CommerceServicesClient client = fixture.client(fixture.builder(state))) {
            CountDownLatch childSending = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            fixture.gateway.failures().when(call -> holdFeedRequests(call.is(FakeOperation.SEND_FEED), childSending,
                    release)).respond(io.github.commerceconnector.testkit.Fault.status(503));
            try (ChildProcess child = ChildProcess.start("lock-holder", work, Map.of(
                    "COMMERCE_CONNECTOR_SANDBOX_API_KEY", keys.apiKey().value(),
                    "COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", keyFile.toString()), line -> { },
                    SyncChild.class, fixture.gateway.baseUri().toString(), state.toString(), fixture.project.id(),
                    fixture.dataSpaceId, "3000")) {
                assertTrue(childSending.await(60, TimeUnit.SECONDS), "the child syncs: " + child.tail());

                SyncLockedException locked = assertThrows(SyncLockedException.class,
                        () -> client.catalog().sync(Feed.PRODUCTS, products(10)));

                assertTrue(locked.getMessage().contains("another process"), locked.getMessage());
                assertTrue(locked.getMessage().contains(fixture.dataSpaceId), locked.getMessage());
                release.countDown();
                assertEquals(0, child.waitFor(90), child.tail());
            }
            assertEquals(3000, fixture.held(Feed.PRODUCTS).size());
            HeldState held = HeldState.read(new FileSyncStateStore(state.resolve("catalog")), fixture.dataSpaceId,
                    Feed.PRODUCTS);
            assertEquals(3000, held.count(ItemStatus.ACCEPTED));
            assertEquals(List.of(), held.acceptedButNotHeld(Feed.PRODUCTS, fixture.items(Feed.PRODUCTS)));
        }
    }

    /** A fake gateway failure predicate that holds feed requests until released, and never fails them. */
    private static boolean holdFeedRequests(boolean feed, CountDownLatch sending, CountDownLatch release) {
        if (feed) {
            sending.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }
}

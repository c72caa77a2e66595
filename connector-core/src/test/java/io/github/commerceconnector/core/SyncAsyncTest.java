package io.github.commerceconnector.core;

import static io.github.commerceconnector.core.CommerceServicesRuntimeTest.assertHolds;
import static io.github.commerceconnector.core.CommerceServicesRuntimeTest.awaitRequests;
import static io.github.commerceconnector.core.CommerceServicesRuntimeTest.catalog;
import static io.github.commerceconnector.core.CommerceServicesRuntimeTest.feedRequests;
import static io.github.commerceconnector.core.CommerceServicesRuntimeTest.merchant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.core.CommerceServicesRuntimeTest.Merchant;
import io.github.commerceconnector.core.CommerceServicesRuntimeTest.ThreadSampler;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code syncAsync} and {@code upsertAsync} through the public API against {@link FakeGateway}s on loopback: many
 * calls in progress at once on a runtime of a few threads, with no caller thread held, each catalog exact; the same
 * report as the blocking call, deletes included; failures, cancelling, a throwing input and a closed runtime each end
 * the future and release the feed; without a runtime the call runs on a thread of its own. Judged on counts and
 * states, never on durations.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SyncAsyncTest {

    @Test
    void manyCallsInProgressAtOnceOnAFewThreadsHoldNoCallerThread() throws Exception {
        int merchants = 40;
        int products = 300;
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(20)
                        .latency(Duration.ofMillis(30)).requestLogLimit(100_000).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-async")
                        .sendingThreads(3).preparingThreads(2).httpThreads(1).maxRequestsInFlight(16).build();
                ThreadSampler threads = new ThreadSampler("rt-async-")) {
            List<Merchant> shop = new ArrayList<>();
            for (int m = 0; m < merchants; m++) {
                shop.add(merchant(account, gateway, runtime, "async-" + m, TestKeys.credentialsFor(gateway), 10));
            }
            int before = Thread.activeCount();

            List<CompletableFuture<SyncReport>> syncs = new ArrayList<>();
            for (Merchant merchant : shop) {
                syncs.add(merchant.client().catalog().syncAsync(Feed.PRODUCTS, catalog(merchant.name(), products)));
            }
            boolean returnedBeforeDone = !syncs.get(merchants - 1).isDone();
            CompletableFuture.allOf(syncs.toArray(CompletableFuture[]::new)).get();

            assertTrue(returnedBeforeDone, "syncAsync returned while its call was still in progress");

            for (int m = 0; m < merchants; m++) {
                SyncReport report = syncs.get(m).get();
                assertTrue(report.isComplete(), report.toString());
                assertEquals(products, report.sent());
                assertHolds(account, shop.get(m), products);
                assertTrue(gateway.maxConcurrentFeedRequests(shop.get(m).dataSpaceId()) <= 2,
                        "at most the call's two batches in flight per data space");
            }
            assertEquals(merchants * products / Feed.PRODUCTS.defaultBatchSize(), feedRequests(gateway).size());
            assertTrue(threads.peak() <= 3 + 2 + 1 + 1, "runtime threads at most " + threads.peak());
            assertEquals(List.of(), threads.ownThreadsSeen(), "threads of a client's or call's own");
            assertTrue(Thread.activeCount() <= before + 8, "no thread per call: " + before + " before, "
                    + Thread.activeCount() + " after");
            shop.forEach(Merchant::close);
        }
    }

    @Test
    void givesTheBlockingCallsReportsAndDeletesWhatDisappeared() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(50).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-report")
                        .sendingThreads(2).preparingThreads(1).build()) {
            Merchant merchant = merchant(account, gateway, runtime, "report", TestKeys.credentialsFor(gateway), 50);
            List<SyncProgress> progress = new ArrayList<>();
            SyncListener listener = new SyncListener() {
                @Override
                public void progress(SyncProgress now) {
                    progress.add(now);
                }
            };

            SyncReport first = merchant.client().catalog().syncAsync(Feed.PRODUCTS, catalog("report", 450), listener)
                    .get();
            SyncReport second = merchant.client().catalog()
                    .syncAsync(Feed.PRODUCTS, catalog("report", 450).subList(0, 380)).get();
            SyncReport upserted = merchant.client().catalog()
                    .upsertAsync(Feed.PRODUCTS, catalog("report", 450).subList(370, 450)).get();

            assertEquals(List.of(450L, 450L, 0L, 5L), List.of(first.processed(), first.sent(), first.unchanged(),
                    first.requests()));
            assertEquals(List.of(380L, 0L, 380L, 70L), List.of(second.processed(), second.sent(), second.unchanged(),
                    second.deleted()));
            assertEquals(List.of(80L, 70L, 10L, 0L), List.of(upserted.processed(), upserted.sent(),
                    upserted.unchanged(), upserted.deleted()));
            assertHolds(account, merchant, 450);
            assertFalse(progress.isEmpty(), "the listener heard progress");
            assertEquals(450, progress.get(progress.size() - 1).sent());
            FeedStatus status = merchant.client().catalog().status(Feed.PRODUCTS);
            assertEquals(450, status.accepted());
            merchant.close();
        }
    }

    @Test
    void aFirstSyncCatchesADuplicateWhoseFirstOccurrenceWasAnsweredLongBefore() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(50).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-duplicate")
                        .sendingThreads(2).preparingThreads(1).build()) {
            Merchant merchant = merchant(account, gateway, runtime, "duplicate", TestKeys.credentialsFor(gateway), 50);
            List<FeedItem> items = new ArrayList<>(catalog("duplicate", 450));
            items.add(Product.builder().sku("duplicate-3").storeViewCode("default").name("Second copy").build());

            SyncReport first = merchant.client().catalog().syncAsync(Feed.PRODUCTS, items).get();
            SyncReport again = merchant.client().catalog().syncAsync(Feed.PRODUCTS, catalog("duplicate", 450)).get();

            assertEquals(450, first.sent());
            assertEquals(List.of("DUPLICATE_IDENTITY"), first.rejected().stream().map(RejectedItem::code).toList());
            assertEquals(450, first.rejected().get(0).position());
            assertHolds(account, merchant, 450);
            assertEquals(List.of(450L, 0L), List.of(again.unchanged(), again.requests()),
                    "what the first sync recorded is looked up by the next");
            merchant.close();
        }
    }

    @Test
    void aMerchantWhoseKeysAreRefusedFailsItsOwnFutureOnly() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(20).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-keys")
                        .sendingThreads(2).preparingThreads(1).build()) {
            Merchant healthy = merchant(account, gateway, runtime, "healthy", TestKeys.credentialsFor(gateway), 20);
            Merchant wrongKeys = merchant(account, gateway, runtime, "wrong", TestKeys.credentials(Environment.SANDBOX), 20);

            CompletableFuture<SyncReport> refused = wrongKeys.client().catalog().syncAsync(Feed.PRODUCTS,
                    catalog("wrong", 300));
            CompletableFuture<SyncReport> synced = healthy.client().catalog().syncAsync(Feed.PRODUCTS,
                    catalog("healthy", 300));

            ExecutionException failed = assertThrows(ExecutionException.class, refused::get);
            assertInstanceOf(AuthenticationException.class, failed.getCause());
            assertTrue(synced.get().isComplete());
            assertHolds(account, healthy, 300);
            assertEquals(0, wrongKeys.client().catalog().status(Feed.PRODUCTS).accepted(),
                    "the feed is released and nothing is marked accepted");
            healthy.close();
            wrongKeys.close();
        }
    }

    @Test
    void cancellingStopsReadingTheInputAndTheNextSyncSendsTheRest() throws Exception {
        int products = 3_000;
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(10)
                        .latency(Duration.ofMillis(50)).requestLogLimit(100_000).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-cancel")
                        .sendingThreads(2).preparingThreads(1).build()) {
            Merchant merchant = merchant(account, gateway, runtime, "cancel", TestKeys.credentialsFor(gateway), 10);
            AtomicInteger read = new AtomicInteger();
            List<FeedItem> items = catalog("cancel", products);
            Iterable<FeedItem> counted = () -> new Iterator<>() {
                private final Iterator<FeedItem> all = items.iterator();

                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public FeedItem next() {
                    read.incrementAndGet();
                    return all.next();
                }
            };

            CompletableFuture<SyncReport> sync = merchant.client().catalog().syncAsync(Feed.PRODUCTS, counted);
            awaitRequests(gateway, 3);
            assertTrue(sync.cancel(false));
            FeedStatus released = statusOnceReleased(merchant);
            int readWhenCancelled = read.get();
            SyncReport rest = merchant.client().catalog().sync(Feed.PRODUCTS, items);

            assertTrue(readWhenCancelled < products, "the cancelled call stopped reading: " + readWhenCancelled);
            assertTrue(released.accepted() >= 200, "the batches sent before the cancel are recorded: " + released);
            assertEquals(0, released.unconfirmed(), "nothing left unconfirmed: " + released);
            assertEquals(released.accepted(), rest.unchanged(), "the next sync skips what was recorded");
            assertEquals(products - released.accepted(), rest.sent());
            assertHolds(account, merchant, products);
            merchant.close();
        }
    }

    @Test
    void anInputThatThrowsFailsTheFutureWithItsExceptionAndKeepsWhatWasSent() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(50).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-throw")
                        .sendingThreads(2).preparingThreads(1).build()) {
            Merchant merchant = merchant(account, gateway, runtime, "throw", TestKeys.credentialsFor(gateway), 50);
            IllegalStateException broken = new IllegalStateException("the catalog database went away");
            List<FeedItem> items = catalog("throw", 250);
            Iterable<FeedItem> failing = () -> new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public FeedItem next() {
                    if (next == items.size()) {
                        throw broken;
                    }
                    return items.get(next++);
                }
            };

            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> merchant.client().catalog().syncAsync(Feed.PRODUCTS, failing).get());

            assertSame(broken, failed.getCause());
            FeedStatus status = merchant.client().catalog().status(Feed.PRODUCTS);
            assertEquals(200, status.accepted(), "the two full batches were sent and recorded: " + status);
            assertEquals(200, account.items(merchant.dataSpaceId(), Feed.PRODUCTS).size());
            merchant.close();
        }
    }

    @Test
    void closingTheRuntimeEndsTheCallsInProgressAndReleasesTheirFeeds() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway throttling = FakeGateway.builder().services(account)
                        .rateLimit(0.001, Duration.ofHours(1)).requestLogLimit(100_000).start()) {
            CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-closing")
                    .sendingThreads(2).preparingThreads(1).build();
            Merchant merchant = merchant(account, throttling, runtime, "closing",
                    TestKeys.credentialsFor(throttling), 20);
            CompletableFuture<SyncReport> sync = merchant.client().catalog().syncAsync(Feed.PRODUCTS,
                    catalog("closing", 500));
            awaitRequests(throttling, 2);

            runtime.close();

            ExecutionException failed = assertThrows(ExecutionException.class, () -> sync.get(30, TimeUnit.SECONDS));
            ConnectorClientException closed = assertInstanceOf(ConnectorClientException.class, failed.getCause());
            assertTrue(closed.getMessage().contains("is closed"), closed.getMessage());
            assertEquals(account.items(merchant.dataSpaceId(), Feed.PRODUCTS).size(),
                    merchant.client().catalog().status(Feed.PRODUCTS).accepted(),
                    "the feed is released, and what is marked accepted is what the gateway holds");
            merchant.close();
        }
    }

    @Test
    void withoutARuntimeTheCallRunsOnAThreadOfItsOwn() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(50).start()) {
            Merchant merchant = merchant(account, gateway, null, "own", TestKeys.credentialsFor(gateway), 50);
            String caller = Thread.currentThread().getName();
            List<String> progressThreads = new ArrayList<>();
            SyncListener listener = new SyncListener() {
                @Override
                public void finished(SyncReport report) {
                    progressThreads.add(Thread.currentThread().getName());
                }
            };

            SyncReport report = merchant.client().catalog().syncAsync(Feed.PRODUCTS, catalog("own", 250), listener)
                    .get();

            assertEquals(250, report.sent());
            assertHolds(account, merchant, 250);
            assertEquals(1, progressThreads.size());
            assertFalse(progressThreads.get(0).equals(caller), "finished on the call's own thread");
            assertThrows(NullPointerException.class, () -> merchant.client().catalog().syncAsync(Feed.PRODUCTS,
                    null));
            merchant.close();
        }
    }

    @Test
    void withoutARuntimeCancellingStopsReadingTheInputAndReleasesTheFeedForTheNextSync() throws Exception {
        int products = 1_000;
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(100).start()) {
            Merchant merchant = merchant(account, gateway, null, "own-cancel", TestKeys.credentialsFor(gateway), 100);
            List<FeedItem> items = catalog("own-cancel", products);
            AtomicInteger read = new AtomicInteger();
            CountDownLatch reachedItem300 = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(1);
            Iterable<FeedItem> held = () -> new Iterator<>() {
                private final Iterator<FeedItem> all = items.iterator();

                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public FeedItem next() {
                    if (read.incrementAndGet() == 300) {
                        reachedItem300.countDown();
                        awaitUninterruptibly(cancelled);
                    }
                    return all.next();
                }
            };
            SyncListener told = new SyncListener() {
                @Override
                public void finished(SyncReport report) {
                    finished.countDown();
                }
            };

            CompletableFuture<SyncReport> sync = merchant.client().catalog().syncAsync(Feed.PRODUCTS, held, told);
            assertTrue(reachedItem300.await(60, TimeUnit.SECONDS), "the call reads its input");
            assertTrue(sync.cancel(false));
            cancelled.countDown();
            assertTrue(finished.await(60, TimeUnit.SECONDS), "the cancelled call winds down");
            FeedStatus released = statusOnceReleased(merchant);
            int readByTheCancelledCall = read.get();
            SyncReport next = merchant.client().catalog().sync(Feed.PRODUCTS, items);

            assertTrue(readByTheCancelledCall < products / 2, "the cancelled call stopped reading its input: "
                    + readByTheCancelledCall + " of " + products + " read");
            assertEquals(0, released.unconfirmed(), "the batches in flight were recorded: " + released);
            assertEquals(released.accepted(), next.unchanged(), "the next sync skips what was recorded");
            assertEquals(products - released.accepted(), next.sent(), "and sends the rest");
            assertHolds(account, merchant, products);
            merchant.close();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the test held the input", e);
        }
    }

    /** The feed's status, once the cancelled call's batches in flight are recorded and its state is closed. */
    private static FeedStatus statusOnceReleased(Merchant merchant) throws InterruptedException {
        while (true) {
            try {
                return merchant.client().catalog().status(Feed.PRODUCTS);
            } catch (SyncLockedException stillOpen) {
                Thread.sleep(20);
            }
        }
    }
}

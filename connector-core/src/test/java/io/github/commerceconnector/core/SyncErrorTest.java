package io.github.commerceconnector.core;

import static io.github.commerceconnector.core.CommerceServicesRuntimeTest.catalog;
import static io.github.commerceconnector.core.CommerceServicesRuntimeTest.merchant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesRuntimeTest.Merchant;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An {@link Error} thrown by the caller's code during a sync (the input's iterator, an item's {@code fields()}):
 * the caller gets that very Error, and the call winds down as for any other failure first: the batches in flight
 * are answered and recorded, the listener is told, and no thread of the call is left behind. Through the public
 * API against a {@link FakeGateway} on loopback whose answers come late, so that batches are in flight when the
 * Error comes. Judged on counts and states, with generous deadlines.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SyncErrorTest {
    private static final int PRODUCTS = 1_000;
    private static final int FAILING_AT = 450;
    private static final List<String> CALL_THREAD_PREFIXES = List.of("catalog-sync-", "catalog-prepare-");

    @Test
    void anErrorFromTheInputReachesTheCallerAfterTheBatchesInFlightAreRecordedAndLeavesNoThreads()
            throws Exception {
        AssertionError thrown = new AssertionError("the catalog reader's own assertion");
        assertWindsDownAndRethrows(thrown, items -> failingAt(FAILING_AT, items, () -> {
            throw thrown;
        }));
    }

    @Test
    void anErrorFromAnItemsFieldsReachesTheCallerAfterTheBatchesInFlightAreRecordedAndLeavesNoThreads()
            throws Exception {
        StackOverflowError thrown = new StackOverflowError("an item's fields() recursed without end");
        assertWindsDownAndRethrows(thrown, items -> failingAt(FAILING_AT, items, () -> new FeedItem() {
            @Override
            public Map<String, Object> fields() {
                throw thrown;
            }
        }));
    }

    @Test
    void onARuntimeAnErrorFromTheInputFailsTheFutureWithThatError() throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(100)
                        .latency(Duration.ofMillis(200)).start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-error")
                        .sendingThreads(2).preparingThreads(1).build()) {
            Merchant merchant = merchant(account, gateway, runtime, "rt-error", TestKeys.credentialsFor(gateway),
                    100);
            AssertionError thrown = new AssertionError("the catalog reader's own assertion");
            Iterable<FeedItem> failing = failingAt(FAILING_AT, catalog("rt-error", PRODUCTS), () -> {
                throw thrown;
            });

            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> merchant.client().catalog().syncAsync(Feed.PRODUCTS, failing).get(60, TimeUnit.SECONDS));

            assertSame(thrown, failed.getCause(), "the Error itself, not wrapped");
            FeedStatus status = merchant.client().catalog().status(Feed.PRODUCTS);
            assertEquals(0, status.unconfirmed(), "every batch sent has its answer recorded: " + status);
            assertEquals(account.items(merchant.dataSpaceId(), Feed.PRODUCTS).size(), status.accepted());
            merchant.close();
        }
    }

    /**
     * Syncs an input that throws {@code thrown} at item {@link #FAILING_AT} through a client without a runtime, and
     * checks how the call ended.
     */
    private static void assertWindsDownAndRethrows(Error thrown,
            Function<List<FeedItem>, Iterable<FeedItem>> failingInput) throws Exception {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).rateLimit(100)
                        .latency(Duration.ofMillis(300)).start()) {
            Merchant merchant = merchant(account, gateway, null, "error", TestKeys.credentialsFor(gateway), 100);
            Iterable<FeedItem> failing = failingInput.apply(catalog("error", PRODUCTS));
            AtomicInteger finished = new AtomicInteger();
            SyncListener listener = new SyncListener() {
                @Override
                public void finished(SyncReport report) {
                    finished.incrementAndGet();
                }
            };
            Set<String> before = callThreads();

            Error caught = assertThrows(Error.class,
                    () -> merchant.client().catalog().sync(Feed.PRODUCTS, failing, listener));

            assertSame(thrown, caught, "the Error itself, not wrapped");
            assertEquals(1, finished.get(), "the listener was told the call finished");
            assertTrue(noNewCallThreadsWithin(before, Duration.ofSeconds(30)),
                    "the call's threads ended: " + newCallThreads(before));
            FeedStatus status = merchant.client().catalog().status(Feed.PRODUCTS);
            int held = account.items(merchant.dataSpaceId(), Feed.PRODUCTS).size();
            assertTrue(held > 0, "batches were sent before the Error");
            assertEquals(0, status.unconfirmed(), "every batch sent has its answer recorded: " + status);
            assertEquals(held, status.accepted(), "what the gateway holds is recorded as accepted: " + status);
            merchant.close();
        }
    }

    /** The items, with {@code failure} called in place of item {@code at}. */
    private static Iterable<FeedItem> failingAt(int at, List<FeedItem> items,
            Supplier<FeedItem> failure) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < items.size();
            }

            @Override
            public FeedItem next() {
                FeedItem item = next == at ? failure.get() : items.get(next);
                next++;
                return item;
            }
        };
    }

    private static boolean noNewCallThreadsWithin(Set<String> before, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!newCallThreads(before).isEmpty()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static Set<String> newCallThreads(Set<String> before) {
        Set<String> now = callThreads();
        now.removeAll(before);
        return now;
    }

    private static Set<String> callThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> CALL_THREAD_PREFIXES.stream().anyMatch(name::startsWith))
                .collect(Collectors.toSet());
    }
}

package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.observation.BreakerState;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.api.observation.GatewayRequest;
import io.github.commerceconnector.api.observation.RequestObservation;
import io.github.commerceconnector.api.observation.SyncObservation;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The observer given to the builder is told of every request, of each catalog call and of the live state. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ObserverSeamTest {
    private final Recorder recorder = new Recorder();

    @Test
    void observerSeesEachRequestWithItsStatusAndEachCallWithItsReport(@TempDir Path state) {
        try (SyncFixture fixture = new SyncFixture();
                CommerceServicesClient client = fixture.client(fixture.builder(state).observer(recorder)
                        .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withBatchSize(10)))) {
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, products(25));

            List<String> feedSends = recorder.requests.stream().filter(line -> line.startsWith("feeds.send"))
                    .collect(Collectors.toList());
            assertEquals(3, feedSends.size(), recorder.requests::toString);
            assertEquals(List.of("feeds.send POST products " + fixture.dataSpaceId + " #1 -> 200"),
                    feedSends.stream().distinct().collect(Collectors.toList()));
            long feedRequestsReceived = fixture.gateway.requests().stream()
                    .filter(request -> request.path().startsWith("feeds/")).count();
            assertEquals(feedRequestsReceived, feedSends.size());
            assertFalse(recorder.requests.stream().anyMatch(line -> line.startsWith("other")), recorder.requests::toString);

            assertEquals(List.of("products " + fixture.dataSpaceId + " finished sent=25", "failed=false"),
                    List.of(recorder.syncs.get(0), "failed=" + recorder.syncs.stream().anyMatch(s -> s.contains("failed"))));
            assertEquals(25, report.sent());
            assertEquals(0.0, recorder.limiters.get(fixture.dataSpaceId).getAsDouble());
            assertEquals(BreakerState.CLOSED, recorder.breakers.get("feeds/catalog/v2").get());
            assertTrue(recorder.breakers.containsKey("merchant-registry/v1"), recorder.breakers::toString);
            assertEquals(0L, recorder.inFlight.getAsLong());
        }
    }

    @Test
    void anObserverThatThrowsEverywhereNeverFailsARequestOrASync(@TempDir Path state) {
        try (SyncFixture fixture = new SyncFixture();
                CommerceServicesClient client = fixture.client(fixture.builder(state).observer(new Throwing()))) {
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, products(25));

            assertEquals(25, report.sent());
            assertEquals(25, fixture.items(Feed.PRODUCTS).size());
        }
    }

    @Test
    void closingTheClientTellsTheObserverOnce(@TempDir Path state) {
        try (SyncFixture fixture = new SyncFixture()) {
            CommerceServicesClient client = fixture.client(fixture.builder(state).observer(recorder));
            assertEquals(0, recorder.closed.get());

            client.close();
            client.close();

            assertEquals(1, recorder.closed.get());
        }
    }

    private static Iterable<FeedItem> products(int count) {
        return IntStream.range(0, count).<FeedItem>mapToObj(n -> Product.builder().sku("SKU-" + n)
                .storeViewCode("default").name("Product " + n).urlKey("product-" + n).inStock(true).build())
                .collect(Collectors.toList());
    }

    /** Fails at every call, and so do the observations it hands out. */
    private static final class Throwing implements ConnectorObserver {
        @Override
        public RequestObservation requestStarted(GatewayRequest request) {
            return status -> {
                throw new IllegalStateException("metrics backend down");
            };
        }

        @Override
        public SyncObservation syncStarted(Feed feed, String dataSpaceId) {
            return new SyncObservation() {
                @Override
                public void finished(SyncReport report) {
                    throw new IllegalStateException("metrics backend down");
                }
            };
        }

        @Override
        public void rateLimiterCreated(String dataSpaceId, DoubleSupplier requestsPerSecond) {
            throw new IllegalStateException("metrics backend down");
        }

        @Override
        public void circuitBreakerCreated(String endpoint, Supplier<BreakerState> state) {
            throw new IllegalStateException("metrics backend down");
        }
    }

    /** Writes down what it is told. */
    private static final class Recorder implements ConnectorObserver {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> syncs = new CopyOnWriteArrayList<>();
        final Map<String, DoubleSupplier> limiters = new ConcurrentHashMap<>();
        final Map<String, Supplier<BreakerState>> breakers = new ConcurrentHashMap<>();
        final AtomicInteger closed = new AtomicInteger();
        volatile LongSupplier inFlight;

        @Override
        public RequestObservation requestStarted(GatewayRequest request) {
            return status -> requests.add(request.operation() + " " + request.method() + " " + request.feed() + " "
                    + request.dataSpaceId() + " #" + request.attempt() + " -> " + status);
        }

        @Override
        public SyncObservation syncStarted(Feed feed, String dataSpaceId) {
            return new SyncObservation() {
                @Override
                public void finished(SyncReport report) {
                    syncs.add(feed.name() + " " + dataSpaceId + " finished sent=" + report.sent());
                }

                @Override
                public void failed(RuntimeException failure) {
                    syncs.add("failed " + failure.getClass().getSimpleName());
                }
            };
        }

        @Override
        public void rateLimiterCreated(String dataSpaceId, DoubleSupplier requestsPerSecond) {
            limiters.put(dataSpaceId, requestsPerSecond);
        }

        @Override
        public void circuitBreakerCreated(String endpoint, Supplier<BreakerState> state) {
            breakers.put(endpoint, state);
        }

        @Override
        public void itemsInFlight(LongSupplier items) {
            inFlight = items;
        }

        @Override
        public void clientClosed() {
            closed.incrementAndGet();
        }
    }
}

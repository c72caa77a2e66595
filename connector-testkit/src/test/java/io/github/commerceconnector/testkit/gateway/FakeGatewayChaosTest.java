package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FeedChaos;
import io.github.commerceconnector.testkit.NetworkFault;
import io.github.commerceconnector.testkit.RecordedRequest;
import io.github.commerceconnector.testkit.TestClock;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fake gateway's feed chaos and its record of requests inside a running {@code Retry-After} window. */
class FakeGatewayChaosTest extends GatewayTestSupport {

    /** What a feed request got: a status, or -1 when the connection failed. */
    private int sendFeed(String dataSpace, String sku) {
        try {
            return client.http().send(feedRequest(dataSpace, sku), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException failed) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private HttpRequest feedRequest(String dataSpace, String sku) {
        return client.request(Feed.PRODUCTS.route() + "/" + dataSpace).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"sku\":\"" + sku
                        + "\",\"storeViewCode\":\"default\",\"name\":\"Product " + sku + "\"}]")).build();
    }

    @Test
    void failsEveryNthAndResetsEveryMthAfterApplyingIt() {
        use(FakeGateway.builder().services(services).noRateLimit()
                .feedChaos(FeedChaos.builder().failEvery(3, 503).resetAfterApplyingEvery(5).build()).start());
        String dataSpace = testingDataSpace();
        List<Integer> outcomes = new ArrayList<>();
        for (int n = 1; n <= 15; n++) {
            outcomes.add(sendFeed(dataSpace, "SKU-" + n));
        }

        assertEquals(List.of(200, 200, 503, 200, -1, 503, 200, 200, 503, -1, 200, 503, 200, 200, 503), outcomes);
        assertEquals(List.of("SKU-1", "SKU-10", "SKU-11", "SKU-13", "SKU-14", "SKU-2", "SKU-4", "SKU-5", "SKU-7",
                "SKU-8"), services.items(dataSpace, Feed.PRODUCTS).stream().map(item -> (String) item.get("sku"))
                .sorted().toList(), "the reset requests were applied, the failed ones were not");
        assertEquals(2, gateway.requests().stream()
                .filter(request -> request.fault().equals(Optional.of(NetworkFault.RESET_AFTER_APPLYING)))
                .count());
    }

    @Test
    void anOutageAtTheStartFailsTheFirstRequestsThenServes() {
        use(FakeGateway.builder().services(services).noRateLimit()
                .feedChaos(FeedChaos.builder().failFirst(3, 500).build()).start());
        String dataSpace = testingDataSpace();
        List<Integer> outcomes = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            outcomes.add(sendFeed(dataSpace, "SKU-" + n));
        }
        assertEquals(List.of(500, 500, 500, 200, 200), outcomes);
        assertEquals(2, services.items(dataSpace, Feed.PRODUCTS).size());
    }

    @Test
    void throttlesWithTheChosenRetryAfterTextOrWithoutOne() {
        String past = "Wed, 21 Oct 2015 07:28:00 GMT";
        use(FakeGateway.builder().services(services).noRateLimit().feedChaos(FeedChaos.builder()
                .failEvery(2, 429).failEvery(3, 503).throttledRetryAfter(past).build()).start());
        String dataSpace = testingDataSpace();
        HttpResponse<String> first = client.send(feedRequest(dataSpace, "A"));
        HttpResponse<String> throttled = client.send(feedRequest(dataSpace, "B"));
        HttpResponse<String> failed = client.send(feedRequest(dataSpace, "C"));

        assertEquals(200, first.statusCode());
        assertEquals(429, throttled.statusCode());
        assertEquals(Optional.of(past), throttled.headers().firstValue("Retry-After"));
        assertEquals(503, failed.statusCode());
        assertEquals(Optional.empty(), failed.headers().firstValue("Retry-After"), "only a 429 carries it");
        assertEquals(0, gateway.requestsInsideRetryAfter());

        use(FakeGateway.builder().services(services).noRateLimit()
                .feedChaos(FeedChaos.builder().failEvery(1, 429).build()).start());
        HttpResponse<String> bare = client.send(feedRequest(dataSpace, "D"));
        assertEquals(429, bare.statusCode());
        assertEquals(Optional.empty(), bare.headers().firstValue("Retry-After"), "none unless chosen");
    }

    @Test
    void randomChaosIsTheSameForTheSameSeedAndDiffersForAnother() {
        assertEquals(outcomesWithSeed(7), outcomesWithSeed(7));
        assertNotEquals(outcomesWithSeed(7), outcomesWithSeed(8));
    }

    private List<Integer> outcomesWithSeed(long seed) {
        use(FakeGateway.builder().services(services).noRateLimit().feedChaos(FeedChaos.builder()
                .failRandomly(0.3, 500).resetAfterApplyingRandomly(0.2).seed(seed).build()).start());
        String dataSpace = testingDataSpace();
        List<Integer> outcomes = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            outcomes.add(sendFeed(dataSpace, "R-" + n));
        }
        assertTrue(outcomes.contains(500) && outcomes.contains(-1) && outcomes.contains(200), outcomes.toString());
        return outcomes;
    }

    @Test
    void marksRequestsThatArriveInsideARunningRetryAfterWindow() {
        TestClock clock = TestClock.fixed(Instant.now());
        FakeCommerceServices timed = FakeCommerceServices.builder().clock(clock).build();
        timed.registerKey(apiKey, keys.publicKey());
        use(FakeGateway.builder().services(timed).rateLimit(1, Duration.ofSeconds(3)).start());
        String dataSpace = timed.addProject("Timed").testingDataSpaces().get(0).id();

        assertEquals(200, sendFeed(dataSpace, "A"));
        HttpResponse<String> throttled = client.send(feedRequest(dataSpace, "B"));
        assertEquals(429, throttled.statusCode());
        assertEquals("3", throttled.headers().firstValue("Retry-After").orElseThrow(), "the chosen Retry-After");
        clock.advance(Duration.ofMillis(50));
        sendFeed(dataSpace, "in flight when the 429 left");
        clock.advance(Duration.ofMillis(1000));
        sendFeed(dataSpace, "inside the window");
        clock.advance(Duration.ofMillis(2000));
        assertEquals(200, sendFeed(dataSpace, "after the window"));

        List<Boolean> inside = gateway.requests().stream().map(RecordedRequest::insideRetryAfterWindow).toList();
        assertEquals(List.of(false, false, false, true, false), inside);
        assertEquals(1, gateway.requestsInsideRetryAfter());
        gateway.reset();
        assertEquals(0, gateway.requestsInsideRetryAfter());
    }

    @Test
    void refusesMeaninglessRules() {
        assertThrows(IllegalArgumentException.class, () -> FeedChaos.builder().failEvery(0, 503));
        assertThrows(IllegalArgumentException.class, () -> FeedChaos.builder().failEvery(3, 200));
        assertThrows(IllegalArgumentException.class, () -> FeedChaos.builder().failRandomly(1.5, 503));
        assertThrows(IllegalArgumentException.class, () -> FeedChaos.builder().resetAfterApplyingEvery(-1));
        assertThrows(IllegalArgumentException.class, () -> FeedChaos.builder().throttledRetryAfter(" "));
        assertThrows(IllegalArgumentException.class, () -> FeedChaos.builder().throttledRetryAfter("0\r\nX: y"));
        assertFalse(FeedChaos.builder().failEvery(2, 503).build().isNone());
        assertTrue(FeedChaos.none().isNone());
    }
}

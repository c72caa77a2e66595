package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-data-space rate limit, timed by a fixed account clock so that no test waits for real. */
class FakeGatewayRateLimitTest extends GatewayTestSupport {
    private final TestClock clock = TestClock.fixed(Instant.now());
    private final FakeCommerceServices timed = FakeCommerceServices.builder().clock(clock).build();

    FakeGatewayRateLimitTest() {
        timed.registerKey(apiKey, keys.publicKey());
    }

    private String dataSpaceOn(FakeGateway limited) {
        use(limited);
        return timed.addProject("Shop " + System.nanoTime()).testingDataSpaces().get(0).id();
    }

    private int send(String dataSpace) {
        return client.gzipJson(Feed.PRODUCTS.route() + "/" + dataSpace, List.of(product("MH01"))).statusCode();
    }

    @Test
    void allowsTwoRequestsASecondPerDataSpaceByDefault() {
        String dataSpace = dataSpaceOn(FakeGateway.start(timed));

        assertEquals(200, send(dataSpace));
        assertEquals(200, send(dataSpace));
        HttpResponse<String> throttled = client.gzipJson(Feed.PRODUCTS.route() + "/" + dataSpace,
                List.of(product("MH02")));

        assertEquals(429, throttled.statusCode());
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(429, object(throttled.body()).get("status"));
        assertEquals(1, timed.items(dataSpace, Feed.PRODUCTS).size());
    }

    @Test
    void refillsAsTheAccountClockMoves() {
        String dataSpace = dataSpaceOn(FakeGateway.start(timed));
        send(dataSpace);
        send(dataSpace);

        clock.advance(Duration.ofMillis(500));

        assertEquals(200, send(dataSpace));
        assertEquals(429, send(dataSpace));
    }

    @Test
    void limitsEachDataSpaceSeparately() {
        String first = dataSpaceOn(FakeGateway.start(timed));
        String second = timed.addProject("Other").testingDataSpaces().get(0).id();
        send(first);
        send(first);

        assertEquals(429, send(first));
        assertEquals(200, send(second));
    }

    @Test
    void aConfiguredRateSetsTheRetryAfter() {
        String dataSpace = dataSpaceOn(FakeGateway.builder().services(timed).rateLimit(0.25).start());

        assertEquals(200, send(dataSpace));
        HttpResponse<String> throttled = client.gzipJson(Feed.PRODUCTS.route() + "/" + dataSpace,
                List.of(product("MH02")));

        assertEquals(429, throttled.statusCode());
        assertEquals("4", throttled.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void noRateLimitLetsEveryRequestThrough() {
        String dataSpace = dataSpaceOn(FakeGateway.builder().services(timed).noRateLimit().start());

        for (int i = 0; i < 20; i++) {
            assertEquals(200, send(dataSpace));
        }
    }

    @Test
    void registryCallsAreNotRateLimited() {
        dataSpaceOn(FakeGateway.start(timed));

        for (int i = 0; i < 5; i++) {
            assertEquals(200, client.get("merchant-registry/v1/registry").statusCode());
        }
    }
}

package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FeedChaos;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The added latency: every request, registry or feed, refused or not, is answered, correctly, only once the latency
 * has passed. The only time checked is a lower bound (a reply cannot come before the latency however busy the
 * machine), never how fast anything is.
 */
class FakeGatewayLatencyTest extends GatewayTestSupport {
    private static final Duration LATENCY = Duration.ofMillis(120);

    @Test
    void everyReplyComesAfterTheLatencyAndIsUnchanged() {
        use(FakeGateway.builder().services(services).noRateLimit().latency(LATENCY).start());
        String dataSpace = testingDataSpace();

        long started = System.nanoTime();
        HttpResponse<String> ping = client.get("merchant-registry/v1/ping");
        long pingNanos = System.nanoTime() - started;
        started = System.nanoTime();
        HttpResponse<String> feed = client.gzipJson(Feed.PRODUCTS.route() + "/" + dataSpace, List.of(product("MH01")));
        long feedNanos = System.nanoTime() - started;

        assertEquals(200, ping.statusCode());
        assertEquals(200, feed.statusCode());
        assertEquals(1, services.items(dataSpace, Feed.PRODUCTS).size());
        assertTrue(pingNanos >= LATENCY.toNanos(), "the ping was answered after " + pingNanos + " ns");
        assertTrue(feedNanos >= LATENCY.toNanos(), "the feed request was answered after " + feedNanos + " ns");
        assertEquals(LATENCY, gateway.latency());
    }

    @Test
    void aFaultsReplyAlsoWaitsForTheLatency() {
        use(FakeGateway.builder().services(services).noRateLimit().latency(LATENCY)
                .feedChaos(FeedChaos.builder().failEvery(1, 503).build()).start());
        String dataSpace = testingDataSpace();

        long started = System.nanoTime();
        HttpResponse<String> failed = client.gzipJson(Feed.PRODUCTS.route() + "/" + dataSpace,
                List.of(product("MH01")));
        long nanos = System.nanoTime() - started;

        assertEquals(503, failed.statusCode());
        assertTrue(nanos >= LATENCY.toNanos(), "the 503 was answered after " + nanos + " ns");
    }

    @Test
    void refusesANegativeOrHugeLatencyAndDefaultsToNone() {
        assertEquals(Duration.ZERO, gateway.latency());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> FakeGateway.builder().latency(Duration.ofMillis(-1)));
        assertTrue(negative.getMessage().contains("from zero to one minute"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FakeGateway.builder().latency(Duration.ofMinutes(2)));
    }
}

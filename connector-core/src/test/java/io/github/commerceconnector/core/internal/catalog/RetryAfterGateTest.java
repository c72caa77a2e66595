package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.internal.http.GatewayCall;
import io.github.commerceconnector.core.internal.http.GatewayErrors;
import io.github.commerceconnector.core.internal.http.GatewaySettings;
import io.github.commerceconnector.core.internal.http.HttpGatewayCaller;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The data space's limiter as the gate of every attempt: eight senders share one limiter and each call retries
 * through the caller (503s, 429s); a gateway in this process answers {@code 429} with {@code Retry-After: 1}
 * above 5 requests a second (the limiter holds a fixed 10) and fails every 3rd request it lets through. No
 * request may arrive while a {@code Retry-After} window runs (100 ms after its {@code 429} left, as the fake gateway
 * judges it). Real time, about 5 s.
 */
@Timeout(30)
class RetryAfterGateTest {
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int SENDERS = 8;
    private static final Duration RUN = Duration.ofSeconds(4);

    @Test
    void concurrentSendersWithTransportRetriesNeverSendInsideARetryAfterWindow() throws Exception {
        PacedGateway gateway = new PacedGateway(5);
        Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, false, Clock.systemUTC(), sleeper);
        GatewaySettings settings = new GatewaySettings(URI.create("http://gateway.test/"), "test-agent/1",
                Timeouts.defaults(), RetrySettings.defaults().withBackoff(Duration.ofMillis(50),
                        Duration.ofMillis(400)), CircuitBreakerSettings.defaults().withFailureRatePercent(100));
        HttpGatewayCaller caller = new HttpGatewayCaller(settings, gateway, () -> Map.of("x-api-key", "key"),
                new GatewayErrors(Environment.SANDBOX, GatewayErrors.KEY_PAIR_ADVICE), Clock.systemUTC(), sleeper);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long end = System.nanoTime() + RUN.toNanos();
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            calls.add(senders.submit(() -> {
                int made = 0;
                while (System.nanoTime() < end) {
                    GatewayCall call = new GatewayCall("POST", "feeds/catalog/v2/products/ds-1", Map.of(),
                            new byte[] {'[', ']'}, GatewayCall.RetryPolicy.IDEMPOTENT,
                            (attempt, status, retryAfterMillis) -> {
                                if (status == 429) {
                                    limiter.throttled(retryAfterMillis);
                                }
                            }, limiter);
                    try {
                        caller.call(call);
                    } catch (ConnectorException failedAfterRetries) {
                        // the senders go on; what counts is when each attempt arrived
                    }
                    made++;
                }
                return made;
            }));
        }
        for (Future<Integer> call : calls) {
            assertTrue(call.get() > 0);
        }
        senders.shutdown();

        assertTrue(gateway.throttled >= 3, "the gateway throttled: " + gateway);
        assertTrue(gateway.failed >= 3, "the gateway failed requests, which the caller retried: " + gateway);
        assertEquals(0, gateway.inside, "requests inside a Retry-After window: " + gateway);
    }

    /** A gateway in this process: a token bucket per second, 429 with Retry-After 1 above it, every 4th 503. */
    private static final class PacedGateway implements HttpTransport {
        private final double rate;
        private double tokens = 1;
        private long updated = System.nanoTime();
        private long windowStart = Long.MIN_VALUE;
        private long windowEnd = Long.MIN_VALUE;
        private int passed;
        int requests;
        int throttled;
        int failed;
        int inside;

        PacedGateway(double rate) {
            this.rate = rate;
        }

        @Override
        public synchronized TransportResponse send(TransportRequest request, Duration timeout) {
            long now = System.nanoTime();
            requests++;
            if (now > windowStart && now < windowEnd) {
                inside++;
            }
            tokens = Math.min(1, tokens + (now - updated) / 1e9 * rate);
            updated = now;
            if (tokens < 1) {
                throttled++;
                windowStart = now + GRACE_NANOS;
                windowEnd = now + TimeUnit.SECONDS.toNanos(1);
                return new TransportResponse(429, Map.of("Retry-After", List.of("1")), new byte[0]);
            }
            tokens -= 1;
            if (++passed % 3 == 0) {
                failed++;
                return new TransportResponse(503, Map.of(), new byte[0]);
            }
            return new TransportResponse(200, Map.of(), new byte[0]);
        }

        @Override
        public void close() {
        }

        @Override
        public synchronized String toString() {
            return requests + " requests, " + throttled + " throttled, " + failed + " failed, " + inside
                    + " inside a window";
        }
    }
}

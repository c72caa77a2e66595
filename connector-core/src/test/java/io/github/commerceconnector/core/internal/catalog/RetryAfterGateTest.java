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
import io.github.commerceconnector.core.internal.http.RequestGate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * above 5 requests a second (the limiter holds a fixed 10) and fails every 3rd request it lets through. Judged
 * on what the client decides, not on thread timing: every attempt that reaches the transport passed the gate
 * first (none bypasses it), and the gate lets no attempt through while a {@code Retry-After} window it was told
 * of runs. Real time, about 5 s.
 */
@Timeout(30)
class RetryAfterGateTest {
    private static final int SENDERS = 8;
    private static final Duration RUN = Duration.ofSeconds(4);
    /** The limiter reads a millisecond clock: a pass this close to a window's end is not inside it. */
    private static final long CLOCK_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /**
     * A pass is recorded just after the limiter let it through; a thread descheduled in between records it late.
     * Passes recorded this soon after the gate was told of a window are not counted, as the fake gateway excuses
     * requests already on their way.
     */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Test
    void concurrentSendersWithTransportRetriesNeverSendInsideARetryAfterWindow() throws Exception {
        Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        RecordingGate gate = new RecordingGate(new AdaptiveRateLimiter(10, false, Clock.systemUTC(), sleeper));
        PacedGateway gateway = new PacedGateway(5, gate);
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
                                    gate.throttled(retryAfterMillis);
                                }
                            }, gate);
                    try {
                        caller.call(call);
                    } catch (ConnectorException failedAfterRetries) {
                        // the senders go on; what counts is how each attempt got to the transport
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
        assertEquals(0, gateway.bypassed, "attempts that reached the transport without passing the gate: " + gateway);
        assertEquals(0, gate.passedInsideAWindow(), "attempts the gate let through inside a Retry-After window");
    }

    /**
     * The limiter, recording when each thread passed it and the {@code Retry-After} windows it was told of (from
     * the moment it was told, for the time it was told).
     */
    private static final class RecordingGate implements RequestGate {
        private final AdaptiveRateLimiter limiter;
        private final ThreadLocal<long[]> passes = ThreadLocal.withInitial(() -> new long[1]);
        private final List<long[]> windows = new ArrayList<>();
        private final List<Long> passedAt = new ArrayList<>();

        RecordingGate(AdaptiveRateLimiter limiter) {
            this.limiter = limiter;
        }

        @Override
        public void enter(Instant notBefore) throws InterruptedException {
            limiter.enter(notBefore);
            long now = System.nanoTime();
            passes.get()[0]++;
            synchronized (this) {
                passedAt.add(now);
            }
        }

        void throttled(long retryAfterMillis) {
            synchronized (this) {
                limiter.throttled(retryAfterMillis);
                long told = System.nanoTime();
                windows.add(new long[] {told, told + TimeUnit.MILLISECONDS.toNanos(retryAfterMillis)});
            }
        }

        /** How often this thread passed the gate. */
        long passesOfThisThread() {
            return passes.get()[0];
        }

        synchronized long passedInsideAWindow() {
            return passedAt.stream().filter(at -> windows.stream()
                    .anyMatch(window -> at > window[0] + GRACE_NANOS && at < window[1] - CLOCK_SLACK_NANOS)).count();
        }
    }

    /** A gateway in this process: a token bucket per second, 429 with Retry-After 1 above it, every 3rd 503. */
    private static final class PacedGateway implements HttpTransport {
        private final double rate;
        private final RecordingGate gate;
        private final ThreadLocal<long[]> sends = ThreadLocal.withInitial(() -> new long[1]);
        private double tokens = 1;
        private long updated = System.nanoTime();
        private int passed;
        int requests;
        int throttled;
        int failed;
        int bypassed;

        PacedGateway(double rate, RecordingGate gate) {
            this.rate = rate;
            this.gate = gate;
        }

        @Override
        public synchronized TransportResponse send(TransportRequest request, Duration timeout) {
            long now = System.nanoTime();
            requests++;
            if (++sends.get()[0] > gate.passesOfThisThread()) {
                bypassed++;
            }
            tokens = Math.min(1, tokens + (now - updated) / 1e9 * rate);
            updated = now;
            if (tokens < 1) {
                throttled++;
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
            return requests + " requests, " + throttled + " throttled, " + failed + " failed, " + bypassed
                    + " bypassed the gate";
        }
    }
}

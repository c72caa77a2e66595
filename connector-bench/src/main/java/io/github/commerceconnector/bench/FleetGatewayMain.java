package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FeedChaos;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * The fleet benchmark's gateways in a process of their own, so that the benchmark's JVM holds only what a fleet
 * process would hold (the SDK, the JVM, the callers) while the gateways stand in for the remote one: a healthy
 * {@link FakeGateway} in sink mode and one failing every feed request with {@code 503}, both with the guardrail per
 * data space and the added latency. Prints {@code GATEWAYS <healthy> <failing>}, then answers each {@code counts}
 * line on standard input with {@code COUNTS <healthy requests> <failing requests> <CPU seconds> <threads>}; ends at
 * the end of its input.
 */
public final class FleetGatewayMain {

    private FleetGatewayMain() {
    }

    /**
     * Starts the gateways.
     *
     * @param args the guardrail (requests/s per data space), the latency (ms), the API key id and the public key
     *             (X.509, Base64) to accept
     */
    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(args[0]);
        Duration latency = Duration.ofMillis(Long.parseLong(args[1]));
        ApiKey apiKey = ApiKey.of(args[2]);
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(args[3])));
        try (FakeGateway healthy = gateway(rate, latency, FeedChaos.none());
                FakeGateway failing = gateway(rate, latency, FeedChaos.builder().failEvery(1, 503).build())) {
            healthy.registerKey(apiKey, publicKey);
            failing.registerKey(apiKey, publicKey);
            System.out.println("GATEWAYS " + healthy.baseUri() + " " + failing.baseUri());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                if (line.equals("counts")) {
                    double cpuSeconds = ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                            .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
                    System.out.println(String.format(Locale.ROOT, "COUNTS %d %d %.3f %d", healthy.requestCount(),
                            failing.requestCount(), cpuSeconds, Thread.activeCount()));
                    System.out.flush();
                }
            }
        }
    }

    private static FakeGateway gateway(double rate, Duration latency, FeedChaos chaos) {
        return FakeGateway.builder().sink(chaos.isNone()).feedChaos(chaos).rateLimit(rate).latency(latency)
                .requestLogLimit(0).start();
    }
}

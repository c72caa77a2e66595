package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.credentials.ApiKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fleet benchmark's handle on its gateways, run by {@link FleetGatewayMain} in a child JVM: their addresses,
 * and on demand the requests each received, the child's CPU seconds and its live threads. Closing it ends the child.
 */
final class FleetGateways implements AutoCloseable {
    private final Process child;
    private final BufferedReader replies;
    private final Writer commands;
    private final URI healthy;
    private final URI failing;

    /** What the gateways' process reports at one instant. */
    record Counts(long healthyRequests, long failingRequests, double cpuSeconds, int threads) {
    }

    /**
     * Starts the gateways' process and waits for their addresses.
     *
     * @param rate          the guardrail per data space, requests/s
     * @param latencyMillis the added latency per request
     * @param apiKey        the API key the merchants sign with
     * @param publicKey     its public key
     */
    FleetGateways(double rate, int latencyMillis, ApiKey apiKey, PublicKey publicKey) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp",
                System.getProperty("java.class.path"), FleetGatewayMain.class.getName(), String.valueOf(rate),
                String.valueOf(latencyMillis), apiKey.value(),
                Base64.getEncoder().encodeToString(publicKey.getEncoded()));
        this.child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.replies = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        String[] started;
        try {
            started = expect("GATEWAYS", 3);
        } catch (IOException | RuntimeException failed) {
            child.destroyForcibly();
            throw failed;
        }
        this.healthy = URI.create(started[1]);
        this.failing = URI.create(started[2]);
    }

    /** The gateway that accepts every feed request (sink mode). */
    URI healthy() {
        return healthy;
    }

    /** The gateway that fails every feed request with 503. */
    URI failing() {
        return failing;
    }

    /** The requests received so far, the child's CPU time and its live threads. */
    synchronized Counts counts() throws IOException {
        commands.write("counts\n");
        commands.flush();
        String[] counts = expect("COUNTS", 5);
        return new Counts(Long.parseLong(counts[1]), Long.parseLong(counts[2]), Double.parseDouble(counts[3]),
                Integer.parseInt(counts[4]));
    }

    private String[] expect(String prefix, int fields) throws IOException {
        String line = replies.readLine();
        String[] parts = line == null ? new String[0] : line.split(" ");
        if (parts.length != fields || !parts[0].equals(prefix)) {
            throw new IllegalStateException("The gateways' process answered '" + line + "' where " + prefix
                    + " with " + (fields - 1) + " values was expected");
        }
        return parts;
    }

    /** Ends the gateways' process: its input closes, and it is killed if it has not ended within 30 s. */
    @Override
    public void close() throws IOException {
        commands.close();
        try {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

package io.github.commerceconnector.examples.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet on one machine, in one command ({@code bash fleet.sh}): PostgreSQL (embedded unless {@code --jdbc-url}
 * names one), a fake gateway on loopback with one project and key per merchant, the merchants seeded, and workers
 * as JVMs of their own that share them out through db-scheduler; it waits until every merchant's catalog is exact
 * in the gateway, prints what each worker did, and stops the workers. Exit code 0 when every catalog arrived, 1 if
 * not within the time, 2 on bad options.
 */
public final class FleetDemo {
    /** The options. */
    public static final String USAGE = String.join("\n",
            "FleetDemo: workers over one PostgreSQL syncing many merchants into a fake gateway.",
            "  --jdbc-url URL     an (empty) PostgreSQL database to use; default an embedded one",
            "  --merchants N      merchants (default 12)",
            "  --workers N        worker JVMs (default 3)",
            "  --products N       the smallest catalog; each merchant has N to 1.5 N products (default 200)",
            "  --threads N        merchants each worker syncs at once (default 4)",
            "  --timeout-seconds N  how long to wait for every catalog (default 600)");

    private static final Set<String> NAMES = Set.of("--jdbc-url", "--merchants", "--workers", "--products",
            "--threads", "--timeout-seconds");

    private FleetDemo() {
    }

    /**
     * Runs the demo and exits.
     *
     * @param args see {@link #USAGE}
     */
    public static void main(String[] args) throws Exception {
        if (CommandLine.wantsHelp(args)) {
            System.out.println(USAGE);
            return;
        }
        CommandLine line;
        LocalFleet.Settings settings;
        try {
            line = CommandLine.parse(args, NAMES, USAGE);
            settings = new LocalFleet.Settings(line.has("--jdbc-url") ? line.required("--jdbc-url") : null,
                    line.number("--merchants", 12, 1, 9_999), line.number("--products", 200, 1, 1_000_000),
                    line.number("--threads", 4, 1, 64), Duration.ofSeconds(30), Duration.ofSeconds(30),
                    Duration.ofSeconds(2), Duration.ofSeconds(1), 0);
        } catch (IllegalArgumentException invalid) {
            System.err.println(invalid.getMessage());
            System.exit(2);
            return;
        }
        int workers = line.number("--workers", 3, 1, 32);
        System.exit(run(settings, workers, line.number("--timeout-seconds", 600, 10, 86_400)) ? 0 : 1);
    }

    private static boolean run(LocalFleet.Settings settings, int workerCount, int timeoutSeconds) throws Exception {
        long started = System.nanoTime();
        say("Starting " + (settings.jdbcUrl() == null ? "an embedded PostgreSQL" : "on the given database")
                + " and a fake gateway; seeding " + settings.merchants() + " merchants");
        Path logs = Files.createTempDirectory("fleet-demo-");
        try (LocalFleet fleet = LocalFleet.start(settings, logs)) {
            say("Gateway at " + fleet.gateway().baseUri() + " (2 feed requests/s per data space); merchants: "
                    + fleet.merchants().all().size());
            Map<String, AtomicLong> syncs = new ConcurrentHashMap<>();
            for (int n = 1; n <= workerCount; n++) {
                String name = "worker-" + n;
                AtomicLong count = syncs.computeIfAbsent(name, key -> new AtomicLong());
                fleet.startWorker(name, printed -> relay(printed, count));
            }
            say("Started " + workerCount + " workers (logs in " + logs + "); waiting for every catalog");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long differences = fleet.differences();
            while (differences > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                differences = fleet.differences();
            }
            long items = fleet.merchants().all().stream().mapToLong(merchant -> MerchantCatalog.FEEDS.stream()
                    .mapToLong(feed -> MerchantCatalog.items(merchant, feed).size()).sum()).sum();
            say(String.format(Locale.ROOT, "%s after %.1f s: %,d items of %d merchants, %,d requests; most feed "
                    + "requests in flight at once for one data space: %d", differences == 0 ? "Every catalog is "
                    + "exact in the gateway" : differences + " items still differ", seconds(started), items,
                    settings.merchants(), fleet.gateway().requestCount(), fleet.maxConcurrentSenders()));
            List<String> names = syncs.keySet().stream().sorted().toList();
            for (String name : names) {
                say("  " + name + ": " + syncs.get(name).get() + " feed syncs");
            }
            say("Stopping the workers");
            return differences == 0;
        }
    }

    private static void relay(String line, AtomicLong syncs) {
        if (line.startsWith("DONE ")) {
            syncs.incrementAndGet();
        }
        if (line.startsWith("DONE ") || line.startsWith("LOCKED ") || line.startsWith("FAILED ")
                || line.startsWith("READY ")) {
            say("  " + line);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void say(String text) {
        synchronized (System.out) {
            System.out.println(text);
        }
    }
}

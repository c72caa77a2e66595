package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.CommerceServicesRuntime;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.examples.CatalogGenerator;
import io.github.commerceconnector.examples.CatalogProfile;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The multi-tenant benchmark: many merchants, each a client with its own data space, syncing their catalogs at
 * once in one process on one {@link CommerceServicesRuntime}, against {@code FakeGateway}s in a process of their own
 * ({@link FleetGateways}) with the guardrail per data space and an added latency per request (feed requests counted,
 * not stored: sink mode). Each merchant creates its project through the gateway's registry. A
 * warm-up run (a tenth of the products, not judged), a clean run, then, on the same runtime, a run where some
 * merchants' gateway fails every request (their syncs end at their sync deadline of 20 s, after the others' figures
 * are taken). Each merchant's catalog goes through {@code syncAsync}, which reads it in steps on the runtime's
 * preparing threads (or, with {@code --blocking 1}, through the blocking {@code sync} on a caller thread of its own,
 * named {@code fleet-caller-N}); the SDK's threads are the runtime's ({@code fleet-*}) and the JDK client's
 * selector. Reports requests and items per second, threads by group, the live
 * heap (forced full collections), CPU by thread group and per item, and each merchant's time.
 */
public final class FleetBenchmark {
    /** The runtime's name: the prefix of its threads. */
    static final String RUNTIME = "fleet";
    /** How long a failing merchant's sync keeps trying before it ends (its sync deadline). */
    static final Duration FAILING_DEADLINE = Duration.ofSeconds(20);
    /** Thread groups, with their name prefixes as Linux truncates them (15 characters). */
    static final Map<String, List<String>> GROUPS = groups();

    private FleetBenchmark() {
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args see {@link FleetOptions#USAGE}
     */
    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(FleetOptions.USAGE);
            return;
        }
        FleetOptions options = FleetOptions.parse(args);
        List<Figures> runs = measure(options, System.out);
        report(options, runs, System.out);
    }

    /** Runs the clean run and, with failing merchants, the second run; returns their figures. */
    static List<Figures> measure(FleetOptions options, PrintStream out) throws Exception {
        Path root = Files.createTempDirectory("fleet-bench");
        TestKeyPair keys = BenchKeys.rsa();
        ApiKey apiKey = BenchKeys.apiKey();
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(keys.credentials(Environment.SANDBOX, apiKey));
        out.println("Fleet benchmark: " + options.describe());
        List<Figures> runs = new ArrayList<>();
        try (FleetGateways gateways = new FleetGateways(options.rate(), options.latencyMillis(), apiKey,
                keys.publicKey());
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name(RUNTIME)
                        .sendingThreads(options.sendingThreads()).preparingThreads(options.preparingThreads())
                        .maxRequestsInFlight(options.maxInFlight()).httpVersion(HttpClient.Version.HTTP_1_1)
                        .build()) {
            Fleet fleet = new Fleet(options, runtime, credentials, gateways, root);
            fleet.run("warm-up", 0, options.warmUpProducts(), out);
            runs.add(fleet.run("clean", 0, options.products(), out));
            if (options.failing() > 0) {
                runs.add(fleet.run("failing", options.failing(), options.products(), out));
            }
        } finally {
            Directories.deleteTree(root);
        }
        return runs;
    }

    /** Prints each run's figures and judges the targets. */
    static void report(FleetOptions options, List<Figures> runs, PrintStream out) {
        out.println();
        out.println("== Runs ==");
        for (Figures run : runs) {
            out.println(run.toLine());
        }
        out.println();
        out.println("== Targets ==");
        Figures clean = runs.get(0);
        double ideal = options.merchants() * options.rate();
        judge(out, "aggregate requests/s >= 90% of " + fmt(ideal), clean.get("requestsPerSecond"),
                clean.get("requestsPerSecond") >= 0.9 * ideal);
        judge(out, "SDK threads alive <= 64 (runtime + JDK selector)", clean.get("sdkThreadsPeak"),
                clean.get("sdkThreadsPeak") <= 64);
        judge(out, "threads alive <= 64: every thread of the fleet's process (SDK, JVM, callers)",
                clean.get("threadsPeak"), clean.get("threadsPeak") <= 64);
        judge(out, "peak live heap <= 256 MiB", clean.get("livePeakMiB"), clean.get("livePeakMiB") <= 256);
        if (runs.size() > 1) {
            Figures failing = runs.get(1);
            for (String figure : List.of("requestsPerSecondPerDataSpace", "merchantSecondsP50",
                    "merchantSecondsP99")) {
                double ratio = failing.get(figure) / clean.get(figure);
                judge(out, "healthy merchants' " + figure + " within 10% of the clean run (ratio)", ratio,
                        Math.abs(ratio - 1) <= 0.10);
            }
        }
    }

    private static void judge(PrintStream out, String target, double value, boolean met) {
        out.printf("%-80s %12s  %s%n", target, fmt(value), met ? "met" : "NOT met");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("runtimeSending", List.of(RUNTIME + "-send-"));
        groups.put("runtimePreparing", List.of(RUNTIME + "-prepare-"));
        groups.put("runtimeTimer", List.of(RUNTIME + "-timer-"));
        groups.put("runtimeHttp", List.of(RUNTIME + "-http-", "HttpClient-"));
        groups.put("callers", List.of(RUNTIME + "-caller"));
        groups.put("jit", List.of("C1 CompilerThre", "C2 CompilerThre"));
        groups.put("gc", List.of("GC Thread", "G1 "));
        return groups;
    }

    /** The merchants of the runs, on one runtime. */
    private record Fleet(FleetOptions options, CommerceServicesRuntime runtime, CredentialStore credentials,
            FleetGateways gateways, Path root) {

        /** One run: builds its merchants (fresh data spaces), syncs them all at once, measures. */
        Figures run(String name, int failingMerchants, int products, PrintStream out) throws Exception {
            int merchants = options.merchants();
            int healthyMerchants = merchants - failingMerchants;
            List<CommerceServicesClient> clients = clients(name, merchants, healthyMerchants);
            CatalogGenerator catalog = new CatalogGenerator(CatalogProfile.REALISTIC);
            FleetGateways.Counts before = gateways.counts();
            ThreadCensus census = new ThreadCensus(RUNTIME);
            HeapGauge heap = new HeapGauge();
            ThreadCpuGauge cpu = new ThreadCpuGauge(GROUPS);
            Thread heapProbe = heapProbe(heap);
            AtomicInteger callerNumber = new AtomicInteger();
            ExecutorService callers = Executors.newFixedThreadPool(options.blocking() ? merchants : 1, task -> {
                Thread thread = new Thread(task, RUNTIME + "-caller-" + callerNumber.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            double loadBefore = loadAverage();
            long started = System.nanoTime();
            List<Future<Long>> syncs = new ArrayList<>();
            List<SyncReport> reports = new CopyOnWriteArrayList<>();
            for (CommerceServicesClient client : clients) {
                if (options.blocking()) {
                    syncs.add(callers.submit(() -> {
                        reports.add(client.catalog().sync(Feed.PRODUCTS, catalog.products(products)));
                        return System.nanoTime() - started;
                    }));
                } else {
                    syncs.add(client.catalog().syncAsync(Feed.PRODUCTS, catalog.products(products))
                            .thenApply(report -> {
                                reports.add(report);
                                return System.nanoTime() - started;
                            }));
                }
            }
            double[] seconds = new double[healthyMerchants];
            for (int m = 0; m < healthyMerchants; m++) {
                seconds[m] = syncs.get(m).get() / 1e9;
            }
            double wall = Arrays.stream(seconds).max().orElse(0);
            double loadAfter = loadAverage();
            FleetGateways.Counts after = gateways.counts();
            long failingRequests = after.failingRequests() - before.failingRequests();
            long healthyGatewayRequests = after.healthyRequests() - before.healthyRequests();
            int failingEnded = 0;
            for (int m = healthyMerchants; m < merchants; m++) {
                try {
                    syncs.get(m).get();
                } catch (ExecutionException ended) {
                    failingEnded++;
                }
            }
            heapProbe.interrupt();
            heapProbe.join();
            heap.checkpoint();
            heap.settle();
            Figures cpuSeconds = cpu.stop();
            census.close();
            callers.shutdownNow();
            clients.forEach(CommerceServicesClient::close);
            heap.close();

            long requests = reports.stream().mapToLong(SyncReport::requests).sum();
            long items = reports.stream().mapToLong(SyncReport::processed).sum();
            Arrays.sort(seconds);
            double sdkCpu = 0;
            double allCpu = 0;
            for (String group : cpuSeconds.names()) {
                double used = cpuSeconds.get(group);
                allCpu += used;
                if (group.startsWith("runtime") || group.equals("callers")) {
                    sdkCpu += used;
                }
            }
            Figures figures = new Figures()
                    .put("failingMerchants", failingMerchants)
                    .put("healthyMerchants", healthyMerchants)
                    .put("seconds", wall)
                    .put("requests", requests)
                    .put("gatewayRequests", healthyGatewayRequests)
                    .put("requestsPerSecond", requests / wall)
                    .put("requestsPerSecondPerDataSpace", requests / wall / healthyMerchants)
                    .put("items", items)
                    .put("itemsPerSecond", items / wall)
                    .put("merchantSecondsP50", percentile(seconds, 0.50))
                    .put("merchantSecondsP99", percentile(seconds, 0.99))
                    .put("merchantSecondsMax", seconds[seconds.length - 1])
                    .put("threadsPeak", census.allPeak())
                    .put("sdkThreadsPeak", census.sdkPeak())
                    .put("threadsPeakWithoutCallersAndGateway", census.ownPeak())
                    .put("threadsPeakWithoutGateway", census.withoutGatewayPeak())
                    .put("callerThreadsPeak", census.callerPeak())
                    .put("gatewayProcessThreads", after.threads())
                    .put("gatewayProcessCpuSeconds", after.cpuSeconds() - before.cpuSeconds())
                    .put("livePeakMiB", heap.livePeakMiB())
                    .put("poolPeakMiB", heap.poolPeakMiB())
                    .put("sdkCpuMicrosPerItem", sdkCpu * 1e6 / items)
                    .put("processCpuMicrosPerItem", allCpu * 1e6 / items)
                    .put("failingRequests", failingRequests)
                    .put("failingEnded", failingEnded)
                    .put("loadAverageBefore", loadBefore)
                    .put("loadAverageAfter", loadAfter)
                    .put("processors", Runtime.getRuntime().availableProcessors())
                    .putAll("cpu.", cpuSeconds);
            out.println("Run " + name + ": " + figures.toLine());
            return figures;
        }

        /**
         * Builds the merchants' clients, each creating its project and selecting its data space, one after the other
         * on this thread (not measured; a pool's threads could still be leaving while the threads are counted).
         */
        private List<CommerceServicesClient> clients(String run, int merchants, int healthyMerchants)
                throws IOException {
            List<CommerceServicesClient> clients = new ArrayList<>();
            for (int m = 0; m < merchants; m++) {
                clients.add(client(run, m, m >= healthyMerchants));
            }
            return clients;
        }

        /** A merchant's client: its project is created through the gateway's registry, then its data space selected. */
        private CommerceServicesClient client(String run, int number, boolean failingGateway) throws IOException {
            CatalogSyncSettings settings = CatalogSyncSettings.defaults().withRequestsPerSecond(options.rate())
                    .withBatchSize(options.batchSize()).withMaxInFlight(options.merchantInFlight());
            Path state = Files.createDirectories(root.resolve(run).resolve("merchant-" + number));
            CommerceServicesClient client = CommerceServicesClient.builder()
                    .environment(Environment.SANDBOX)
                    .credentials(credentials)
                    .installation(Installation.NON_PRODUCTION)
                    .endpoint(failingGateway ? gateways.failing() : gateways.healthy())
                    .runtime(runtime)
                    .stateDirectory(state)
                    .catalogSync(failingGateway ? settings.withSyncDeadline(FAILING_DEADLINE) : settings)
                    .build();
            SaasProject project = client.projects().create(run + " merchant " + number);
            client.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());
            return client;
        }

        private Thread heapProbe(HeapGauge heap) {
            Thread probe = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        TimeUnit.SECONDS.sleep(options.heapEverySeconds());
                        heap.checkpoint();
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-heap-probe");
            probe.setDaemon(true);
            probe.start();
            return probe;
        }
    }

    /** The machine's load average over the last minute (other processes included), or -1 where unknown. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    private static double percentile(double[] sorted, double share) {
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}

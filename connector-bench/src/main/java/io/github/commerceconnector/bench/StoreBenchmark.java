package io.github.commerceconnector.bench;

import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The state store benchmark: the same end-to-end catalog syncs (a sink fake gateway in the child JVM, the SDK's
 * defaults without a client-side rate limit) with the file store and with the JDBC store, in one run, size by
 * size: full sync speed, the opening of the state, the unchanged re-sync (medians of several runs, the stores
 * taking turns), and the live heap. It judges the JDBC
 * store's targets against the file store's figures of the same run. Run with {@code --help} for the options; exit
 * code 0 when it ran (targets met or not), 1 when a scenario failed, 2 on bad options.
 */
public final class StoreBenchmark {
    static final String USAGE = """
            Usage: e2e-jdbc.sh [options]
              --sizes 10000,100000,1000000  catalog sizes, ascending
              --runs 3                      full-sync runs per size and store, file and JDBC taking turns;
                                            medians are reported
              --warmup 10000                products each sync child syncs first, unmeasured
              --heap 256m                   -Xmx of every child
              --in-flight 2                 feed requests in flight per sync (the SDK's default: 2)
              --jdbc-url URL                a PostgreSQL of yours (user and password as URL parameters);
                                            default: an embedded PostgreSQL 17 with fsync and synchronous_commit on
              --no-heap                     skip the heap probes
              --help                        this text
            """;
    private static final List<String> STORES = List.of("file", "jdbc");

    private final E2eResults results = new E2eResults();
    private final PrintStream out;

    private StoreBenchmark(PrintStream out) {
        this.out = out;
    }

    /** Runs the benchmark and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the benchmark.
     *
     * @return 0 when it ran, 1 when a scenario failed, 2 on bad options
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("e2e-jdbc: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(USAGE);
            return 0;
        }
        try (BenchDatabase database = BenchDatabase.start(options.jdbcUrl())) {
            StoreBenchmark benchmark = new StoreBenchmark(out);
            benchmark.measure(options, database);
            benchmark.report(options);
            return 0;
        } catch (IOException | IllegalStateException e) {
            err.println("e2e-jdbc failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("e2e-jdbc interrupted");
            return 1;
        }
    }

    /** The median of a figure over the runs of a scenario, e.g. {@code sync/jdbc/1000000}. */
    double median(String key, String figure) {
        return results.median(key, figure);
    }

    private void measure(Options options, BenchDatabase database) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "State store benchmark: %d cores, JVM %s, children -Xmx%s, sizes %s, %d in flight, "
                + "PostgreSQL %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                options.heap(), options.sizes(), options.inFlight(),
                database.embedded() ? "embedded 17 (fsync and synchronous_commit on)" : "given");
        ChildJvm children = new ChildJvm(List.of());
        for (int size : options.sizes()) {
            for (int run = 0; run < options.runs(); run++) {
                for (String store : STORES) {
                    child(children, options, "sync/" + store + "/" + size, "sync", store, String.valueOf(size),
                            String.valueOf(options.warmup()), database.jdbcUrl(), String.valueOf(options.inFlight()));
                }
            }
            if (options.heapProbes()) {
                for (String store : STORES) {
                    child(children, options, "heap/" + store + "/" + size, "heap", store, String.valueOf(size), "0",
                            database.jdbcUrl());
                }
            }
        }
    }

    private void child(ChildJvm children, Options options, String key, String... arguments)
            throws IOException, InterruptedException {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        Figures figures = children.run(StoreScenarioMain.class, options.heap(), arguments);
        figures.put("load", load);
        results.add(key, figures);
        out.printf(Locale.ROOT, "  %-20s %6.1f s  load %4.1f  %s%n", key, (System.nanoTime() - start) / 1e9, load,
                figures);
        out.flush();
    }

    private void report(Options options) {
        out.println();
        out.println("== Full sync, open, unchanged re-sync: medians of " + options.runs() + " run(s) ==");
        out.println("| products | store | items/s | CPU µs/item, JVM | CPU µs/item, PostgreSQL | seconds | open s "
                + "| re-sync s | heap pool peak MiB |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int size : options.sizes()) {
            for (String store : STORES) {
                String key = "sync/" + store + "/" + size;
                out.printf(Locale.ROOT, "| %,d | %s | %,.0f | %.1f | %.1f | %.2f | %.2f | %.2f | %.0f |%n", size,
                        store, median(key, "itemsPerSecond"), median(key, "cpuSeconds") * 1e6 / size,
                        median(key, "postgresCpuSeconds") * 1e6 / size, median(key, "seconds"),
                        median(key, "openSeconds"), median(key, "resyncSeconds"), median(key, "poolPeakMiB"));
            }
        }
        if (options.heapProbes()) {
            out.println();
            out.println("== Live heap of a full sync (state open) ==");
            out.println("| products | file MiB | jdbc MiB |");
            out.println("|---:|---:|---:|");
            for (int size : options.sizes()) {
                out.printf(Locale.ROOT, "| %,d | %.1f | %.1f |%n", size,
                        median("heap/file/" + size, "livePeakMiB"), median("heap/jdbc/" + size, "livePeakMiB"));
            }
        }
        out.println();
        out.println("== Targets (JDBC store against the file store of this run) ==");
        for (String target : targets(options)) {
            out.println(target);
        }
    }

    /** The targets of the issue, judged on the largest size. */
    List<String> targets(Options options) {
        int largest = options.sizes().get(options.sizes().size() - 1);
        String file = "sync/file/" + largest;
        String jdbc = "sync/jdbc/" + largest;
        List<String> targets = new ArrayList<>();
        double speed = median(jdbc, "itemsPerSecond") / median(file, "itemsPerSecond");
        targets.add(judge(String.format(Locale.ROOT, "full sync of %,d: JDBC at least 70%% of the file store's items/s",
                largest), String.format(Locale.ROOT, "%.0f%%", speed * 100), speed >= 0.70));
        double resync = median(jdbc, "resyncSeconds") / median(file, "resyncSeconds");
        targets.add(judge(String.format(Locale.ROOT, "unchanged re-sync of %,d: JDBC at most 2x the file store's time",
                largest), String.format(Locale.ROOT, "x%.2f", resync), resync <= 2.0));
        if (options.heapProbes() && options.sizes().size() > 1) {
            int smallest = options.sizes().get(0);
            double heap = median("heap/jdbc/" + largest, "livePeakMiB")
                    / median("heap/jdbc/" + smallest, "livePeakMiB");
            targets.add(judge(String.format(Locale.ROOT, "JDBC live heap at %,d at most 1.5x the one at %,d", largest,
                    smallest), String.format(Locale.ROOT, "x%.2f", heap), heap <= 1.5));
        }
        return targets;
    }

    private static String judge(String target, String measured, boolean met) {
        return String.format(Locale.ROOT, "  %-72s %10s  %s", target, measured, met ? "met" : "MISSED");
    }

    /**
     * The options.
     *
     * @param sizes      catalog sizes, ascending
     * @param runs       full-sync runs per size and store
     * @param warmup     products each sync child syncs first
     * @param heap       {@code -Xmx} of every child
     * @param inFlight   feed requests in flight per sync
     * @param jdbcUrl    the PostgreSQL to use, or {@code null} for an embedded one
     * @param heapProbes whether to run the heap probes
     * @param help       print the usage only
     */
    record Options(List<Integer> sizes, int runs, int warmup, String heap, int inFlight, String jdbcUrl,
            boolean heapProbes, boolean help) {

        /**
         * Parses the command line.
         *
         * @throws IllegalArgumentException naming the bad option
         */
        static Options parse(String... args) {
            List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
            int runs = 3;
            int warmup = 10_000;
            String heap = "256m";
            int inFlight = CatalogSyncSettings.defaults().maxInFlight();
            String jdbcUrl = null;
            boolean heapProbes = true;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    help = true;
                    continue;
                }
                if (option.equals("--no-heap")) {
                    heapProbes = false;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value (see --help)");
                }
                String value = args[++i];
                switch (option) {
                    case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(String::strip)
                            .map(size -> E2eOptions.count(option, size, 1)).sorted().toList();
                    case "--runs" -> runs = E2eOptions.count(option, value, 1);
                    case "--warmup" -> warmup = E2eOptions.count(option, value, 0);
                    case "--heap" -> heap = value;
                    case "--in-flight" -> inFlight = E2eOptions.count(option, value, 1);
                    case "--jdbc-url" -> jdbcUrl = value;
                    default -> throw new IllegalArgumentException("Unknown option " + option + " (see --help)");
                }
            }
            return new Options(sizes, runs, warmup, heap, inFlight, jdbcUrl, heapProbes, help);
        }
    }
}

package io.github.commerceconnector.bench;

import java.io.IOException;
import java.io.PrintStream;
import io.github.commerceconnector.examples.CatalogProfile;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The end-to-end benchmark: syncs generated catalogs (each {@linkplain CatalogProfile profile} asked for, reported
 * on its own) to an in-process fake gateway and compares the SDK with
 * a do-it-yourself baseline and with the limit of the machine, then checks full fidelity, the rate-limit
 * guardrail and the number of RSA signatures, and judges the targets. Every scenario runs in a child JVM of
 * its own. Run with {@code --help} for the options; exit code 0 when it ran (targets met or not), 1 when a
 * scenario failed, 2 on bad options.
 */
public final class E2eBenchmark {
    private final E2eOptions options;
    private final CatalogProfile profile;
    private final PrintStream out;
    private final ChildJvm children;
    private final E2eResults results = new E2eResults();

    private E2eBenchmark(E2eOptions options, CatalogProfile profile, PrintStream out) {
        this.options = options;
        this.profile = profile;
        this.out = out;
        this.children = new ChildJvm(options.jvmArguments());
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
        E2eOptions options;
        try {
            options = E2eOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("e2e: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(E2eOptions.USAGE);
            return 0;
        }
        try {
            for (CatalogProfile profile : options.profiles()) {
                out.printf(Locale.ROOT, "%n=== Catalog profile: %s, median %,d bytes of JSON per product ===%n",
                        profile.label(), CatalogBytes.medianPerProduct(profile));
                E2eResults results = measure(options, profile, out);
                new E2eReport(options, results, out).print();
            }
            return 0;
        } catch (IOException | IllegalStateException e) {
            err.println("e2e failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("e2e interrupted");
            return 1;
        }
    }

    /** Runs every scenario the options ask for on a catalog profile and returns the figures. */
    static E2eResults measure(E2eOptions options, CatalogProfile profile, PrintStream out)
            throws IOException, InterruptedException {
        E2eBenchmark benchmark = new E2eBenchmark(options, profile, out);
        benchmark.all();
        return benchmark.results;
    }

    private void all() throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "End-to-end benchmark: %d cores, JVM %s, children -Xmx%s, sizes %s, %d run(s) each%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), options.heap(),
                options.sizes(), options.runs());
        if (options.signingMinutes() > 0) {
            child("signing", "1g", "signing", "minutes=" + options.signingMinutes(), "perSecond=2");
        }
        for (int size : options.sizes()) {
            for (int run = 1; run <= options.runs(); run++) {
                String warmup = "warmup=" + options.warmup();
                child("sdk/" + size, options.heap(), "sdk", "size=" + size, warmup,
                        "resync=" + (size == options.resyncSize()));
                child("baseline/" + size, options.heap(), "baseline", "size=" + size, warmup);
                child("limit/" + size, options.heap(), "limit", "size=" + size, warmup);
            }
            child("heap/" + size, options.heap(), "heap", "size=" + size);
        }
        if (options.cpuSize() > 0) {
            child("cpu/" + options.cpuSize(), options.heap(), "cpu", "size=" + options.cpuSize(),
                    "warmup=" + options.warmup());
        }
        if (options.fidelitySize() > 0) {
            child("fidelity", options.fidelityHeap(), "fidelity", "size=" + options.fidelitySize());
        }
        if (options.guardrailSize() > 0) {
            child("guardrail", "1g", "guardrail", "size=" + options.guardrailSize());
        }
    }

    private void child(String key, String heap, String... arguments) throws IOException, InterruptedException {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        String[] withProfile = Arrays.copyOf(arguments, arguments.length + 1);
        withProfile[arguments.length] = "profile=" + profile.label();
        Figures figures = children.run(heap, withProfile);
        figures.put("load", load);
        results.add(key, figures);
        out.printf(Locale.ROOT, "  %-18s %6.1f s  load %4.1f  %s%n", key, (System.nanoTime() - start) / 1e9, load,
                E2eReport.brief(figures));
        out.flush();
    }
}

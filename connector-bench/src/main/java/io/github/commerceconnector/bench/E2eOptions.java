package io.github.commerceconnector.bench;

import io.github.commerceconnector.examples.CatalogProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options of the end-to-end benchmark.
 *
 * @param sizes         catalog sizes of the throughput runs, ascending
 * @param runs          runs per size and contender (the median is reported); 0 runs only the heap probes
 * @param warmup        products each throughput child syncs before it measures (JIT warm-up)
 * @param heap          {@code -Xmx} of the throughput and heap-probe children
 * @param resyncSize    the size whose SDK runs also re-sync (0: none)
 * @param cpuSize       products of the run that breaks the SDK's CPU time down by thread (0: skip)
 * @param fidelitySize  products of the full-fidelity check (0: skip)
 * @param fidelityHeap  {@code -Xmx} of the full-fidelity child (the fake gateway holds every item parsed)
 * @param guardrailSize products of the guardrail run (0: skip)
 * @param signingMinutes minutes of simulated steady traffic for the signature count (0: skip)
 * @param jvmArguments  extra arguments for every child JVM
 * @param profiles      the catalogs to run everything on, each reported on its own
 * @param help          print the usage only
 */
record E2eOptions(List<Integer> sizes, int runs, int warmup, String heap, int resyncSize, int cpuSize,
        int fidelitySize, String fidelityHeap, int guardrailSize, int signingMinutes, List<String> jvmArguments,
        List<CatalogProfile> profiles, boolean help) {

    static final String USAGE = """
            Usage: e2e.sh [options]
              --sizes 10000,100000,1000000  catalog sizes of the throughput runs
              --runs 3                      runs per size and contender; medians are reported (0: heap probes only)
              --warmup 10000                products each throughput child syncs first, unmeasured
              --heap 256m                   -Xmx of every throughput and heap-probe child
              --resync-size N               size whose SDK runs also re-sync (default: the largest; 0: none)
              --cpu-size N                  products of a run that breaks the SDK's CPU time down by thread
                                            (Linux; default: the largest size; 0: skip)
              --fidelity-size 100000        products of the full-fidelity check (0: skip)
              --fidelity-heap 3g            -Xmx of the full-fidelity child
              --guardrail-size 20000        products synced under the 2 requests/s guardrail (0: skip)
              --signing-minutes 60          minutes of simulated steady traffic for the signature count (0: skip)
              --profiles realistic,small    the catalogs, each run and reported on its own: realistic (what a
                                            real store sends) and small (the ~1.6 KB products of earlier runs)
              --jvm-arg ARG                 an extra argument for every child JVM (repeatable), e.g.
                                            --jvm-arg -XX:StartFlightRecording=filename=/tmp/sdk.jfr
              --help                        this text
            """;

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException naming the bad option
     */
    static E2eOptions parse(String... args) {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        int runs = 3;
        int warmup = 10_000;
        String heap = "256m";
        Integer resyncSize = null;
        Integer cpuSize = null;
        int fidelitySize = 100_000;
        String fidelityHeap = "3g";
        int guardrailSize = 20_000;
        int signingMinutes = 60;
        List<String> jvmArguments = new ArrayList<>();
        List<CatalogProfile> profiles = List.of(CatalogProfile.REALISTIC, CatalogProfile.SMALL);
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                help = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value (see --help)");
            }
            String value = args[++i];
            switch (option) {
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(String::strip)
                        .map(size -> count(option, size, 1)).sorted().toList();
                case "--runs" -> runs = count(option, value, 0);
                case "--warmup" -> warmup = count(option, value, 0);
                case "--heap" -> heap = value;
                case "--resync-size" -> resyncSize = count(option, value, 0);
                case "--cpu-size" -> cpuSize = count(option, value, 0);
                case "--fidelity-size" -> fidelitySize = count(option, value, 0);
                case "--fidelity-heap" -> fidelityHeap = value;
                case "--guardrail-size" -> guardrailSize = count(option, value, 0);
                case "--signing-minutes" -> signingMinutes = count(option, value, 0);
                case "--jvm-arg" -> jvmArguments.add(value);
                case "--profiles" -> profiles = Arrays.stream(value.split(",")).map(CatalogProfile::of).distinct()
                        .toList();
                default -> throw new IllegalArgumentException("Unknown option " + option + " (see --help)");
            }
        }
        int largest = sizes.get(sizes.size() - 1);
        int resync = resyncSize != null ? resyncSize : largest;
        int cpu = cpuSize != null ? cpuSize : largest;
        return new E2eOptions(sizes, runs, warmup, heap, resync, cpu, fidelitySize, fidelityHeap, guardrailSize,
                signingMinutes, jvmArguments, profiles, help);
    }

    /**
     * A whole number option value of at least {@code minimum} ({@code _} allowed as a digit separator).
     *
     * @throws IllegalArgumentException naming the option and the bad value
     */
    static int count(String option, String value, int minimum) {
        try {
            int parsed = Integer.parseInt(value.replace("_", ""));
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " " + value + " is not a whole number", notANumber);
        }
        throw new IllegalArgumentException(option + " " + value + " is below " + minimum);
    }
}

package io.github.commerceconnector.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints the end-to-end benchmark's figures (medians), ratios and targets, and judges the targets. */
final class E2eReport {
    private static final double MIB = 1024.0 * 1024.0;
    private static final List<String> CONTENDERS = List.of("sdk", "baseline", "limit");

    private final E2eOptions options;
    private final E2eResults results;
    private final PrintStream out;

    E2eReport(E2eOptions options, E2eResults results, PrintStream out) {
        this.options = options;
        this.results = results;
        this.out = out;
    }

    /** A one-line summary of a figure set, for progress lines. */
    static String brief(Figures figures) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("itemsPerSecond", "cpuSeconds", "requests", "livePeakMiB", "resyncSeconds",
                "changedSeconds",
                "exact", "changedExact", "acceptedPerSecond", "throttledShare", "signatures")) {
            figures.find(name).ifPresent(value -> text.append(name).append('=').append(number(value)).append(' '));
        }
        return text.toString().strip();
    }

    /** Prints everything and judges the targets into the results. */
    void print() {
        int largest = options.sizes().get(options.sizes().size() - 1);
        int smallest = options.sizes().get(0);
        throughput();
        resync();
        heap();
        cpuByThreads();
        fidelity();
        guardrail();
        signatures();
        judge(smallest, largest);
        out.println();
        out.println("== Targets ==");
        for (E2eResults.Target target : results.targets()) {
            out.printf(Locale.ROOT, "  [%s] %s: %s%n", target.met() ? "MET " : "MISS", target.name(), target.measured());
        }
    }

    private void throughput() {
        out.println();
        out.printf(Locale.ROOT, "== Full sync, medians of %d run(s): 100 items per request, sink gateway, no rate "
                + "limit ==%n", options.runs());
        out.println("  sdk      = the SDK, default settings except the client-side rate limit (off, as the gateway's)");
        out.println("  baseline = do-it-yourself: batches of 100, JDK default gzip, one request at a time, a fresh "
                + "JWT per request");
        out.println("  limit    = generate + serialize + gzip with the SDK's settings on every core; no network, "
                + "no state");
        out.println("  CPU µs/item = CPU time of the whole child JVM (gateway, JIT and GC included) per item");
        out.println("  warm = the same child, its JIT paid, doing the same work again (a second catalog)");
        out.printf(Locale.ROOT, "  %-10s %-9s %12s %12s %12s %12s %10s %10s %9s %10s %6s%n", "products", "contender",
                "items/s", "warm items/s", "CPU µs/item", "warm CPU µs", "MiB sent", "requests", "seconds",
                "pool MiB", "load");
        for (int size : options.sizes()) {
            for (String contender : CONTENDERS) {
                String key = contender + "/" + size;
                if (results.runs(key).isEmpty()) {
                    continue;
                }
                out.printf(Locale.ROOT, "  %-10s %-9s %,12.0f %,12.0f %12.1f %12.1f %10.1f %,10.0f %9.2f %10s %6.1f%n",
                        String.format(Locale.ROOT, "%,d", size), contender,
                        results.median(key, "itemsPerSecond"), results.median(key, "warmItemsPerSecond"),
                        results.median(key, "cpuSeconds") * 1e6 / size,
                        results.median(key, "warmCpuSeconds") * 1e6 / size,
                        results.median(key, "bytesSent") / MIB,
                        results.median(key, "requests"), results.median(key, "seconds"),
                        results.first(key).flatMap(f -> f.find("poolPeakMiB")).isPresent()
                                ? String.format(Locale.ROOT, "%.0f", results.median(key, "poolPeakMiB")) : "-",
                        results.median(key, "load"));
            }
            ratio(size).ifPresent(ratios -> out.printf(Locale.ROOT, "  %-10s SDK/baseline x%.2f   SDK/limit %.0f%%"
                    + "   (by CPU per item: x%.2f and %.0f%%)%n", "", ratios[0], ratios[1] * 100, ratios[2],
                    ratios[3] * 100));
            warmRatio(size).ifPresent(ratios -> out.printf(Locale.ROOT, "  %-10s warm: SDK/limit %.0f%% by items/s;"
                    + " SDK CPU per item x%.2f the limit's, x%.2f the baseline's%n", "", ratios[0] * 100,
                    ratios[1], ratios[2]));
            if (!results.runs("sdk/" + size).isEmpty()) {
                out.printf(Locale.ROOT, "  %-10s merchants per core at the guardrail's pace (200 items/s), warm: "
                        + "%.0f%n", "", merchantsPerCore(size));
            }
        }
    }

    /** Whether every contender ran at a size. */
    private boolean allContenders(int size) {
        return CONTENDERS.stream().noneMatch(contender -> results.runs(contender + "/" + size).isEmpty());
    }

    private Optional<double[]> ratio(int size) {
        String sdk = "sdk/" + size;
        if (!allContenders(size)) {
            return Optional.empty();
        }
        double speed = results.median(sdk, "itemsPerSecond");
        double cpu = results.median(sdk, "cpuSeconds");
        return Optional.of(new double[] {speed / results.median("baseline/" + size, "itemsPerSecond"),
            speed / results.median("limit/" + size, "itemsPerSecond"),
            results.median("baseline/" + size, "cpuSeconds") / cpu, results.median("limit/" + size, "cpuSeconds") / cpu});
    }

    /** Warm: SDK/limit items/s, SDK/limit and SDK/baseline CPU per item. */
    private Optional<double[]> warmRatio(int size) {
        String sdk = "sdk/" + size;
        if (!allContenders(size)) {
            return Optional.empty();
        }
        double cpu = results.median(sdk, "warmCpuSeconds");
        return Optional.of(new double[] {results.median(sdk, "warmItemsPerSecond")
                / results.median("limit/" + size, "warmItemsPerSecond"),
            cpu / results.median("limit/" + size, "warmCpuSeconds"),
            cpu / results.median("baseline/" + size, "warmCpuSeconds")});
    }

    /** 1 / (200 items/s x warm CPU seconds per item) of the SDK. */
    private double merchantsPerCore(int size) {
        return 1 / (200 * results.median("sdk/" + size, "warmCpuSeconds") / size);
    }

    private void resync() {
        String key = "sdk/" + options.resyncSize();
        if (results.runs(key).isEmpty() || results.first(key).get().find("resyncSeconds").isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "== Re-sync of %,d products (new client on the same state directory), medians ==%n",
                options.resyncSize());
        out.printf(Locale.ROOT, "  state:      opened in %.3f s (median), %.1f bytes on disk per item%n",
                results.median(key, "stateOpenSeconds"), results.median(key, "stateBytesPerItem"));
        out.printf(Locale.ROOT, "  unchanged:  %6.2f s, %,.0f feed requests, %.1f CPU s%n",
                results.median(key, "resyncSeconds"), results.median(key, "resyncRequests"),
                results.median(key, "resyncCpuSeconds"));
        if (results.first(key).get().find("resyncWarmSeconds").isPresent()) {
            out.printf(Locale.ROOT, "    warm:     %6.2f s, %,.0f feed requests, %.1f CPU s (the same re-sync again, "
                    + "its JIT paid)%n", results.median(key, "resyncWarmSeconds"),
                    results.median(key, "resyncWarmRequests"), results.median(key, "resyncWarmCpuSeconds"));
        }
        out.printf(Locale.ROOT, "  1%% changed: %6.2f s, %,.0f products sent in %,.0f requests (%.1f MiB)%n",
                results.median(key, "changedSeconds"), results.median(key, "changedSent"),
                results.median(key, "changedRequests"), results.median(key, "changedBytes") / MIB);
    }

    private void heap() {
        out.println();
        out.printf(Locale.ROOT, "== Peak heap of a full sync, -Xmx%s, one run each ==%n", options.heap());
        out.println("  live     = most heap in use after a full collection, forced at every tenth of the catalog and "
                + "at the end (state still open)");
        out.println("  after-GC = most heap in use after any collection (young ones leave old garbage in place)");
        out.println("  pool     = peak usage of the heap pools, garbage included (how far G1 let the heap fill)");
        for (int size : options.sizes()) {
            results.first("heap/" + size).ifPresent(figures -> out.printf(Locale.ROOT,
                    "  %,10d products: live %6.1f MiB   after-GC %6.1f MiB   pool %6.1f MiB%n", size,
                    figures.get("livePeakMiB"), figures.get("afterGcPeakMiB"), figures.get("poolPeakMiB")));
        }
    }

    private void cpuByThreads() {
        String key = "cpu/" + options.cpuSize();
        Optional<Figures> run = results.first(key);
        if (run.isEmpty() || run.get().find("threads.preparers").isEmpty()) {
            return;
        }
        Figures figures = run.get();
        double items = figures.get("items");
        double total = figures.get("cpuSeconds");
        out.println();
        out.printf(Locale.ROOT, "== Where the CPU goes: SDK full sync of %,.0f products, one run, CPU of each group "
                + "of threads ==%n", items);
        out.printf(Locale.ROOT, "  %,.0f items/s, %.1f CPU s in all, %.1f CPU µs/item%n", figures.get("itemsPerSecond"),
                total, total * 1e6 / items);
        double counted = 0;
        for (String group : ThreadCpuGauge.GROUPS.keySet()) {
            double seconds = figures.get("threads." + group);
            counted += seconds;
            out.printf(Locale.ROOT, "  %-14s %7.1f CPU µs/item  %5.1f%%%n", group, seconds * 1e6 / items,
                    seconds / total * 100);
        }
        double rest = total - counted;
        out.printf(Locale.ROOT, "  %-14s %7.1f CPU µs/item  %5.1f%%   (other threads, and what the sampler missed)%n",
                "rest", rest * 1e6 / items, rest / total * 100);
        figures.find("jitCompileSecondsInJvm").ifPresent(seconds -> out.printf(Locale.ROOT,
                "  the JIT compilers' own count: %.1f s spent compiling since the JVM started (warm-up included)%n",
                seconds));
    }

    private void fidelity() {
        results.first("fidelity").ifPresent(figures -> {
            out.println();
            out.printf(Locale.ROOT, "== Full fidelity, %,.0f products to a gateway that stores every item ==%n",
                    figures.get("items"));
            out.printf(Locale.ROOT, "  after the sync:       %,.0f held, %,.0f missing, %,.0f different, %,.0f extra: %s%n",
                    figures.get("held"), figures.get("missing"), figures.get("different"), figures.get("extra"),
                    figures.get("exact") == 1 ? "exactly the catalog" : "NOT the catalog");
            out.printf(Locale.ROOT, "  after 1%% changed:     %,.0f sent (%,.0f changed), %,.0f held, %,.0f missing, "
                    + "%,.0f different: %s%n", figures.get("changedSent"), figures.get("expectedChanged"),
                    figures.get("changedHeld"), figures.get("changedMissing"), figures.get("changedDifferent"),
                    figures.get("changedExact") == 1 ? "exactly the catalog" : "NOT the catalog");
        });
    }

    private void guardrail() {
        results.first("guardrail").ifPresent(figures -> {
            out.println();
            out.printf(Locale.ROOT, "== Guardrail: gateway limit 2 requests/s on, SDK defaults (adaptive limit 2/s), "
                    + "%,.0f products ==%n", figures.get("items"));
            out.printf(Locale.ROOT, "  %.1f s, %,.0f feed requests, %,.0f accepted (%.2f/s), %,.0f answered 429 "
                    + "(%.2f%%), %,.0f RSA signatures%n", figures.get("seconds"), figures.get("feedRequests"),
                    figures.get("accepted"), figures.get("acceptedPerSecond"), figures.get("throttled"),
                    figures.get("throttledShare") * 100, figures.get("signatures"));
        });
    }

    private void signatures() {
        out.println();
        out.println("== RSA signatures ==");
        results.first("signing").ifPresent(figures -> out.printf(Locale.ROOT,
                "  simulated steady traffic, %,.0f min at %.0f requests/s: %,.0f requests, %,.0f signatures "
                        + "(%.2f per 4 min), %,.0f tokens used within 60 s of expiry%n", figures.get("minutes"),
                figures.get("requestsPerSecond"), figures.get("requests"), figures.get("signatures"),
                figures.get("signaturesPer4Minutes"), figures.get("tokensUsedWithin60sOfExpiry")));
        for (int size : options.sizes()) {
            String key = "sdk/" + size;
            if (!results.runs(key).isEmpty()) {
                out.printf(Locale.ROOT, "  SDK full sync of %,d: %,.0f signatures in %.1f s (median); baseline: %,.0f%n",
                        size, results.median(key, "signatures"), results.median(key, "seconds"),
                        results.runs("baseline/" + size).isEmpty() ? 0 : results.median("baseline/" + size,
                                "signatures"));
            }
        }
    }

    private void judge(int smallest, int largest) {
        warmRatio(largest).ifPresent(ratios -> {
            results.target(String.format(Locale.ROOT, "full sync of %,d, warm CPU per item at most 2x the limit's "
                    + "and 0.5x the baseline's", largest), String.format(Locale.ROOT, "x%.2f and x%.2f", ratios[1],
                    ratios[2]), ratios[1] <= 2 && ratios[2] <= 0.5);
            results.target(String.format(Locale.ROOT, "full sync of %,d, warm items/s at least 50%% of the limit's",
                    largest), String.format(Locale.ROOT, "%.0f%%", ratios[0] * 100), ratios[0] >= 0.5);
        });
        String resync = "sdk/" + options.resyncSize();
        if (!results.runs(resync).isEmpty() && results.first(resync).get().find("resyncSeconds").isPresent()) {
            double seconds = results.median(resync, "resyncSeconds");
            double requests = results.median(resync, "resyncRequests") + results.median(resync,
                    "resyncGatewayRequests");
            double cpu = results.median(resync, "resyncCpuSeconds");
            String warm = results.first(resync).get().find("resyncWarmSeconds").isEmpty() ? ""
                    : String.format(Locale.ROOT, " (warm: %.2f s, %.1f CPU s)", results.median(resync,
                            "resyncWarmSeconds"), results.median(resync, "resyncWarmCpuSeconds"));
            results.target(String.format(Locale.ROOT, "re-sync of the unchanged %,d: 0 feed requests, at most 3 s "
                    + "and 4 CPU s", options.resyncSize()), String.format(Locale.ROOT, "%.2f s, %.1f CPU s, %.0f "
                    + "requests", seconds, cpu, requests) + warm, seconds <= 3 && cpu <= 4 && requests == 0);
            double open = results.median(resync, "stateOpenSeconds");
            results.target(String.format(Locale.ROOT, "opening the state of %,d items at most 0.3 s",
                    options.resyncSize()), String.format(Locale.ROOT, "%.3f s", open), open <= 0.3);
            double bytes = results.median(resync, "stateBytesPerItem");
            results.target("state on disk at most 64 bytes per item", String.format(Locale.ROOT, "%.1f bytes",
                    bytes), bytes <= 64);
            double changed = results.median(resync, "changedSeconds");
            results.target(String.format(Locale.ROOT, "re-sync of %,d with 1%% changed at most 4 s",
                    options.resyncSize()), String.format(Locale.ROOT, "%.2f s", changed), changed <= 4);
        }
        Optional<Figures> small = results.first("heap/" + smallest);
        Optional<Figures> large = results.first("heap/" + largest);
        if (small.isPresent() && large.isPresent() && largest > smallest) {
            double ratio = large.get().get("livePeakMiB") / small.get().get("livePeakMiB");
            results.target(String.format(Locale.ROOT, "peak heap flat: %,d with -Xmx%s, at most 1.5x the %,d run",
                    largest, options.heap(), smallest), String.format(Locale.ROOT, "ran; live %.1f / %.1f MiB = x%.2f",
                    large.get().get("livePeakMiB"), small.get().get("livePeakMiB"), ratio), ratio <= 1.5);
        }
        results.first("signing").ifPresent(figures -> results.target("at most one RSA signature per key per 4 min",
                String.format(Locale.ROOT, "%.2f per 4 min", figures.get("signaturesPer4Minutes")),
                figures.get("signaturesPer4Minutes") <= 1.0 && figures.get("tokensUsedWithin60sOfExpiry") == 0));
        results.first("guardrail").ifPresent(figures -> results.target(String.format(Locale.ROOT,
                "guardrail on, %,.0f products: at least 1.9 requests/s, at most 1%% answered 429",
                figures.get("items")), String.format(Locale.ROOT, "%.2f/s, %.2f%%", figures.get("acceptedPerSecond"),
                figures.get("throttledShare") * 100),
                figures.get("acceptedPerSecond") >= 1.9 && figures.get("throttledShare") <= 0.01));
        results.first("fidelity").ifPresent(figures -> results.target(String.format(Locale.ROOT,
                "full fidelity at %,.0f: the gateway holds exactly the catalog", figures.get("items")),
                figures.get("exact") == 1 && figures.get("changedExact") == 1 ? "exact, also after 1% changed"
                        : "differs", figures.get("exact") == 1 && figures.get("changedExact") == 1));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }
}

package io.github.commerceconnector.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The sizes of the multi-tenant benchmark ({@code e2e-fleet.sh --help}).
 *
 * @param merchants        data spaces syncing at once, one client and one caller thread each
 * @param products         products per merchant
 * @param failing          merchants of the second run whose gateway fails every request (0 skips that run)
 * @param rate             the gateway's guardrail and the clients' pace, requests per second per data space
 * @param latencyMillis    the gateway's added latency per request
 * @param sendingThreads   the runtime's sending threads
 * @param preparingThreads the runtime's preparing threads
 * @param maxInFlight      the runtime's requests waiting or in flight
 * @param heapEverySeconds how often the live heap is measured (a forced full collection)
 * @param batchSize        products per request; 0 for the feed's default (100)
 * @param merchantInFlight batches each merchant keeps waiting or in flight (its {@code maxInFlight})
 * @param warmUpProducts   products per merchant of the warm-up run (not judged)
 * @param blocking         whether each merchant calls the blocking {@code sync} on a caller thread of its own
 *                         instead of {@code syncAsync}
 */
record FleetOptions(int merchants, int products, int failing, double rate, int latencyMillis, int sendingThreads,
        int preparingThreads, int maxInFlight, int heapEverySeconds, int batchSize, int merchantInFlight,
        int warmUpProducts, boolean blocking) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: e2e-fleet.sh [options]",
            "  --merchants N          data spaces syncing at once on one runtime (default 200)",
            "  --products N           products per merchant (default 5000)",
            "  --failing N            merchants of the second run whose gateway fails every request (default 20;",
            "                         0 skips the second run)",
            "  --rate R               the gateway's guardrail per data space, requests/s (default 2)",
            "  --latency-ms N         the gateway's added latency per request (default 50)",
            "  --sending-threads N    the runtime's sending threads (default 32)",
            "  --preparing-threads N  the runtime's preparing threads (default 2)",
            "  --max-in-flight N      the runtime's requests waiting or in flight (default 1024)",
            "  --heap-every S         seconds between live-heap measurements (default 5)",
            "  --batch-size N         products per request (default 0: the feed's 100); fewer items per request",
            "                         check the pacing where the CPU could not prepare 100 items per request",
            "  --merchant-in-flight N each merchant's batches waiting or in flight (default 1: one suffices at",
            "                         2 requests/s and 50 ms replies, and holds half the memory of the SDK's 2)",
            "  --warm-up N            products per merchant of the warm-up run, not judged (default 2500)",
            "  --blocking N           1: each merchant calls the blocking sync on a caller thread of its own;",
            "                         0 (default): syncAsync, no caller thread");

    /** Parses {@code --name value} pairs over the defaults. */
    static FleetOptions parse(String... args) {
        int[] values = {200, 5000, 20, 2, 50, 32, 2, 1024, 5, 0, 1, 2500, 0};
        String[] names = {"--merchants", "--products", "--failing", "--rate", "--latency-ms", "--sending-threads",
            "--preparing-threads", "--max-in-flight", "--heap-every", "--batch-size", "--merchant-in-flight",
            "--warm-up", "--blocking"};
        for (int i = 0; i < args.length; i += 2) {
            int index = Arrays.asList(names).indexOf(args[i]);
            if (index < 0 || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + args[i] + "\n" + USAGE);
            }
            try {
                values[index] = Integer.parseInt(args[i + 1]);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(args[i] + " needs a whole number, not '" + args[i + 1] + "'");
            }
            int least = index == 2 || index == 9 || index == 12 ? 0 : 1;
            if (values[index] < least) {
                throw new IllegalArgumentException(args[i] + " must be at least " + least);
            }
        }
        if (values[2] >= values[0]) {
            throw new IllegalArgumentException("--failing " + values[2] + " must be fewer than --merchants "
                    + values[0]);
        }
        return new FleetOptions(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7], values[8], values[9], values[10], values[11], values[12] != 0);
    }

    /** One line naming every size. */
    String describe() {
        return String.format(Locale.ROOT, "%d merchants x %,d products (%s per request), guardrail %.0f requests/s "
                + "per data space, latency %d ms, %d batches in flight per merchant, runtime: %d sending threads, %d "
                + "preparing threads, %d requests in flight; %s; warm-up %,d products each; second run with %d failing "
                + "merchants", merchants, products, batchSize == 0 ? "100" : String.valueOf(batchSize), rate,
                latencyMillis, merchantInFlight, sendingThreads, preparingThreads, maxInFlight,
                blocking ? "blocking sync, one caller thread per merchant" : "syncAsync, no caller threads",
                warmUpProducts, failing);
    }
}

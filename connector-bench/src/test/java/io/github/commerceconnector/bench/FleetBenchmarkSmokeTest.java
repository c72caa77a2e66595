package io.github.commerceconnector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the multi-tenant benchmark from rotting: 10 merchants of 300 products on one runtime against the guardrail
 * (2 requests/s per data space) and a 50 ms latency, the gateways in a child JVM, then 8 of them beside 2 whose gateway fails every request. Every
 * figure is produced and every target judged; the counts are exact (each merchant's 3 requests reach the gateway,
 * the failing merchants are refused and end at their sync deadline, the SDK's threads stay within the runtime's
 * sizes, {@code syncAsync} holds no caller thread). Speed is not asserted.
 */
class FleetBenchmarkSmokeTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSmallFleetProducesEveryFigureWithExactCounts() throws Exception {
        FleetOptions options = FleetOptions.parse("--merchants", "10", "--products", "300", "--failing", "2",
                "--sending-threads", "4", "--preparing-threads", "2", "--max-in-flight", "64", "--heap-every", "1", "--warm-up", "100");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);

        List<Figures> runs = FleetBenchmark.measure(options, out);
        FleetBenchmark.report(options, runs, out);

        Figures clean = runs.get(0);
        assertEquals(10 * 3, clean.get("requests"), "3 requests of 100 products per merchant");
        assertEquals(10 * 3, clean.get("gatewayRequests"), "every request reached the gateway");
        assertEquals(10 * 300, clean.get("items"));
        assertTrue(clean.get("requestsPerSecond") > 0 && clean.get("itemsPerSecond") > 0);
        assertTrue(clean.get("merchantSecondsP50") <= clean.get("merchantSecondsP99"));
        assertTrue(clean.get("sdkThreadsPeak") <= 4 + 2 + 1 + 2 + 1, "the runtime's sizes and the JDK selector: "
                + clean.get("sdkThreadsPeak"));
        assertEquals(0, clean.get("callerThreadsPeak"), "syncAsync holds no caller thread");
        assertEquals(clean.get("threadsPeak"), clean.get("threadsPeakWithoutGateway"),
                "the gateways run in a process of their own");
        assertTrue(clean.get("gatewayProcessThreads") > 0 && clean.get("gatewayProcessCpuSeconds") > 0,
                "the gateways' process reports its threads and CPU");
        assertTrue(clean.get("livePeakMiB") > 0 && clean.get("processCpuMicrosPerItem") > 0);
        Figures failing = runs.get(1);
        assertEquals(8 * 3, failing.get("requests"), "the healthy merchants' requests");
        assertEquals(8 * 300, failing.get("items"));
        assertTrue(failing.get("failingRequests") >= 2, "the failing merchants were refused");
        assertEquals(2, failing.get("failingEnded"), "the failing merchants ended at their sync deadline");
        String report = text.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("== Targets =="), report);
        assertTrue(report.contains("within 10% of the clean run"), report);
    }

    @Test
    void refusesBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("--merchants", "0"));
        assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("--failing", "200"));
        assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("--products", "many"));
        assertEquals(200, FleetOptions.parse().merchants());
    }
}

package io.github.commerceconnector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.examples.CatalogProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the end-to-end benchmark from rotting: a tiny run (2,000 products, one run of each scenario, each in its
 * own child JVM as in a real run) must produce every figure and judge every target. Speed is not asserted.
 */
class E2eBenchmarkSmokeTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTinyRunProducesEveryFigureAndJudgesEveryTarget() throws Exception {
        E2eOptions options = E2eOptions.parse("--sizes", "1000,2000", "--runs", "1", "--warmup", "0",
                "--fidelity-size", "2000", "--fidelity-heap", "512m", "--guardrail-size", "300",
                "--signing-minutes", "8");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);

        E2eResults results = E2eBenchmark.measure(options, CatalogProfile.REALISTIC, out);
        new E2eReport(options, results, out).print();

        for (String contender : List.of("sdk", "baseline", "limit")) {
            Figures figures = results.first(contender + "/2000").orElseThrow();
            assertTrue(figures.get("itemsPerSecond") > 0, contender);
            assertEquals(20, figures.get("requests"), contender);
            assertTrue(figures.get("bytesSent") > 0, contender);
            assertTrue(figures.get("warmItemsPerSecond") > 0 && figures.get("warmCpuSeconds") > 0,
                    contender + ": warm figures beside the cold ones");
        }
        Figures sdk = results.first("sdk/2000").orElseThrow();
        assertEquals(20, sdk.get("gatewayRequests"), "every request reached the gateway");
        assertEquals(0, sdk.get("resyncRequests") + sdk.get("resyncGatewayRequests"), "unchanged: nothing sent");
        assertEquals(0, sdk.get("resyncWarmRequests") + sdk.get("resyncWarmGatewayRequests"),
                "unchanged again: nothing sent");
        assertTrue(sdk.get("resyncWarmSeconds") > 0 && sdk.get("resyncWarmCpuSeconds") > 0,
                "a warm re-sync beside the cold one");
        assertEquals(20, sdk.get("changedSent"), "1% of 2,000 changed");
        assertEquals(20, results.first("baseline/2000").orElseThrow().get("signatures"), "a JWT per request");
        assertTrue(results.first("heap/2000").orElseThrow().get("livePeakMiB") > 0);
        if (new ThreadCpuGauge().available()) {
            Figures cpu = results.first("cpu/2000").orElseThrow();
            double byGroups = 0;
            for (String group : ThreadCpuGauge.GROUPS.keySet()) {
                byGroups += cpu.get("threads." + group);
            }
            assertTrue(cpu.get("threads.preparers") + cpu.get("threads.senders") > 0, "the SDK's threads used CPU");
            assertTrue(byGroups <= cpu.get("cpuSeconds") * 1.1 + 0.05, "the groups cannot use more than the process");
        }
        Figures fidelity = results.first("fidelity").orElseThrow();
        assertEquals(1, fidelity.get("exact"));
        assertEquals(1, fidelity.get("changedExact"));
        Figures guardrail = results.first("guardrail").orElseThrow();
        assertEquals(3, guardrail.get("accepted"));
        assertTrue(guardrail.get("acceptedPerSecond") > 0);
        Figures signing = results.first("signing").orElseThrow();
        assertEquals(2, signing.get("signatures"), "8 minutes of traffic: a token every 4 minutes");

        String report = text.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("SDK/baseline x"), report);
        assertTrue(report.contains("merchants per core at the guardrail's pace"), report);
        assertTrue(report.contains("    warm: ") && report.contains("(warm: "), "the warm re-sync is printed: " + report);
        assertTrue(sdk.get("stateOpenSeconds") > 0 && sdk.get("stateBytesPerItem") > 0);
        assertEquals(10, results.targets().size(), report);
        assertTrue(report.contains("== Targets =="), report);
    }

    @Test
    void bothCatalogProfilesRunByDefaultAndTheSmallOneKeepsTheSmallProducts() throws Exception {
        assertEquals(List.of(CatalogProfile.REALISTIC, CatalogProfile.SMALL), E2eOptions.parse().profiles());
        assertEquals(List.of(CatalogProfile.SMALL), E2eOptions.parse("--profiles", "small").profiles());

        Figures realistic = ScenarioMain.run(new String[] {"limit", "size=500"});
        Figures small = ScenarioMain.run(new String[] {"limit", "size=500", "profile=small"});

        assertTrue(realistic.get("bytesSent") > small.get("bytesSent") * 1.2,
                realistic.get("bytesSent") + " vs " + small.get("bytesSent"));
        int smallMedian = CatalogBytes.medianPerProduct(CatalogProfile.SMALL);
        assertTrue(smallMedian > 1_400 && smallMedian < 2_000, "about 1.6 KB: " + smallMedian);
        assertTrue(CatalogBytes.medianPerProduct(CatalogProfile.REALISTIC) > smallMedian);
    }
}

package io.github.commerceconnector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the state store benchmark from rotting: a tiny run (1,000 products, every scenario in its own child JVM
 * against an embedded PostgreSQL, as in a real run) must produce every figure and judge the targets of one size.
 * Speed is not asserted.
 */
class StoreBenchmarkSmokeTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTinyRunProducesEveryFigureAndJudgesEveryTarget() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = StoreBenchmark.run(new String[] {"--sizes", "1000", "--runs", "1", "--warmup", "0"},
                new PrintStream(text, true, StandardCharsets.UTF_8), new PrintStream(errors, true,
                        StandardCharsets.UTF_8));

        String report = text.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, report + errors.toString(StandardCharsets.UTF_8));
        for (String key : new String[] {"sync/file/1000", "sync/jdbc/1000", "heap/file/1000", "heap/jdbc/1000"}) {
            assertTrue(report.contains(key), key + " ran: " + report);
        }
        assertTrue(report.contains("| 1,000 | jdbc |"), report);
        assertEquals(2, report.lines().filter(line -> line.endsWith("met") || line.endsWith("MISSED")).count(),
                report);
    }

    @Test
    void badOptionsAreRefusedWithTheOptionNamed() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = StoreBenchmark.run(new String[] {"--sizes", "ten"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertEquals(2, exit);
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("--sizes ten"), errors.toString());
    }
}

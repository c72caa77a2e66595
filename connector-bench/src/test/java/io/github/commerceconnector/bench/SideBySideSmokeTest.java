package io.github.commerceconnector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A small run of {@link SideBySide}: two copies of this build, each in a class loader of its own. */
class SideBySideSmokeTest {

    @Test
    void twoCopiesOfOneBuildTakeTurnsAndEachGetsItsMedianAndRatio() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        double[] medians = SideBySide.run(new String[] {"--size", "300", "--rounds", "4", "before=.", "after=."},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(2, medians.length);
        assertTrue(medians[0] > 0 && medians[1] > 0, out);
        assertEquals(8, out.lines().filter(line -> line.startsWith("round ")).count(), out);
        assertTrue(out.contains("x1.000 the first build's"), out);
        assertEquals(4, out.lines().filter(line -> line.startsWith("round ") && line.contains(" after ")).count(), out);
    }

    @Test
    void aFullSyncRunsToo() throws Exception {
        double[] medians = SideBySide.run(new String[] {"--scenario", "full", "--size", "200", "--rounds", "1", "."},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertTrue(medians[0] > 0);
    }

    @Test
    void anUnknownScenarioIsRefusedWithTheUsage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SideBySide.run(new String[] {"--scenario", "both", "."}, System.out));
        assertTrue(refused.getMessage().startsWith("Usage: SideBySide"), refused.getMessage());
    }
}

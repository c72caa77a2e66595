package io.github.commerceconnector.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.ItemStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An index that cannot grow because the JVM's direct memory is used up, in a child JVM whose
 * {@code -XX:MaxDirectMemorySize} is 8 MiB: the {@link OutOfMemoryError} names the option to raise and leaves the
 * index whole. Before, the index took its new size before the table was allocated, and every later look-up threw
 * an {@link IndexOutOfBoundsException} that hid the cause. And a table {@linkplain ItemIndex#release() kept for
 * reuse} never makes a new one fail for memory.
 */
class ItemIndexDirectMemoryTest {

    @Test
    void anIndexThatCannotGrowSaysWhyAndKeepsEverythingItHeld() throws Exception {
        assertPrinted(runChild(FillUntilFull.class, "-XX:MaxDirectMemorySize=8m"),
                "FULL after ", "Raise -XX:MaxDirectMemorySize", "the index is unchanged", "INTACT");
    }

    @Test
    void aTableKeptForReuseIsLetGoWhenANewOneWouldNotFit() throws Exception {
        assertPrinted(runChild(KeptTableInTheWay.class, "-XX:MaxDirectMemorySize=32m",
                "-D" + ReleasedTables.KEPT_MIB_PROPERTY + "=32"), "KEPT 25165824", "MADE 12582912, kept 0");
    }

    @Test
    void noTableIsKeptWhenThePropertySaysZero() throws Exception {
        assertPrinted(runChild(KeptTableInTheWay.class, "-XX:MaxDirectMemorySize=64m",
                "-D" + ReleasedTables.KEPT_MIB_PROPERTY + "=0"), "KEPT 0", "MADE 12582912, kept 0");
    }

    @Test
    void aMalformedPropertyIsReportedAndTheDefaultUsed() throws Exception {
        assertPrinted(runChild(MalformedProperty.class, "-XX:MaxDirectMemorySize=64m",
                "-D" + ReleasedTables.KEPT_MIB_PROPERTY + "=lots"),
                "System property io.github.commerceconnector.keptIndexMiB is 'lots': give the MiB of closed states' "
                        + "index tables to keep for reuse, a whole number from 0 (keep none) to 1048576; using 16 MiB",
                "KEPT 3145728 of 16777216");
    }

    /** Checks that the child's output holds each of {@code expected}. */
    private static void assertPrinted(String output, String... expected) {
        for (String text : expected) {
            assertTrue(output.contains(text), output);
        }
    }

    private static String runChild(Class<?> main, String... jvmOptions) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx64m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        return output;
    }

    /**
     * The child: releases an index of 24 MiB, which is kept, then makes one of 12 MiB, which fits the 32 MiB of
     * direct memory only once the kept table is let go.
     */
    static final class KeptTableInTheWay {
        private KeptTableInTheWay() {
        }

        public static void main(String[] args) {
            ItemIndex big = new ItemIndex(700_000);
            big.put(1, 1, ItemStatus.ACCEPTED, 1, false);
            big.release();
            System.out.println("KEPT " + ReleasedTables.PROCESS.keptBytes());
            ItemIndex other = new ItemIndex(300_000);
            other.put(2, 2, ItemStatus.ACCEPTED, 2, false);
            System.out.println("MADE " + other.memoryBytes() + ", kept " + ReleasedTables.PROCESS.keptBytes());
        }
    }

    /**
     * The child: releases an index of 3 MiB under a malformed bound, which is kept within the default bound (a
     * quarter of the 64 MiB heap).
     */
    static final class MalformedProperty {
        private MalformedProperty() {
        }

        public static void main(String[] args) {
            ItemIndex index = new ItemIndex(60_000);
            index.put(1, 1, ItemStatus.ACCEPTED, 1, false);
            index.release();
            System.out.println("KEPT " + ReleasedTables.PROCESS.keptBytes() + " of " + ReleasedTables.PROCESS.bytes());
        }
    }

    /** The child: puts keys until the index cannot grow, then checks every key it held, and that it still works. */
    static final class FillUntilFull {
        private FillUntilFull() {
        }

        public static void main(String[] args) throws IOException {
            ItemIndex index = new ItemIndex(16);
            long held = 0;
            try {
                for (long key = 1; key < 100_000_000; key++) {
                    index.put(key, key * 31, ItemStatus.ACCEPTED, key, false);
                    held = key;
                }
                throw new IllegalStateException("8 MiB of direct memory held 100,000,000 items");
            } catch (OutOfMemoryError e) {
                System.out.println("FULL after " + held + " items: " + e.getMessage());
            }
            check(index.size() == held, "size " + index.size() + " against " + held);
            check(!index.contains(held + 1), "the key that did not fit is not held");
            for (long key = 1; key <= held; key++) {
                check(index.content(key) == key * 31 && index.position(key) == key, "key " + key);
            }
            try {
                index.makeRoom(1);
                throw new IllegalStateException("room was made");
            } catch (OutOfMemoryError e) {
                check(index.size() == held, "makeRoom changed nothing");
            }
            check(index.markSeen(1) && !index.markSeen(1), "seen marks work");
            check(index.remove(2) && !index.contains(2) && index.contains(3), "removal works");
            index.put(2, 62, ItemStatus.REJECTED, 2, false);
            check(index.count(ItemStatus.REJECTED) == 1 && index.count(ItemStatus.ACCEPTED) == held - 1, "counts");
            check(index.unseen().length == held - 1, "unseen keys");
            System.out.println("INTACT " + held);
        }

        private static void check(boolean condition, String what) {
            if (!condition) {
                throw new IllegalStateException("Broken: " + what);
            }
        }
    }
}

package io.github.commerceconnector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The per-thread CPU gauge of the end-to-end benchmark, on this JVM's own threads. */
class ThreadCpuGaugeTest {

    @Test
    void readsUserAndSystemTicksEvenWhenTheNameHoldsSpacesAndParentheses() {
        String stat = "4242 (C2 Compiler) x) S 1 4240 4240 0 -1 4194368 120 0 0 0 731 45 0 0 20 0 1 0 987 0 0";
        assertEquals(776, ThreadCpuGauge.ticks(stat));
    }

    @Test
    void groupsThreadsByTheirTruncatedNames() {
        assertEquals("preparers", ThreadCpuGauge.group("catalog-prepare"));
        assertEquals("senders", ThreadCpuGauge.group("catalog-sync-pr"));
        assertEquals("jit", ThreadCpuGauge.group("C2 CompilerThre"));
        assertEquals("httpClient", ThreadCpuGauge.group("HttpClient-1-Se"));
        assertEquals("other", ThreadCpuGauge.group("VM Thread"));
        assertEquals("other", ThreadCpuGauge.group(null));
    }

    @Test
    void measuresTheCpuOfABusyThread() throws Exception {
        ThreadCpuGauge gauge = new ThreadCpuGauge();
        assertTrue(gauge.available(), "the benchmarks' CPU by thread group reads /proc/self/task, which this system "
                + "lacks: run connector-bench on Linux");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            long spins = 0;
            while (threads.getCurrentThreadCpuTime() < 200_000_000L) {
                spins++;
            }
            assertTrue(spins > 0);
            spun.countDown();
            awaitQuietly(measured);
        }, "catalog-prepare-test");
        busy.start();
        spun.await();
        Figures figures = gauge.stop();
        measured.countDown();
        busy.join();
        assertTrue(figures.get("preparers") >= 0.15, "a thread that used 0.2 CPU s: " + figures);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

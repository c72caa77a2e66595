package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline whose threads read the input as well as prepare it: outputs in input order, each input prepared on
 * the thread that read it, the source read by one thread at a time and never too far ahead of the sink, and what
 * the source or the stage throws reaching the caller after the outputs before it.
 */
class ReadingPipelineTest {
    private static final int CHUNK = 4;

    /** A source of the numbers 0 to {@code count - 1}, noting the thread that read each. */
    private static final class Numbers implements ReadingPipeline.Source<Long> {
        final Map<Long, Thread> readOn = new ConcurrentHashMap<>();
        final AtomicLong next = new AtomicLong();
        final AtomicBoolean reading = new AtomicBoolean();
        volatile boolean overlapped;
        private final long count;

        Numbers(long count) {
            this.count = count;
        }

        @Override
        public Long next() {
            if (!reading.compareAndSet(false, true)) {
                overlapped = true;
            }
            try {
                long n = next.get();
                if (n >= count) {
                    return null;
                }
                readOn.put(n, Thread.currentThread());
                busy(20_000);
                next.set(n + 1);
                return n;
            } finally {
                reading.set(false);
            }
        }
    }

    @Test
    void outputsReachTheSinkInInputOrderEachPreparedOnTheThreadThatReadIt() throws InterruptedException {
        for (int workers : new int[] {1, 3}) {
            Numbers source = new Numbers(1003);
            Map<Long, Thread> preparedOn = new ConcurrentHashMap<>();
            List<Long> seen = new ArrayList<>();
            try (ReadingPipeline<Long, Long> pipeline = new ReadingPipeline<>("test-", workers, CHUNK, source,
                    (input, position) -> {
                        assertEquals(position, input, "the position handed with the input");
                        preparedOn.put(input, Thread.currentThread());
                        busy(50_000);
                        return input * 10;
                    }, seen::add)) {
                pipeline.run(() -> false);
            }
            assertEquals(LongStream.range(0, 1003).map(n -> n * 10).boxed().toList(), seen, workers + " workers");
            for (long n = 0; n < 1003; n++) {
                assertSame(source.readOn.get(n), preparedOn.get(n), "input " + n + " prepared where it was read");
            }
            assertFalse(source.overlapped, "the source was never called by two threads at once");
            Set<Thread> readers = Set.copyOf(source.readOn.values());
            assertTrue(readers.size() > 1, "the workers read as well as the calling thread: " + readers);
        }
    }

    @Test
    void noMoreThanTwoChunksAWorkerAndOneAreReadAheadOfTheSink() throws InterruptedException {
        Numbers source = new Numbers(10_000);
        CountDownLatch sinkHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong readWhileHeld = new AtomicLong(-1);
        try (ReadingPipeline<Long, Long> pipeline = new ReadingPipeline<>("test-", 2, CHUNK, source,
                (input, position) -> input, output -> {
                    if (output == 0) {
                        sinkHeld.countDown();
                        awaitQuietly(release);
                    }
                })) {
            Thread releaser = new Thread(() -> {
                awaitQuietly(sinkHeld);
                long before;
                do {
                    before = source.next.get();
                    sleepQuietly(200);
                } while (source.next.get() != before);
                readWhileHeld.set(before);
                release.countDown();
            });
            releaser.start();
            pipeline.run(() -> false);
            releaser.join();
        }
        long bound = (OrderedPipeline.chunksAhead(2) + 1) * (long) CHUNK;
        assertTrue(readWhileHeld.get() > CHUNK, "the workers read ahead while the sink was busy: "
                + readWhileHeld.get());
        assertTrue(readWhileHeld.get() <= bound, "read " + readWhileHeld.get() + " inputs while the sink held the "
                + "first, at most " + bound + " allowed");
        assertEquals(10_000, source.next.get(), "the whole input was read once the sink went on");
    }

    @Test
    void whatTheSourceThrowsReachesTheCallerAfterTheInputsBeforeItAndNothingIsReadAfter() {
        IllegalStateException thrown = new IllegalStateException("the database went away");
        AtomicLong calls = new AtomicLong();
        List<Long> seen = new ArrayList<>();
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> {
            try (ReadingPipeline<Long, Long> pipeline = new ReadingPipeline<>("test-", 1, CHUNK, () -> {
                long n = calls.getAndIncrement();
                if (n == 10) {
                    throw thrown;
                }
                return n;
            }, (input, position) -> input, seen::add)) {
                pipeline.run(() -> false);
            }
        });
        assertSame(thrown, caught, "the source's own exception, whichever thread read it");
        assertEquals(LongStream.range(0, 10).boxed().toList(), seen, "every input before the failure, in order");
        assertEquals(11, calls.get(), "nothing was read after the source threw");
    }

    @Test
    void whatTheStageThrowsReachesTheCallerAsThrown() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad item");
        Numbers source = new Numbers(100);
        List<Long> seen = new ArrayList<>();
        IllegalArgumentException caught = assertThrows(IllegalArgumentException.class, () -> {
            try (ReadingPipeline<Long, Long> pipeline = new ReadingPipeline<>("test-", 1, CHUNK, source,
                    (input, position) -> {
                        if (input == 42) {
                            throw thrown;
                        }
                        return input;
                    }, seen::add)) {
                pipeline.run(() -> false);
            }
        });
        assertSame(thrown, caught);
        assertEquals(LongStream.range(0, 42).boxed().toList(), seen, "every input before the failing one, in order");
    }

    @Test
    void aStopLeavesTheRestAndClosingStopsTheWorkers() throws InterruptedException {
        Numbers source = new Numbers(Long.MAX_VALUE);
        List<Long> seen = new ArrayList<>();
        ReadingPipeline<Long, Long> pipeline = new ReadingPipeline<>("stop-test-", 2, CHUNK, source,
                (input, position) -> input, seen::add);
        try (pipeline) {
            pipeline.run(() -> seen.size() >= 50);
        }
        assertTrue(seen.size() >= 50 && seen.size() < 50 + CHUNK, "stopped at the first chunk after 50: "
                + seen.size());
        assertEquals(LongStream.range(0, seen.size()).boxed().toList(), seen);
        long readAtClose = source.next.get();
        sleepQuietly(100);
        assertEquals(readAtClose, source.next.get(), "nothing is read once the pipeline is closed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (workersAlive() && System.nanoTime() < deadline) {
            sleepQuietly(10);
        }
        assertFalse(workersAlive(), "the workers ended");
    }

    @Test
    void closingLetsAWorkerInsideTheSourceFinishWithoutInterruptingIt() throws InterruptedException {
        Thread caller = Thread.currentThread();
        CountDownLatch workerInside = new CountDownLatch(1);
        AtomicBoolean slept = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        ReadingPipeline<Long, Long> pipeline = new ReadingPipeline<>("close-test-", 1, CHUNK, () -> {
            if (Thread.currentThread() != caller && slept.compareAndSet(false, true)) {
                workerInside.countDown();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            }
            return 1L;
        }, (input, position) -> input, output -> { });
        try (pipeline) {
            pipeline.run(() -> {
                awaitQuietly(workerInside);
                return true;
            });
        }
        assertTrue(slept.get(), "a worker was inside the source when the pipeline closed");
        assertFalse(interrupted.get(), "closing did not interrupt the worker inside the caller's iterator (an "
                + "interrupt can close a database cursor's channel)");
    }

    @Test
    void anInterruptOfTheCallingThreadReachesTheWorkerInsideTheSourceAsItWouldHaveReachedTheCaller()
            throws InterruptedException {
        CountDownLatch workerInside = new CountDownLatch(1);
        AtomicBoolean workerInterrupted = new AtomicBoolean();
        AtomicBoolean callerInterrupted = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        Thread caller = new Thread(() -> {
            Thread me = Thread.currentThread();
            ReadingPipeline<Long, Long> pipeline = new ReadingPipeline<>("interrupt-test-", 1, CHUNK, () -> {
                long n = calls.getAndIncrement();
                if (Thread.currentThread() != me) {
                    workerInside.countDown();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        workerInterrupted.set(true);
                        return null;
                    }
                }
                return n;
            }, (input, position) -> input, output -> { });
            try (pipeline) {
                awaitQuietly(workerInside);
                pipeline.run(() -> false);
            } catch (InterruptedException e) {
                callerInterrupted.set(true);
            }
        });
        caller.start();
        assertTrue(workerInside.await(10, TimeUnit.SECONDS), "the worker took the read lock and is in the source");
        Thread.sleep(100);
        caller.interrupt();
        caller.join(10_000);
        assertFalse(caller.isAlive(), "the interrupted call ended without waiting for the source");
        assertTrue(callerInterrupted.get(), "the call ended with an InterruptedException");
        assertTrue(workerInterrupted.get(), "closing passed the interrupt on to the worker inside the source");
    }

    @Test
    void anErrorOfTheStageReachesTheCallerAsThrown() {
        StackOverflowError thrown = new StackOverflowError("deep item");
        StackOverflowError caught = assertThrows(StackOverflowError.class, () -> {
            try (ReadingPipeline<Long, Long> pipeline = new ReadingPipeline<>("test-", 2, CHUNK, new Numbers(500),
                    (input, position) -> {
                        if (input == 300) {
                            throw thrown;
                        }
                        return input;
                    }, output -> { })) {
                pipeline.run(() -> false);
            }
        });
        assertSame(thrown, caught);
    }

    @Test
    void refusesAPipelineWithoutWorkers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReadingPipeline<Long, Long>("test-", 0, CHUNK, () -> null, (input, position) -> input,
                        output -> { }));
        assertTrue(e.getMessage().contains("0 workers"), e.getMessage());
    }

    private static boolean workersAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().startsWith("stop-test-"));
    }

    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The ordered pipeline that prepares a sync's items: outputs in input order whichever thread ran them, the calling
 * thread running the chunks no worker has started while it waits for the oldest, and failures reaching the caller.
 */
class OrderedPipelineTest {
    private static final int CHUNK = 4;

    @Test
    void outputsReachTheSinkInInputOrderWithOrWithoutWorkers() throws InterruptedException {
        for (int workers : new int[] {0, 1, 3}) {
            List<Long> seen = new ArrayList<>();
            try (OrderedPipeline<Long, Long> pipeline = new OrderedPipeline<>("test-", workers, CHUNK,
                    (input, position) -> {
                        assertEquals(position, input, "the position handed with the input");
                        return input * 10;
                    }, seen::add)) {
                for (long n = 0; n < 103; n++) {
                    pipeline.add(n, n);
                }
                pipeline.finish();
            }
            assertEquals(LongStream.range(0, 103).map(n -> n * 10).boxed().toList(), seen, workers + " workers");
        }
    }

    @Test
    void theCallingThreadRunsAChunkNoWorkerStartedWhileItWaitsForTheOldest() throws InterruptedException {
        Thread caller = Thread.currentThread();
        CountDownLatch firstChunkStarted = new CountDownLatch(1);
        CountDownLatch secondChunkRun = new CountDownLatch(1);
        Map<Long, Thread> ranOn = new ConcurrentHashMap<>();
        List<Long> seen = new ArrayList<>();
        try (OrderedPipeline<Long, Long> pipeline = new OrderedPipeline<>("test-", 1, CHUNK,
                (input, position) -> {
                    ranOn.put(position, Thread.currentThread());
                    if (position == 0) {
                        firstChunkStarted.countDown();
                        awaitQuietly(secondChunkRun);
                    } else if (position == CHUNK) {
                        secondChunkRun.countDown();
                    }
                    return input;
                }, seen::add)) {
            for (long n = 0; n < 3 * CHUNK; n++) {
                pipeline.add(n, n);
                if (n == CHUNK - 1) {
                    assertTrue(firstChunkStarted.await(10, TimeUnit.SECONDS), "the worker took the first chunk");
                }
            }
            pipeline.finish();
        }
        assertTrue(ranOn.get(0L) != caller, "the first chunk went to the worker");
        for (long position = CHUNK; position < 2 * CHUNK; position++) {
            assertSame(caller, ranOn.get(position), "the whole second chunk ran on the calling thread");
        }
        assertSame(caller, ranOn.get((long) CHUNK), "the worker was busy with the first chunk, so the calling thread "
                + "ran the second while it waited (the worker would have waited for it forever)");
        assertEquals(LongStream.range(0, 3 * CHUNK).boxed().toList(), seen);
    }

    @Test
    void aFailureOfAChunkTheCallingThreadRanReachesItAsThrown() {
        Thread caller = Thread.currentThread();
        IllegalStateException thrown = new IllegalStateException("bad item");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstChunkStarted = new CountDownLatch(1);
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> {
            try (OrderedPipeline<Long, Long> pipeline = new OrderedPipeline<>("test-", 1, CHUNK,
                    (input, position) -> {
                        if (position == 0) {
                            firstChunkStarted.countDown();
                            awaitQuietly(release);
                        } else if (position == CHUNK) {
                            assertSame(caller, Thread.currentThread(), "the calling thread runs the second chunk");
                            release.countDown();
                            throw thrown;
                        }
                        return input;
                    }, output -> { })) {
                for (long n = 0; n < 3 * CHUNK; n++) {
                    pipeline.add(n, n);
                    if (n == CHUNK - 1) {
                        firstChunkStarted.await(10, TimeUnit.SECONDS);
                    }
                }
                pipeline.finish();
            }
        });
        assertSame(thrown, caught);
    }

    @Test
    void aNegativeWorkerCountIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new OrderedPipeline<Long, Long>("test-", -1, CHUNK, (input, position) -> input,
                        output -> { }));
        assertTrue(refused.getMessage().contains("-1"), refused.getMessage());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

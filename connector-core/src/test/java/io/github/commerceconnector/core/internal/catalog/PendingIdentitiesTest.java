package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The pending set answers as a {@code Set<Long>} would, through growth, removals amid probe runs and threads. */
class PendingIdentitiesTest {

    @Test
    void answersAsASetOfLongsThroughGrowthAndRemovals() {
        PendingIdentities pending = new PendingIdentities();
        Set<Long> model = new HashSet<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 200_000; step++) {
            // a small range of values makes long probe runs, so removals must keep every other value findable
            long identity = 1 + random.nextInt(step < 100_000 ? 5_000 : 50);
            int action = random.nextInt(3);
            if (action == 0) {
                pending.remove(identity);
                model.remove(identity);
            } else {
                assertEquals(model.add(identity), pending.add(identity), "add " + identity + " at step " + step);
            }
            if (step % 997 == 0) {
                for (long probe = 1; probe <= 5_000; probe++) {
                    assertEquals(model.contains(probe), pending.contains(probe), "contains " + probe);
                }
            }
            assertEquals(model.size(), pending.size());
        }
    }

    @Test
    void zeroIsRefusedAndNeverRemoved() {
        PendingIdentities pending = new PendingIdentities();
        assertThrows(IllegalArgumentException.class, () -> pending.add(0));
        pending.add(5);
        pending.remove(0);
        assertEquals(1, pending.size());
        assertTrue(pending.contains(5));
    }

    @Test
    void threadsAddingAndRemovingLeaveNothingBehind() throws Exception {
        PendingIdentities pending = new PendingIdentities();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long base = (t + 1L) << 32;
                done.add(threads.submit(() -> {
                    for (long i = 0; i < 50_000; i++) {
                        assertTrue(pending.add(base + i));
                        if (i >= 100) {
                            pending.remove(base + i - 100);
                        }
                    }
                    for (long i = 49_900; i < 50_000; i++) {
                        pending.remove(base + i);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, pending.size());
    }
}

package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.core.internal.catalog.state.FileFeedState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit in the file store: senders recording their batches at once (before sending, then the answers) get
 * at most one forced write per answered batch between them, every answer is held when the state reopens, and a
 * snapshot written meanwhile loses nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileStateGroupCommitTest {
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final int SENDERS = 4;
    private static final int BATCHES = 40;
    private static final int BATCH = 25;

    @TempDir
    Path directory;

    private final ItemHasher hasher = new ItemHasher();
    /** The identity hashes, taken before the senders start (a hasher is used by one thread at a time). */
    private final long[] identities = new long[SENDERS * BATCHES * BATCH];

    private ItemKey key(int n) {
        return ItemKey.of(Feed.PRODUCTS, String.format("SKU-%07d", n), "default");
    }

    @Test
    void sendersRecordingAtOnceForceAtMostOncePerAnsweredBatchAndLoseNothing() throws Exception {
        for (int n = 0; n < identities.length; n++) {
            identities[n] = hasher.identityHash(key(n));
        }
        FileSyncStateStore store = new FileSyncStateStore(directory);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try (FeedSyncState state = store.open("data-space", Feed.PRODUCTS)) {
            FileFeedState file = (FileFeedState) state;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int sender = 0; sender < SENDERS; sender++) {
                int first = sender * BATCHES * BATCH;
                done.add(senders.submit(() -> {
                    start.await();
                    for (int batch = 0; batch < BATCHES; batch++) {
                        List<StateChange> sending = new ArrayList<>();
                        List<StateChange> answers = new ArrayList<>();
                        for (int n = first + batch * BATCH; n < first + (batch + 1) * BATCH; n++) {
                            long identity = identities[n];
                            sending.add(StateChange.sending(key(n), identity, n));
                            answers.add(n % 9 == 0 ? StateChange.rejected(key(n), identity, n, "no " + n)
                                    : StateChange.accepted(key(n), identity, n));
                        }
                        state.record(sending, NOW);
                        state.record(answers, NOW);
                        if (first == 0 && batch == BATCHES / 2) {
                            file.compact();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            assertTrue(file.forcedWrites() >= 1, "the answers were forced");
            assertTrue(file.forcedWrites() <= SENDERS * BATCHES,
                    file.forcedWrites() + " forced writes for " + SENDERS * BATCHES + " answered batches");
        } finally {
            senders.shutdownNow();
        }
        try (FeedSyncState state = store.open("data-space", Feed.PRODUCTS)) {
            int items = SENDERS * BATCHES * BATCH;
            assertEquals(items, state.count(ItemStatus.ACCEPTED) + state.count(ItemStatus.REJECTED));
            assertEquals(0, state.count(ItemStatus.UNCONFIRMED));
            for (int n = 0; n < items; n += 13) {
                long identity = identities[n];
                assertEquals(new StoredItem(identity, n, n % 9 == 0 ? ItemStatus.REJECTED : ItemStatus.ACCEPTED),
                        state.find(identity), "item " + n);
                assertEquals(key(n), state.key(identity));
            }
        }
    }

    @Test
    void answersComingFasterThanOnceASecondShareOneForcedWriteAndAllSurviveTheClose() throws Exception {
        FileSyncStateStore store = new FileSyncStateStore(directory);
        int batches = 50;
        try (FeedSyncState state = store.open("data-space", Feed.PRODUCTS)) {
            FileFeedState file = (FileFeedState) state;
            long start = System.nanoTime();
            for (int batch = 0; batch < batches; batch++) {
                List<StateChange> answers = new ArrayList<>();
                for (int n = batch * BATCH; n < (batch + 1) * BATCH; n++) {
                    answers.add(StateChange.accepted(key(n), hasher.identityHash(key(n)), n));
                }
                state.record(answers, NOW);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(file.forcedWrites() >= 1, "the first answer was forced");
            assertTrue(file.forcedWrites() <= 1 + (long) seconds, file.forcedWrites() + " forced writes for "
                    + batches + " answered batches in " + seconds + " s: at most one a second");
            Thread.sleep(1_100);
            long before = file.forcedWrites();
            state.record(List.of(StateChange.accepted(key(0), hasher.identityHash(key(0)), 99)), NOW);
            assertEquals(before + 1, file.forcedWrites(), "an answer a second after the last force is forced");
        }
        try (FeedSyncState state = store.open("data-space", Feed.PRODUCTS)) {
            assertEquals(batches * BATCH, state.count(ItemStatus.ACCEPTED), "every answer is held after the close");
            assertEquals(new StoredItem(hasher.identityHash(key(0)), 99, ItemStatus.ACCEPTED),
                    state.find(hasher.identityHash(key(0))));
        }
    }
}

package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store when the JVM's direct memory cannot hold a larger index ({@code -XX:MaxDirectMemorySize=8m}, in a
 * child JVM): the record that would grow it (a batch about to be sent, or the answer of one, as the index makes
 * room for a record's items before it is written) is refused whole, before anything is written, with an error that
 * names the option to raise, and the state reopens with every record written before it. Before, the log took the records,
 * the index was left broken, and the next look-up failed with an {@link IndexOutOfBoundsException}.
 */
class StateUnderDirectMemoryLimitTest {
    private static final String DATA_SPACE = "ds-memory";
    private static final int BATCH = 100;
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRecordTheIndexCannotTakeIsRefusedWholeAndTheStateReopensWithWhatCameBefore() throws Exception {
        int batches;
        boolean answerRefused;
        try (ChildJvm child = ChildJvm.start(List.of("-XX:MaxDirectMemorySize=8m"), RecordUntilFull.class,
                directory.toString())) {
            String full = child.readLine();
            String closed = child.readLine();
            assertEquals(0, child.exitCode(), full + " / " + closed);
            assertNotNull(full, "the child said nothing: see target/child-jvm-RecordUntilFull.log");
            assertTrue(full.startsWith("FULL "), full);
            assertTrue(full.contains("Raise -XX:MaxDirectMemorySize"), full);
            assertTrue(full.contains("log unchanged"), full);
            assertEquals("CLOSED", closed);
            batches = Integer.parseInt(full.split(" ")[1]);
            answerRefused = full.split(" ")[2].equals("answer");
        }
        assertTrue(batches > 100, "the index grew before it was full: " + batches + " batches");
        ItemHasher hasher = new ItemHasher();
        try (FeedSyncState state = new FileSyncStateStore(directory).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals((long) batches * BATCH, state.count(ItemStatus.ACCEPTED));
            assertEquals(answerRefused ? BATCH : 0, state.count(ItemStatus.UNCONFIRMED),
                    "a batch whose answer was refused stays sent, unconfirmed; a refused batch left no record");
            for (int n = 0; n < batches * BATCH; n += 97) {
                assertEquals(new StoredItem(hasher.identityHash(key(n)), n + 1L, ItemStatus.ACCEPTED),
                        state.find(hasher.identityHash(key(n))), "item " + n);
            }
            long next = hasher.identityHash(key((batches + 1) * BATCH));
            assertNull(state.find(next));
            state.record(List.of(StateChange.sending(key((batches + 1) * BATCH), next, 7)), NOW);
            assertEquals(ItemStatus.UNCONFIRMED, state.find(next).status());
        }
    }

    private static ItemKey key(int n) {
        return ItemKey.of(Feed.PRODUCTS, "SKU-" + n, "default");
    }

    /** The child: records batches (sent, then accepted) until a record is refused for memory, then closes. */
    static final class RecordUntilFull {
        private RecordUntilFull() {
        }

        public static void main(String[] args) {
            ItemHasher hasher = new ItemHasher();
            try (FeedSyncState state = new FileSyncStateStore(Path.of(args[0])).open(DATA_SPACE, Feed.PRODUCTS)) {
                FileFeedState file = (FileFeedState) state;
                for (int batch = 0; batch < 1_000_000; batch++) {
                    List<StateChange> sending = new ArrayList<>();
                    List<StateChange> accepted = new ArrayList<>();
                    for (int n = batch * BATCH; n < (batch + 1) * BATCH; n++) {
                        long identity = hasher.identityHash(key(n));
                        sending.add(StateChange.sending(key(n), identity, n + 1L));
                        accepted.add(StateChange.accepted(key(n), identity, n + 1L));
                    }
                    long before = file.logBytes();
                    String refused = "sending";
                    try {
                        state.record(sending, NOW);
                        before = file.logBytes();
                        refused = "answer";
                        state.record(accepted, NOW);
                    } catch (OutOfMemoryError e) {
                        System.out.println("FULL " + batch + " " + refused + " " + (file.logBytes() == before
                                ? "log unchanged" : "log grew") + ": " + e.getMessage());
                        break;
                    }
                }
            }
            System.out.println("CLOSED");
        }
    }
}

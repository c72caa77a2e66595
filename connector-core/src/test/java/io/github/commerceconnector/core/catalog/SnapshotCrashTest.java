package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the snapshot (format 3): a child JVM rewrites every item round after round and writes a snapshot
 * after each round; it is killed with SIGKILL at moments spread over the writing of the snapshot and the records
 * after it. Each time, the state reopens with every item at the last round announced or the one after (never
 * older, never missing, with its key and reason readable), and a new child carries on from it.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SnapshotCrashTest {
    private static final String DATA_SPACE = "data-space";
    private static final int ITEMS = 30_000;
    private static final int KILLS = 8;

    @TempDir
    Path directory;

    private final ItemHasher hasher = new ItemHasher();

    @Test
    void killedWhileWritingSnapshotsOrRecordsTheStateReopensAtTheLastRoundOrTheNext() throws Exception {
        SplittableRandom random = new SplittableRandom(13);
        long firstRound = 1;
        int snapshotsSeen = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            long lastRound = firstRound - 1;
            try (ChildJvm child = ChildJvm.start(SnapshotChurner.class, directory.toString(), DATA_SPACE,
                    Integer.toString(ITEMS), Long.toString(firstRound))) {
                assertEquals("OPENED", child.readLine());
                int compactionsBeforeKill = 1 + kill % 3;
                int compactions = 0;
                String line;
                while ((line = child.readLine()) != null) {
                    if (line.startsWith("ROUND ")) {
                        lastRound = Long.parseLong(line.substring(6));
                    } else if (line.startsWith("COMPACTED ")) {
                        snapshotsSeen++;
                    } else if (line.startsWith("COMPACTING ") && ++compactions == compactionsBeforeKill) {
                        Thread.sleep(random.nextInt(60));
                        child.kill();
                        break;
                    }
                }
                assertTrue(lastRound >= firstRound, "the child recorded a round before it was killed");
            }
            checkState(lastRound);
            assertTrue(Files.notExists(directory.resolve(DATA_SPACE).resolve("products.snap.writing")),
                    "a half-written snapshot is removed on opening");
            firstRound = lastRound + 2;
        }
        assertTrue(snapshotsSeen > 0, "some snapshots were completed between the kills");
    }

    private void checkState(long lastRound) {
        try (FeedSyncState state = new FileSyncStateStore(directory).open(DATA_SPACE, Feed.PRODUCTS)) {
            assertEquals(ITEMS, state.count(ItemStatus.ACCEPTED) + state.count(ItemStatus.REJECTED),
                    "every item is held after round " + lastRound);
            for (int n = 0; n < ITEMS; n += 7) {
                long identity = hasher.identityHash(SnapshotChurner.key(n));
                StoredItem item = state.find(identity);
                assertNotNull(item, "item " + n);
                long round = item.contentHash();
                assertTrue(round == lastRound || round == lastRound + 1,
                        "item " + n + " is at round " + round + " after round " + lastRound + " was announced");
                assertEquals(n % 10 == 0 ? ItemStatus.REJECTED : ItemStatus.ACCEPTED, item.status());
                assertEquals(SnapshotChurner.key(n), state.key(identity));
                assertEquals(SnapshotChurner.NOW, state.lastAttempt(identity));
                if (n % 10 == 0) {
                    assertEquals("bad " + round, state.reason(identity));
                } else {
                    assertNull(state.reason(identity));
                }
            }
            assertEquals(List.of(), state.rejected(ITEMS).stream()
                    .filter(rejected -> !rejected.reason().startsWith("bad ")).toList());
        }
    }
}

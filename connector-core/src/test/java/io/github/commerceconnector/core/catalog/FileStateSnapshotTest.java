package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.core.internal.catalog.state.FileFeedState;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The snapshot of the file store (format 3): a state opens from its snapshot plus the records since, the switch
 * from one snapshot to the next is safe at its one unsafe-looking instant, and a snapshot that does not check out
 * or does not belong to its log is never believed.
 */
class FileStateSnapshotTest {
    private static final String DATA_SPACE = "data-space";
    private static final Instant EARLIER = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-06T10:00:00Z");
    private static final int ITEMS = 300;
    /** Where Linux lists the files this process holds open (elsewhere only the lock's release is checked). */
    private static final Path PROCESS_FILES = Path.of("/proc/self/fd");

    @TempDir
    Path directory;

    private final ItemHasher hasher = new ItemHasher();

    private static ItemKey key(int n) {
        return ItemKey.of(Feed.PRODUCTS, String.format("SKU-%07d", n), n % 2 == 0 ? "default" : "dé-fault");
    }

    private long id(int n) {
        return hasher.identityHash(key(n));
    }

    private Path folder() {
        return directory.resolve(DATA_SPACE);
    }

    private FeedSyncState open() {
        return new FileSyncStateStore(directory).open(DATA_SPACE, Feed.PRODUCTS);
    }

    /** Items 0..ITEMS-1 accepted (every seventh rejected) at EARLIER, then a snapshot. */
    private void snapshotOfAllItems() {
        try (FeedSyncState state = open()) {
            List<StateChange> changes = new ArrayList<>();
            for (int n = 0; n < ITEMS; n++) {
                changes.add(n % 7 == 0 ? StateChange.rejected(key(n), id(n), n, "too dull " + n)
                        : StateChange.accepted(key(n), id(n), n));
            }
            state.record(changes, EARLIER);
            state.fullSyncFinished(EARLIER);
            ((FileFeedState) state).compact();
        }
    }

    /** After the snapshot: item 1 changed, item 2 removed, item 3 rejected, a new item, a checkpoint. */
    private void recordsSinceTheSnapshot() {
        try (FeedSyncState state = open()) {
            state.record(List.of(StateChange.sending(key(1), id(1), 1001)), LATER);
            state.record(List.of(StateChange.accepted(key(1), id(1), 1001), StateChange.removed(key(2), id(2)),
                    StateChange.rejected(key(3), id(3), 1003, "now refused"),
                    StateChange.accepted(key(ITEMS), id(ITEMS), 5000)), LATER);
            state.resyncCheckpoint(new ResyncCheckpoint(LATER, 120));
        }
    }

    private void assertTheStateAfterBoth(FeedSyncState state) {
        assertEquals(ITEMS, state.count(ItemStatus.ACCEPTED) + state.count(ItemStatus.REJECTED));
        assertEquals(new StoredItem(id(1), 1001, ItemStatus.ACCEPTED), state.find(id(1)));
        assertEquals(LATER, state.lastAttempt(id(1)));
        assertNull(state.find(id(2)));
        assertEquals("now refused", state.reason(id(3)));
        assertEquals(new StoredItem(id(ITEMS), 5000, ItemStatus.ACCEPTED), state.find(id(ITEMS)));
        assertEquals(key(ITEMS), state.key(id(ITEMS)));
        for (int n = 4; n < ITEMS; n++) {
            ItemStatus status = n % 7 == 0 ? ItemStatus.REJECTED : ItemStatus.ACCEPTED;
            assertEquals(new StoredItem(id(n), n, status), state.find(id(n)), "item " + n);
            assertEquals(key(n), state.key(id(n)), "key of item " + n);
            assertEquals(EARLIER, state.lastAttempt(id(n)));
            assertEquals(n % 7 == 0 ? "too dull " + n : null, state.reason(id(n)));
        }
        assertEquals(EARLIER, state.lastFullSync());
        assertEquals(new ResyncCheckpoint(LATER, 120), state.resyncCheckpoint());
    }

    @Test
    void aStateOpensFromItsSnapshotPlusTheRecordsSince() throws IOException {
        snapshotOfAllItems();
        long logAfterSnapshot = Files.size(folder().resolve("products.log"));
        recordsSinceTheSnapshot();
        assertTrue(Files.size(folder().resolve("products.log")) > logAfterSnapshot, "the tail is in the log");
        try (FeedSyncState state = open()) {
            assertTheStateAfterBoth(state);
            ((FileFeedState) state).compact();
            assertTheStateAfterBoth(state);
        }
        assertEquals(logAfterSnapshot, Files.size(folder().resolve("products.log")), "the log starts again empty");
        try (FeedSyncState state = open()) {
            assertTheStateAfterBoth(state);
        }
    }

    @Test
    void killedBetweenTheNewSnapshotAndTheEmptyLogTheOldLogReplaysToTheSameState() throws IOException {
        snapshotOfAllItems();
        recordsSinceTheSnapshot();
        Path oldLog = directory.resolve("old.log");
        Files.copy(folder().resolve("products.log"), oldLog);
        try (FeedSyncState state = open()) {
            ((FileFeedState) state).compact();
        }
        Files.copy(oldLog, folder().resolve("products.log"), StandardCopyOption.REPLACE_EXISTING);
        try (FeedSyncState state = open()) {
            assertTheStateAfterBoth(state);
        }
    }

    @Test
    void aDamagedSnapshotIsNotBelievedAndEverythingIsSentAgain() throws IOException {
        snapshotOfAllItems();
        recordsSinceTheSnapshot();
        try (RandomAccessFile file = new RandomAccessFile(folder().resolve("products.snap").toFile(), "rw")) {
            file.seek(64 + 24 * 10 + 9);
            int b = file.read();
            file.seek(64 + 24 * 10 + 9);
            file.write(b ^ 0x40);
        }
        try (FeedSyncState state = open()) {
            assertEquals(0, state.count(ItemStatus.ACCEPTED) + state.count(ItemStatus.REJECTED),
                    "nothing is claimed from a damaged snapshot, nor from the records after it");
            assertNull(state.lastFullSync());
            state.record(List.of(StateChange.accepted(key(5), id(5), 55)), LATER);
        }
        assertTrue(Files.notExists(folder().resolve("products.snap")));
        try (FeedSyncState state = open()) {
            assertEquals(new StoredItem(id(5), 55, ItemStatus.ACCEPTED), state.find(id(5)));
            assertEquals(1, state.count(ItemStatus.ACCEPTED));
        }
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {0, 1, 63})
    void aSnapshotShorterThanItsHeaderIsNotBelievedAndTheStateStillOpens(int length) throws IOException {
        snapshotOfAllItems();
        recordsSinceTheSnapshot();
        Path snapshot = folder().resolve("products.snap");
        Files.write(snapshot, Arrays.copyOf(Files.readAllBytes(snapshot), length));
        assertOpensAfreshAndWorks();
    }

    @Test
    void aSnapshotWhoseTextsAreCutShortIsNotBelievedWhenTheStateOpens() throws IOException {
        snapshotOfAllItems();
        recordsSinceTheSnapshot();
        Path snapshot = folder().resolve("products.snap");
        byte[] whole = Files.readAllBytes(snapshot);
        Files.write(snapshot, Arrays.copyOf(whole, whole.length - 3));
        assertOpensAfreshAndWorks();
    }

    /** Opens a state whose snapshot is not to be believed: nothing claimed, and it records and reopens as new. */
    private void assertOpensAfreshAndWorks() {
        try (FeedSyncState state = open()) {
            assertEquals(0, state.count(ItemStatus.ACCEPTED) + state.count(ItemStatus.REJECTED),
                    "nothing is claimed from a snapshot cut short, nor from the records after it");
            state.record(List.of(StateChange.accepted(key(5), id(5), 55)), LATER);
            assertEquals(key(5), state.key(id(5)));
        }
        try (FeedSyncState state = open()) {
            assertEquals(new StoredItem(id(5), 55, ItemStatus.ACCEPTED), state.find(id(5)));
            assertEquals(1, state.count(ItemStatus.ACCEPTED));
        }
    }

    @Test
    void anOpenThatFailsLeavesNoFileOfTheStateOpen() throws IOException {
        snapshotOfAllItems();
        Path snapshot = folder().resolve("products.snap");
        Files.delete(snapshot);
        Files.createDirectory(snapshot);
        assertThrows(ConnectorClientException.class, this::open, "a snapshot that cannot be read at all");
        if (Files.isDirectory(PROCESS_FILES)) {
            assertEquals(List.of(), openFilesUnder(folder()), "files open, as Linux lists them");
        }
        Files.delete(snapshot);
        try (FeedSyncState state = open()) {
            assertEquals(0, state.count(ItemStatus.ACCEPTED),
                    "its lock let go: the log (empty since the snapshot) opens");
        }
    }

    private static List<String> openFilesUnder(Path folder) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> descriptors = Files.list(PROCESS_FILES)) {
            for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
                try {
                    Path target = Files.readSymbolicLink(descriptor);
                    if (target.startsWith(folder)) {
                        open.add(target.toString());
                    }
                } catch (IOException gone) {
                    // the descriptor closed while listed: not open
                }
            }
        }
        return open;
    }

    @Test
    void aSnapshotBesideALogOfAnEarlierFormatIsIgnored() throws IOException {
        snapshotOfAllItems();
        try (InputStream format2 = getClass().getResourceAsStream("/state-format-2/products.log")) {
            Files.copy(format2, folder().resolve("products.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        try (FeedSyncState state = open()) {
            assertEquals(500, state.count(ItemStatus.ACCEPTED), "the format-2 log's 500 products");
            assertNull(state.find(id(8)), "nothing of the snapshot beside it");
        }
    }

    @Test
    void resettingTheDataSpaceForgetsTheSnapshot() {
        snapshotOfAllItems();
        FileSyncStateStore store = new FileSyncStateStore(directory);
        boolean[] erased = {false};
        store.resetDataSpace(DATA_SPACE, () -> erased[0] = true);
        assertTrue(erased[0]);
        assertTrue(Files.notExists(folder().resolve("products.snap")));
        try (FeedSyncState state = open()) {
            assertEquals(0, state.count(ItemStatus.ACCEPTED) + state.count(ItemStatus.REJECTED));
        }
    }
}

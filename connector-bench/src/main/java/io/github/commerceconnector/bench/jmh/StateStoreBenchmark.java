package io.github.commerceconnector.bench.jmh;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.bench.Directories;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default file-backed sync state holding a catalog ({@code items} products, recorded in batches of 10,000
 * when set up): looking an item up, and recording the outcome of one request of 100 items (appended to the log
 * and forced to disk once, the index updated).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StateStoreBenchmark {
    /** How many items the state holds. */
    @Param("1000000")
    public int items;

    private final SplittableRandom random = new SplittableRandom(42);
    private Path directory;
    private FeedSyncState state;
    private long[] identities;
    private ItemKey[] keys;
    private long content = 1;

    /** Records the catalog. */
    @Setup
    public void setUp() {
        directory = Directories.create("bench-state-");
        state = new FileSyncStateStore(directory).open("data-space", Feed.PRODUCTS);
        ItemHasher hasher = new ItemHasher();
        identities = new long[items];
        keys = new ItemKey[items];
        Instant now = Instant.now();
        List<StateChange> changes = new ArrayList<>();
        for (int index = 0; index < items; index++) {
            keys[index] = ItemKey.of(Feed.PRODUCTS, CatalogGenerator.sku(index), "default");
            identities[index] = hasher.identityHash(keys[index]);
            changes.add(StateChange.accepted(keys[index], identities[index], index + 1L));
            if (changes.size() == 10_000) {
                state.record(changes, now);
                changes.clear();
            }
        }
        state.record(changes, now);
    }

    /** Closes the state and deletes its files. */
    @TearDown
    public void tearDown() {
        state.close();
        Directories.deleteTree(directory);
    }

    /** Looks a random held item up. */
    @Benchmark
    public StoredItem lookUp() {
        return state.find(identities[random.nextInt(items)]);
    }

    /** Records 100 random held items as accepted with new content: one append, one force to disk. */
    @Benchmark
    public void recordBatchOf100() {
        List<StateChange> changes = new ArrayList<>(100);
        int start = random.nextInt(items - 100);
        content++;
        for (int index = start; index < start + 100; index++) {
            changes.add(StateChange.accepted(keys[index], identities[index], content));
        }
        state.record(changes, Instant.now());
    }
}

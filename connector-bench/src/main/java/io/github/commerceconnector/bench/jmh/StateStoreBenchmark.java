package io.github.commerceconnector.bench.jmh;

import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
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
    private HeldCatalog catalog;
    private FeedSyncState state;
    private long content = 1;

    /** Records the catalog. */
    @Setup
    public void setUp() {
        catalog = new HeldCatalog(items, index -> index + 1L);
        state = catalog.state();
    }

    /** Closes the state and deletes its files. */
    @TearDown
    public void tearDown() {
        catalog.close();
    }

    /** Looks a random held item up. */
    @Benchmark
    public StoredItem lookUp() {
        return state.find(catalog.identity(random.nextInt(items)));
    }

    /** Records 100 random held items as accepted with new content: one append, one force to disk. */
    @Benchmark
    public void recordBatchOf100() {
        List<StateChange> changes = new ArrayList<>(100);
        int start = random.nextInt(items - 100);
        content++;
        for (int index = start; index < start + 100; index++) {
            changes.add(StateChange.accepted(catalog.key(index), catalog.identity(index), content));
        }
        state.record(changes, Instant.now());
    }
}

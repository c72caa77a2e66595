package io.github.commerceconnector.bench.jmh;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.core.internal.catalog.ItemPreparer;
import io.github.commerceconnector.core.internal.catalog.ItemValidator;
import io.github.commerceconnector.core.internal.catalog.RequestBody;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The per-item path of a sync as a whole, on one thread, for products already generated: the fields, the
 * identity check and hash, the one pass that writes the JSON and takes the content hash, the look-up in a state
 * of {@code items} products, and for an item to send, its share (1/100) of encoding its request's body. The
 * {@code *Product} benchmarks run the sync's own preparation of a typed product ({@link ItemPreparer}: no fields
 * map); the others the general path of fields maps, step by step. The state holds the even products with their
 * content and the odd ones with another, so that the unchanged benchmarks take even products and the ones to send
 * odd products. The steps one by one are in {@link ContentHashBenchmark}, {@link ItemStepsBenchmark}, {@link StateStoreBenchmark}
 * and {@link BatchEncodingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PerItemPathBenchmark {
    private static final int PRODUCTS = 1024;
    private static final int BATCH = 100;

    /** How many items the state holds. */
    @Param("1000000")
    public int items;

    /**
     * Hashes as a sync against a new state does: with XXH3 over the fields, which every state the connector creates
     * takes.
     */
    private final ItemHasher hasher = new ItemHasher(CatalogSyncSettings.DEFAULT_MAX_STRING_BYTES,
            CatalogSyncSettings.defaults().maxDepth(), ContentHashAlgorithm.FIELDS_XXH3_64);
    private final ItemValidator validator = new ItemValidator(Feed.PRODUCTS,
            CatalogSyncSettings.DEFAULT_MAX_STRING_BYTES, CatalogSyncSettings.defaults().maxDepth());
    private final List<byte[]> batch = new ArrayList<>(BATCH);
    private final Product[] products = new Product[PRODUCTS];
    private HeldCatalog catalog;
    private FeedSyncState state;
    private ItemPreparer preparer;
    private int next;

    /** Generates the products and records a state of {@code items} products holding them unchanged. */
    @Setup
    public void setUp() {
        CatalogGenerator generator = new CatalogGenerator();
        for (int index = 0; index < PRODUCTS; index++) {
            products[index] = generator.product(index, 0);
        }
        catalog = new HeldCatalog(items, index -> index < PRODUCTS && index % 2 == 0
                ? hasher.contentHash(products[index].fields()) : index + 1L);
        state = catalog.state();
        preparer = new ItemPreparer(validator, state, true, ItemPreparer.Skip.NONE,
                CatalogSyncSettings.DEFAULT_MAX_BATCH_BYTES);
    }

    /** Closes the state and deletes its files. */
    @TearDown
    public void tearDown() {
        catalog.close();
    }

    /** An item the state holds with this content: everything up to the look-up, nothing to send. */
    @Benchmark
    public boolean unchangedItem() {
        Product product = products[next++ & (PRODUCTS - 2)];
        Map<String, Object> fields = product.fields();
        long identity = hasher.identityHash(validator.identity(fields).key());
        long content = hasher.writeItem(fields);
        StoredItem stored = state.find(identity);
        return stored != null && stored.contentHash() == content && !hasher.needsValidation();
    }

    /**
     * An unchanged typed product as a sync prepares it on a worker thread: handed over, its JSON written and
     * hashed in one pass without a fields map, its identity checked and hashed, looked up.
     */
    @Benchmark
    public ItemPreparer.Prepared unchangedProduct() {
        int index = next++ & (PRODUCTS - 2);
        return preparer.prepare(ItemPreparer.input(products[index]), index);
    }

    /**
     * A changed typed product as a sync prepares it, then its share of its request's body: the same as {@link
     * #unchangedProduct()}, its JSON taken, and every 100 products a gzipped body of their JSON.
     */
    @Benchmark
    public int productToSend() {
        int index = (next++ & (PRODUCTS - 2)) + 1;
        return addToBody(preparer.prepare(ItemPreparer.input(products[index]), index).json());
    }

    /**
     * An item to send (as if its content had changed): the same, then its JSON taken and its share of its
     * request's body.
     */
    @Benchmark
    public int itemToSend() {
        Product product = products[(next++ & (PRODUCTS - 2)) + 1];
        Map<String, Object> fields = product.fields();
        long identity = hasher.identityHash(validator.identity(fields).key());
        hasher.writeItem(fields);
        if (state.find(identity) == null) {
            return -1;
        }
        return addToBody(hasher.json());
    }

    /** Adds an item's JSON to the batch; every 100 items, encodes their body and gives its length. */
    private int addToBody(byte[] json) {
        batch.add(json);
        if (batch.size() < BATCH) {
            return batch.size();
        }
        int length = RequestBody.encodeJson(batch, true, CatalogSyncSettings.defaults().gzipLevel()).length;
        batch.clear();
        return length;
    }
}

package io.github.commerceconnector.bench.jmh;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.catalog.FeedJson;
import io.github.commerceconnector.core.internal.catalog.ItemValidator;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The other per-item steps of a sync, one generated product at a time, to weigh them against the content hash
 * and the batch encoding: generating the product (the benchmark's input, not the SDK's work), building its
 * fields, checking its identity, validating it and writing its JSON with Jackson.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ItemStepsBenchmark {
    private final CatalogGenerator generator = new CatalogGenerator();
    private final ItemValidator validator = new ItemValidator(Feed.PRODUCTS,
            CatalogSyncSettings.DEFAULT_MAX_STRING_BYTES, CatalogSyncSettings.defaults().maxDepth());
    /** The formatter the typed items write their timestamps with ({@code ItemFields.time}). */
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();

    private Product product;
    private Map<String, Object> fields;
    private int index;
    private final Instant time = Instant.parse("2024-03-01T09:10:42Z");

    /** Generates the product the other steps work on. */
    @Setup
    public void setUp() {
        product = generator.product(4242, 0);
        fields = product.fields();
    }

    /** Generates a product (the catalog generator's cost, part of every contender's run). */
    @Benchmark
    public Product generate() {
        index = (index + 1) & 0xFFFF;
        return generator.product(index, 0);
    }

    /** Builds the product's fields map. */
    @Benchmark
    public Map<String, Object> fields() {
        return product.fields();
    }

    /** Validates the fields. */
    @Benchmark
    public ItemValidator.Result validate() {
        return validator.check(fields);
    }

    /** Checks the identity fields and gives the key (done for every item). */
    @Benchmark
    public ItemValidator.Result identity() {
        return validator.identity(fields);
    }

    /**
     * Formats one timestamp with the JDK's RFC 3339 formatter, as typed items did before they wrote their timestamps
     * by hand (a product writes two or three per pass): the reference for what the typed pass no longer allocates
     * ({@code ContentHashBenchmark.writeTypedItemAndContentHash}'s bytes per operation).
     */
    @Benchmark
    public String formatTimestamp() {
        return RFC_3339.format(time);
    }

    /** Whether the product gives all its fields (no extra fields anywhere): asked before each typed pass. */
    @Benchmark
    public boolean writesAllFields() {
        return product.writesAllFields();
    }

    /** Writes the fields as JSON with Jackson (how the SDK wrote an item's body before the one-pass change). */
    @Benchmark
    public byte[] writeJson() {
        return FeedJson.write(fields);
    }
}

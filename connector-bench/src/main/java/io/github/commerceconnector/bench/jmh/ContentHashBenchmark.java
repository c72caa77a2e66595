package io.github.commerceconnector.bench.jmh;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.examples.CatalogGenerator;
import io.github.commerceconnector.examples.CatalogProfile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Change detection of one generated product (about 1.6 KB of JSON): its content hash (canonical JSON, SHA-256)
 * and its identity hash, on fields already built; the one pass that writes the JSON sent and hashes it, with
 * SHA-256 (states written before XXH3), with XXH3 over the JSON (states written before the hashes over fields) and
 * with XXH3 over the fields (every new state); the hash over fields alone, without JSON, as an unchanged item's
 * look-up takes it; each hash alone over the JSON; and the whole per-item step of a sync that skips an unchanged
 * item (fields, both hashes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ContentHashBenchmark {
    private static final List<String> CAPTURED = List.of("sku", "storeViewCode", "deleted");

    private final ItemHasher hasher = new ItemHasher();
    private final ItemHasher xxh3Hasher = new ItemHasher(ContentHashAlgorithm.XXH3_64);
    private final ItemHasher fieldsHasher = new ItemHasher(ContentHashAlgorithm.FIELDS_XXH3_64);
    private final Hasher64 xxh3 = Hashing.xxh3_64();
    private Product product;
    private Map<String, Object> fields;
    private ItemKey key;
    private MessageDigest sha256;
    private byte[] json;

    /**
     * The generator's profile of the product (JMH sets it; {@code -p profile=SMALL} for the e2e benchmark's
     * catalog); {@code REALISTIC} when the benchmark is made by hand.
     */
    @Param({"REALISTIC"})
    public CatalogProfile profile = CatalogProfile.REALISTIC;

    /** Generates the product. */
    @Setup
    public void setUp() {
        product = new CatalogGenerator(profile).product(4242, 0);
        fields = product.fields();
        key = ItemKey.of(io.github.commerceconnector.api.catalog.Feed.PRODUCTS, product.sku(), product.storeViewCode());
        ItemHasher writer = new ItemHasher();
        writer.writeItem(fields);
        json = writer.json();
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content hash of the product's fields. */
    @Benchmark
    public long contentHash() {
        return hasher.contentHash(fields);
    }

    /**
     * The one-pass step of an item to send: its JSON as sent written once, and its content hash taken from the
     * canonical text at the head of those bytes.
     */
    @Benchmark
    public long writeItemAndContentHash() {
        return hasher.writeItem(fields);
    }

    /**
     * The one pass of a typed product, as a sync runs it: its JSON written from its own fields (no map) and its
     * content hash taken.
     */
    @Benchmark
    public long writeTypedItemAndContentHash() {
        return hasher.writeItem(product, CAPTURED);
    }

    /**
     * The one pass of a typed product against a state of {@link ContentHashAlgorithm#FIELDS_XXH3_64} (every state
     * the connector's stores create): the JSON, and the content hash over the fields taken in the same pass.
     */
    @Benchmark
    public long writeTypedItemAndFieldContentHash() {
        return fieldsHasher.writeItem(product, CAPTURED);
    }

    /**
     * The content hash over a typed product's fields without its JSON: what an unchanged item costs in a re-sync
     * against a state of {@link ContentHashAlgorithm#FIELDS_XXH3_64}.
     */
    @Benchmark
    public long fieldContentHashWithoutJson() {
        return fieldsHasher.hashTyped(product, CAPTURED);
    }

    /**
     * The one pass of a typed product against a state of {@link ContentHashAlgorithm#XXH3_64} (states created before
     * the hashes over fields): the same JSON, the content hash taken with XXH3 over its canonical text.
     */
    @Benchmark
    public long writeTypedItemAndXxh3ContentHash() {
        return xxh3Hasher.writeItem(product, CAPTURED);
    }

    /** XXH3 alone over the product's JSON: its share of the pass, against {@link #sha256OfJson}. */
    @Benchmark
    public long xxh3OfJson() {
        return xxh3.hashBytesToLong(json);
    }

    /** SHA-256 alone over the product's JSON (about its canonical text's length): the hash's share of the pass. */
    @Benchmark
    public byte[] sha256OfJson() {
        return sha256.digest(json);
    }

    /** The identity hash of the product's key. */
    @Benchmark
    public long identityHash() {
        return hasher.identityHash(key);
    }

    /** The product's fields and content hash, as a sync computes them per item. */
    @Benchmark
    public long fieldsAndContentHash() {
        return hasher.contentHash(product.fields());
    }
}

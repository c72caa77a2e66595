package io.github.commerceconnector.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.core.internal.catalog.ItemPreparer;
import io.github.commerceconnector.examples.CatalogProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps the JMH micro-benchmarks from rotting without running JMH: each benchmark's set-up and methods are
 * called once, on a small state, and must do the work they claim to measure. Speed is not asserted.
 */
class MicroBenchmarksSmokeTest {

    @Test
    void signingReusesItsTokenOnlyWhenAsked() {
        SigningBenchmark signing = new SigningBenchmark();
        signing.setUp();
        try {
            String reused = signing.withTokenReuse().get("x-gw-signature");
            assertEquals(reused, signing.withTokenReuse().get("x-gw-signature"), "a reused token is the same");
            assertNotNull(signing.withoutTokenReuse().get("x-gw-signature"));
            assertEquals(3, reused.split("\\.").length, "a JWT has three parts");
        } finally {
            signing.tearDown();
        }
    }

    @ParameterizedTest
    @EnumSource(CatalogProfile.class)
    void theContentHashOfFieldsIsTheHashOfTheProduct(CatalogProfile profile) {
        ContentHashBenchmark hash = new ContentHashBenchmark();
        hash.profile = profile;
        hash.setUp();
        assertEquals(hash.contentHash(), hash.fieldsAndContentHash());
        assertEquals(hash.contentHash(), hash.writeItemAndContentHash(), "the one pass hashes the canonical text");
        assertEquals(hash.contentHash(), hash.writeTypedItemAndContentHash(), "a typed product hashes as its map");
        assertEquals(32, hash.sha256OfJson().length);
        assertNotEquals(0, hash.identityHash());
    }

    @Test
    void theContentHashBenchmarkTakesTheRealisticProductUnlessToldOtherwise() {
        ContentHashBenchmark realistic = new ContentHashBenchmark();
        realistic.setUp();
        ContentHashBenchmark small = new ContentHashBenchmark();
        small.profile = CatalogProfile.SMALL;
        small.setUp();
        assertEquals(CatalogProfile.REALISTIC, realistic.profile);
        assertNotEquals(realistic.contentHash(), small.contentHash(), "the profiles make different products");
    }

    @Test
    void everyBatchEncodingGivesTheSameJsonArray() throws IOException {
        BatchEncodingBenchmark encoding = new BatchEncodingBenchmark();
        encoding.setUp();
        byte[] fast = gunzip(encoding.sdkDefaultLevel());
        byte[] jdkLevel = gunzip(encoding.sdkAtJdkDefaultLevel());
        byte[] diy = gunzip(encoding.diyJacksonIntoGzipStream());
        assertArrayEquals(fast, jdkLevel, "the level changes the compression, not the content");
        assertArrayEquals(fast, diy, "the SDK writes the JSON Jackson writes");
        assertTrue(fast.length > 100 * 1000, "100 products of over a kilobyte each: " + fast.length);
    }

    @Test
    void theItemStepsWorkOnTheGeneratedProduct() {
        ItemStepsBenchmark steps = new ItemStepsBenchmark();
        steps.setUp();
        assertNotNull(steps.generate());
        assertTrue(steps.fields().containsKey("sku"));
        assertEquals(null, steps.validate().problem(), "a generated product is valid");
        assertTrue(steps.writeJson().length > 1000);
        assertEquals("2024-03-01T09:10:42Z", steps.formatTimestamp());
        assertTrue(steps.writesAllFields(), "a generated product has no extra fields");
    }

    @Test
    void thePerItemPathFindsTheEvenProductsUnchangedAndSendsTheOdd() throws IOException {
        PerItemPathBenchmark path = new PerItemPathBenchmark();
        path.items = 2_000;
        path.setUp();
        try {
            ItemPreparer.Prepared unchanged = path.unchangedProduct();
            assertEquals(ItemPreparer.Outcome.UNCHANGED, unchanged.outcome(), "an even product is held unchanged");
            assertTrue(path.unchangedItem(), "the map path finds the same product unchanged");
            int last = 0;
            for (int i = 0; i < 100; i++) {
                last = path.productToSend();
            }
            assertTrue(last > 10_000, "100 products gzipped into one body: " + last);
        } finally {
            path.tearDown();
        }
    }

    @Test
    void theStateStoreFindsWhatItRecorded() throws IOException {
        StateStoreBenchmark store = new StateStoreBenchmark();
        store.items = 2_000;
        store.setUp();
        try {
            assertNotNull(store.lookUp(), "every looked-up item was recorded");
            store.recordBatchOf100();
            assertNotNull(store.lookUp());
        } finally {
            store.tearDown();
        }
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}

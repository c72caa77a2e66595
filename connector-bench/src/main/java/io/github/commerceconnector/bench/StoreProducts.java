package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.GenericItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The products of the state store benchmark: generated as they are read, about 1 KB of JSON each, the same for
 * every store. Kept apart from the examples' catalog generator, so that this benchmark measures the stores with the
 * same catalog whatever that generator becomes.
 */
final class StoreProducts {
    private static final String WORDS = "Soft organic cotton crew neck tee with a relaxed fit, reinforced seams and a "
            + "tag-free collar for all-day comfort. Machine washable, pre-shrunk, dyed with low-impact dyes. ";

    private StoreProducts() {
    }

    /** Product {@code n}. */
    static FeedItem item(int n) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sku", String.format("ST-%08d", n));
        fields.put("storeViewCode", "default");
        fields.put("name", "Organic cotton tee " + n);
        fields.put("type", "simple");
        fields.put("status", "Enabled");
        fields.put("urlKey", "organic-cotton-tee-" + n);
        fields.put("description", WORDS + WORDS + WORDS + "Article " + n + ".");
        fields.put("metaTitle", "Organic cotton tee " + n + " | Shop");
        fields.put("metaDescription", WORDS);
        fields.put("createdAt", "2026-01-01T00:00:00Z");
        fields.put("updatedAt", "2026-02-01T00:00:00Z");
        return GenericItem.of(fields);
    }

    /** {@code count} products, made as they are read. */
    static Iterable<FeedItem> items(int count) {
        return () -> IntStream.range(0, count).mapToObj(StoreProducts::item).iterator();
    }
}

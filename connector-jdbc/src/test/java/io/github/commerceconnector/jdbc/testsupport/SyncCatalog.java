package io.github.commerceconnector.jdbc.testsupport;

import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.GenericItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/** The products of the crash tests: made on the fly, the same in the parent and in every child JVM. */
public final class SyncCatalog {

    private SyncCatalog() {
    }

    /** The SKU of product {@code n}. */
    public static String sku(int n) {
        return String.format("JD-%06d", n);
    }

    /** The name product {@code n} has, which the gateway must end up holding. */
    public static String name(int n) {
        return "Product " + n + " kept in PostgreSQL";
    }

    /** Product {@code n}. */
    public static FeedItem item(int n) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sku", sku(n));
        fields.put("storeViewCode", "default");
        fields.put("name", name(n));
        fields.put("type", "simple");
        fields.put("urlKey", "product-" + n);
        fields.put("description", "A product whose sync state survives a killed worker and a killed connection, "
                + "number " + n);
        return GenericItem.of(fields);
    }

    /** {@code count} products, made as they are read. */
    public static Iterable<FeedItem> items(int count) {
        return () -> IntStream.range(0, count).mapToObj(SyncCatalog::item).iterator();
    }
}

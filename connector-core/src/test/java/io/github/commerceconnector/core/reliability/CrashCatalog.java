package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.core.testsupport.LazyItems;
import java.math.BigDecimal;
import java.time.Instant;

/** The catalog of the crash tests: products made on the fly, the same in the parent and in every child JVM. */
final class CrashCatalog {

    private CrashCatalog() {
    }

    /** The SKU of product {@code n}. */
    static String sku(int n) {
        return String.format("CR-%06d", n);
    }

    /** The name product {@code n} has, which the gateway must end up holding. */
    static String name(int n) {
        return "Crash test product " + n;
    }

    /** Product {@code n}. */
    static FeedItem item(int n) {
        return Product.builder().sku(sku(n)).storeViewCode("default").name(name(n)).type("simple")
                .urlKey("crash-" + n).description("A product that survives a SIGKILL at any moment, number " + n)
                .weight(new BigDecimal("0.75")).inStock(true).inventory(inventory -> inventory.qty(n % 90))
                .updatedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }

    /** {@code count} products, made as they are read. */
    static Iterable<FeedItem> items(int count) {
        return LazyItems.of(count, CrashCatalog::item);
    }
}

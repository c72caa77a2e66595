package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's catalog example, compiled and run exactly as printed there, against the fake gateway. */
class CatalogReadmeExampleTest {

    /** The store's catalog, read lazily (a database cursor in real life). */
    private static Stream<Product> productsFromYourStore() {
        return IntStream.range(0, 250).mapToObj(n -> Product.builder()
                .sku("MH" + n).storeViewCode("default").name("Hoodie " + n).urlKey("hoodie-" + n)
                .inStock(true).inventory(inventory -> inventory.qty(n % 3 == 0 ? -1 : 10))
                .build());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void syncAFeedAndReadItsReport(@TempDir Path stateDirectory) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServices services = fake.client(stateDirectory, CatalogSyncSettings.defaults())) {

            // README:begin sync a feed and read its report
            SyncReport report = services.catalog().sync(Feed.PRODUCTS, productsFromYourStore());
            System.out.printf("%d sent, %d unchanged, %d deleted, %d rejected, %d to retry, in %d requests%n",
                    report.sent(), report.unchanged(), report.deleted(), report.rejectedCount(),
                    report.retryable(), report.requests());
            for (RejectedItem rejected : report.rejected()) {
                System.out.println(rejected.key() + ": " + rejected.reason());
            }
            // README:end

            assertEquals(166, report.sent());
            assertEquals(84, report.rejectedCount());
            String text = printed.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("166 sent, 0 unchanged, 0 deleted, 84 rejected, 0 to retry, in 2 requests"), text);
            assertTrue(text.contains("sku=MH0, storeViewCode=default: Field 'inventory/qty' of item sku=MH0, "
                    + "storeViewCode=default is -1: a quantity must be 0 or more"), text);
        } finally {
            System.setOut(console);
        }
    }

    @Test
    void buildATypedItemWithNestedValuesAndAnExtraField() {
        // README:begin build a typed item
        Product product = Product.builder()
                .sku("MH01").storeViewCode("default").productId(42).name("Chaz Kangeroo Hoodie")
                .type("configurable").status("Enabled").visibility("Catalog, Search")
                .url("https://shop.example.com/chaz-kangeroo-hoodie.html").urlKey("chaz-kangeroo-hoodie")
                .inStock(true).inventory(stock -> stock.qty(17).configuration(settings -> settings.manageStock(true)))
                .addCategoryData("12", "men/tops", 1)
                .addImage(Product.MediaResource.of("https://cdn.example.com/mh01.jpg", "front", "image"), "1")
                .addOptionV2(option -> option.label("Color").type("configurable")
                        .addValue(value -> value.label("Red").colorHex("#ff0000")))
                .addVariant("MH01-XS-Red")
                .putExtraField("sustainabilityScore", 87)      // a field this SDK does not type yet
                .build();
        // README:end

        Map<String, Object> json = product.fields();
        assertEquals(42, json.get("productId"));
        assertEquals(87, json.get("sustainabilityScore"));
        assertEquals(Map.of("qty", 17, "configuration", Map.of("manageStock", true)), json.get("inventory"));
        assertEquals(List.of(Map.of("sku", "MH01-XS-Red")), json.get("variants"));
    }
}

package io.github.commerceconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.Variant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogGeneratorTest {
    private final CatalogGenerator generator = new CatalogGenerator();

    @Test
    void skuIsTheIndexZeroPaddedToEightDigits() {
        for (int index : new int[] {0, 7, 42, 1_000_000, 99_999_999, 100_000_000, -3}) {
            assertEquals(String.format("SKU-%08d", index), CatalogGenerator.sku(index));
        }
    }

    @Test
    void urlKeyIsTheLowerCaseNameWithEachRunOfOtherCharactersAsOneDash() {
        for (CatalogProfile profile : CatalogProfile.values()) {
            CatalogGenerator catalog = new CatalogGenerator(profile);
            for (int index = 0; index < 3_000; index++) {
                for (int revision = 0; revision < 2; revision++) {
                    Product product = catalog.product(index, revision);
                    String expected = product.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
                            + index;
                    assertEquals(expected, product.urlKey());
                }
            }
        }
    }

    @Test
    void aRevisionChangesOneProductInAHundredBesidesItsUpdatedAt() {
        for (CatalogProfile profile : CatalogProfile.values()) {
            CatalogGenerator catalog = new CatalogGenerator(profile);
            long changed = catalog.products(1_000).stream().filter(product -> !product.toBuilder().updatedAt(null)
                    .build().equals(catalog.product(product.productId() - 1, 1).toBuilder().updatedAt(null).build()))
                    .count();
            assertEquals(10, changed, profile.label());
            assertNotEquals(catalog.product(7, 0).name(), catalog.product(7, 1).name());
            assertEquals(catalog.product(8, 0).fields().get("images"), catalog.product(8, 1).fields().get("images"));
        }
    }

    @Test
    void aRealisticCatalogHasConfigurablesWithOptionsAndVariantsAndFillsWhatAStoreSends() {
        List<Product> products = new ArrayList<>(generator.products(1_000));
        Map<String, List<Product>> byType = products.stream().collect(Collectors.groupingBy(Product::type));

        assertEquals(100, byType.get("configurable").size(), "one product in ten is configurable");
        for (Product configurable : byType.get("configurable")) {
            assertEquals(2, configurable.optionsV2().size(), "color and size");
            assertEquals(6, configurable.variants().size());
        }
        for (Product product : products) {
            assertTrue(product.inStock() != null && product.inventory().configuration() != null, product.sku());
            assertTrue(product.attributes().size() >= 9, product.sku());
            assertTrue(product.images().size() >= 2, product.sku());
            assertNotNull(product.categoryData(), product.sku());
            if (product.visibility().equals("Not Visible Individually")) {
                assertEquals("configurable", product.parents().get(0).productType(), product.sku());
            } else {
                assertTrue(product.url().startsWith("https://") && product.urlRewrites().size() == 2, product.sku());
                assertTrue(product.images().size() >= 3 && product.links().size() == 3, product.sku());
            }
        }
        assertTrue(products.stream().anyMatch(product -> product.videos() != null));
        assertTrue(products.stream().anyMatch(product -> product.shopperInputOptions() != null));
    }

    @Test
    void realisticProductsAreLargerThanTheSmallOnes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CatalogGenerator small = new CatalogGenerator(CatalogProfile.SMALL);
        long realisticBytes = 0;
        long smallBytes = 0;
        for (int index = 0; index < 1_000; index++) {
            realisticBytes += json.writeValueAsBytes(generator.product(index, 0).fields()).length;
            smallBytes += json.writeValueAsBytes(small.product(index, 0).fields()).length;
        }
        assertTrue(smallBytes / 1_000 > 1_400 && smallBytes / 1_000 < 2_000, "about 1.6 KB: " + smallBytes / 1_000);
        assertTrue(realisticBytes > smallBytes * 13 / 10, realisticBytes + " vs " + smallBytes);
        assertTrue(small.products(1_000).stream().allMatch(product -> product.type().equals("simple")));
        assertEquals(0, small.variants(1_000).size());
    }

    @Test
    void aVariantLinksAChildToItsParentWithTheChildsColorAndSize() {
        for (Variant variant : generator.variants(100)) {
            Product child = generator.product(Integer.parseInt(variant.productId()) - 1, 0);
            assertEquals(variant.parentSku(), child.parents().get(0).sku());
            List<String> labels = variant.optionValues().stream().map(Variant.OptionValue::label).toList();
            List<String> attributes = child.attributes().stream()
                    .filter(attribute -> List.of("color", "size").contains(attribute.attributeCode()))
                    .map(attribute -> attribute.value().get(0)).toList();
            assertEquals(attributes, labels, variant.productSku());
        }
    }

    @Test
    void everyPartKnowsItsSizeBeforeItIsReadAndReviewsAreOfVisibleProducts() {
        for (CatalogProfile profile : CatalogProfile.values()) {
            CatalogGenerator catalog = new CatalogGenerator(profile);
            for (Collection<?> part : List.of(catalog.products(95), catalog.prices(95), catalog.stockStatuses(95),
                    catalog.variants(95), catalog.reviews(95), catalog.categories(), catalog.productAttributes(),
                    catalog.websites(), catalog.customerGroups(), catalog.ratingMetadata())) {
                int read = 0;
                for (Object ignored : part) {
                    read++;
                }
                assertEquals(part.size(), read, profile.label());
            }
            catalog.reviews(95).forEach(review -> assertNotEquals("Not Visible Individually",
                    catalog.product(review.productId() - 1, 0).visibility()));
        }
        assertEquals(85, generator.prices(95).size(), "configurable products have no price of their own");
    }
}

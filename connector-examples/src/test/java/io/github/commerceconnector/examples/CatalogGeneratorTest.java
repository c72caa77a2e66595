package io.github.commerceconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.commerceconnector.api.catalog.Product;
import java.util.Locale;
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
        for (int index = 0; index < 3_000; index++) {
            for (int revision = 0; revision < 2; revision++) {
                Product product = generator.product(index, revision);
                String expected = product.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + index;
                assertEquals(expected, product.urlKey());
            }
        }
    }

    @Test
    void aRevisionChangesOneProductInAHundred() {
        assertNotEquals(generator.product(7, 0).name(), generator.product(7, 1).name());
        assertEquals(generator.product(8, 0).name(), generator.product(8, 1).name());
        assertEquals(generator.product(8, 0).fields().get("images"), generator.product(8, 1).fields().get("images"));
    }
}

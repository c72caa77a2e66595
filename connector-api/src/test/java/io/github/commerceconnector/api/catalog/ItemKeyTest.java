package io.github.commerceconnector.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemKeyTest {

    @Test
    void pairsTheFeedsIdentityFieldsWithValues() {
        ItemKey key = ItemKey.of(Feed.PRODUCTS, "MH01", "default");

        assertEquals(List.of("sku", "storeViewCode"), key.fields());
        assertEquals(List.of("MH01", "default"), key.values());
        assertEquals("sku=MH01, storeViewCode=default", key.toString());
    }

    @Test
    void refusesAValueCountThatDoesNotMatchTheFields() {
        assertThrows(IllegalArgumentException.class, () -> ItemKey.of(Feed.PRODUCTS, "MH01"));
        assertThrows(IllegalArgumentException.class, () -> new ItemKey(List.of(), List.of()));
    }

    @Test
    void readsTheKeyOfAnItemWithStringAndNumberValues() {
        Map<String, Object> item = Map.of("parentSku", "MH01", "productSku", 42, "name", "Hoodie");

        assertEquals(new ItemKey(List.of("parentSku", "productSku"), List.of("MH01", "42")),
                ItemKey.ofItem(Feed.VARIANTS, item));
    }

    @Test
    void hasNoKeyWhenAnIdentityFieldIsMissingBlankOrNotAScalar() {
        Map<String, Object> missing = Map.of("sku", "MH01");
        Map<String, Object> blank = Map.of("sku", "MH01", "storeViewCode", " ");
        Map<String, Object> list = Map.of("sku", "MH01", "storeViewCode", List.of("default"));
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("sku", null);
        nullValue.put("storeViewCode", "default");

        assertNull(ItemKey.ofItem(Feed.PRODUCTS, missing));
        assertNull(ItemKey.ofItem(Feed.PRODUCTS, blank));
        assertNull(ItemKey.ofItem(Feed.PRODUCTS, list));
        assertNull(ItemKey.ofItem(Feed.PRODUCTS, nullValue));
    }

    @Test
    void equalKeysAreEqual() {
        assertEquals(ItemKey.of(Feed.PRODUCTS, "MH01", "default"), ItemKey.of(Feed.PRODUCTS, "MH01", "default"));
    }
}

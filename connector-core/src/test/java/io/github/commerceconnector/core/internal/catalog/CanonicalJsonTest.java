package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    private final CanonicalJson canonical = new CanonicalJson();
    private final ItemHasher hasher = new ItemHasher();

    @Test
    void sortsKeysAndOrderFreeArraysButKeepsOtherArrays() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", "A");
        item.put("images", List.of(Map.of("b", 2, "a", 1), Map.of("a", 0)));
        item.put("optionList", List.of("z", "a"));
        item.put("updatedAt", "2024-01-01T00:00:00Z");
        assertEquals("{\"images\":[{\"a\":0},{\"a\":1,\"b\":2}],\"optionList\":[\"z\",\"a\"],\"sku\":\"A\"}",
                canonical.of(item));
    }

    @Test
    void aWriterLetsGoOfWhatAHugeItemGrewAndWritesTheNextItemsAlike() {
        CanonicalJson.Writer writer = canonical.writer();
        String huge = "x".repeat(3 << 20);
        Map<String, Object> big = Map.of("sku", "A", "description", huge,
                "images", List.of(Map.of("url", huge), Map.of("url", "b")));
        Map<String, Object> small = Map.of("sku", "B", "images", List.of(Map.of("url", "z"), Map.of("url", "a")));

        int bigLength = writer.write(big);
        int smallLength = writer.write(small);

        assertEquals(canonical.of(small), new String(writer.buffer(), 0, smallLength, StandardCharsets.UTF_8));
        assertTrue(writer.buffer().length <= 1 << 20, "kept " + writer.buffer().length + " bytes");
        assertEquals(bigLength, writer.write(big));
        assertEquals(canonical.of(big), new String(writer.buffer(), 0, bigLength, StandardCharsets.UTF_8));
        assertTrue(canonical.of(big).startsWith("{\"description\":\"xxx"));
        assertTrue(canonical.of(big).contains("\"images\":[{\"url\":\"b\"},{\"url\":\"xxx"));
    }

    @Test
    void aWriterWritesEachItemAsAFreshOneWhateverTheNamesOfTheItemsBefore() {
        CanonicalJson.Writer writer = canonical.writer();
        // "Aa" and "BB" share a hash; the other items move names (and order-free arrays) to other places or hold a
        // name validation refuses
        List<Map<String, Object>> items = List.of(Map.of("Aa", 1, "BB", 2), Map.of("BB", 3, "c", "x"),
                Map.of("Aa", List.of(Map.of("BB", 4, "Aa", 5))), Map.of("a\u0001", 6, "Aa", 7), Map.of("BB", 8),
                Map.of("a\u0001", 9), Map.of("images", List.of("b", "a")), Map.of("optionList", List.of("b", "a")),
                Map.of("images", List.of("d", "c"), "optionList", List.of("d", "c")));
        for (int round = 0; round < 3; round++) {
            for (Map<String, Object> item : items) {
                int length = writer.write(item);
                assertEquals(canonical.of(item), new String(writer.buffer(), 0, length, StandardCharsets.UTF_8));
                assertEquals(item.containsKey("a\u0001"), writer.suspect(), item.toString());
            }
        }
    }

    @Test
    void numbersHaveOneFormPerValue() {
        assertEquals(hasher.contentHash(Map.of("regular", 5)), hasher.contentHash(Map.of("regular", 5.0)));
        assertEquals(hasher.contentHash(Map.of("regular", new BigDecimal("5.00"))),
                hasher.contentHash(Map.of("regular", 5L)));
        assertNotEquals(hasher.contentHash(Map.of("regular", 5)), hasher.contentHash(Map.of("regular", "5")));
        assertEquals("0", CanonicalJson.canonicalNumber(new BigDecimal("0.000")));
        assertEquals("1000", CanonicalJson.canonicalNumber(new BigDecimal("1E+3")));
    }

    @Test
    void decimalsWrittenWithoutTheirTextReadAsTheirCanonicalText() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = random.nextLong() >> random.nextInt(64);
            BigDecimal decimal = BigDecimal.valueOf(unscaled, random.nextInt(-3, 22));
            assertEquals("{\"n\":" + CanonicalJson.canonicalNumber(decimal) + "}", canonical.of(Map.of("n", decimal)),
                    decimal.toString());
        }
    }

    @Test
    void escapesStringsSoDifferentTextNeverCollides() {
        assertNotEquals(canonical.of(Map.of("a", "x\",\"b\":\"y")), canonical.of(Map.of("a", "x", "b", "y")));
        assertEquals("{\"a\":\"tab\\u0009\"}", canonical.of(Map.of("a", "tab\t")));
    }

    @Test
    void identityHashSeparatesValues() {
        Feed feed = Feed.PRODUCTS;
        assertNotEquals(hasher.identityHash(ItemKey.of(feed, "ab", "c")), hasher.identityHash(ItemKey.of(feed, "a", "bc")));
        assertEquals(hasher.identityHash(ItemKey.of(feed, "MH01", "default")),
                new ItemHasher().identityHash(ItemKey.of(feed, "MH01", "default")));
    }

    @Test
    void identityHashIsTheHeadOfTheSha256OfEachValueAfterItsUtf8Length() throws Exception {
        String[][] keys = {{"MH01", "default"}, {"x".repeat(5_000), "default"}, {"\u00e9".repeat(3_000), "b"},
            {"a".repeat(4_093), "\ud83d\ude00c"}, {"", "y".repeat(4_096)}};
        for (String[] values : keys) {
            java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
            for (String value : values) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                sha256.update(java.nio.ByteBuffer.allocate(4).putInt(utf8.length).array());
                sha256.update(utf8);
            }
            long expected = java.nio.ByteBuffer.wrap(sha256.digest()).getLong();
            assertEquals(expected, hasher.identityHash(ItemKey.of(Feed.PRODUCTS, values)), values[0].length() + " chars");
        }
    }

    @Test
    void refusesAValueThatNestsBeyondAnyValidDepthOrContainsItselfInsteadOfOverflowingTheStack() {
        Map<String, Object> deep = new java.util.HashMap<>();
        Map<String, Object> current = deep;
        for (int i = 0; i < 100_000; i++) {
            Map<String, Object> next = new java.util.HashMap<>();
            current.put("child", next);
            current = next;
        }
        Map<String, Object> cyclic = new java.util.HashMap<>();
        cyclic.put("self", List.of(cyclic));

        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> canonical.of(Map.of("sku", "A", "attributes", deep)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> canonical.of(Map.of("sku", "A", "attributes", cyclic)));
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void refusesADecimalWhosePlainFormWouldBeBillionsOfDigits() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> canonical.of(Map.of("sku", "A", "weight", new BigDecimal("1E+1000000000"))));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("exponent"), refused.getMessage());
        assertEquals("{\"weight\":1" + "0".repeat(9999) + "}", canonical.of(Map.of("weight", new BigDecimal("1E+9999"))));
    }
}

package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The content hash is what the sync state on disk holds for every item: a faster writer must give every item the
 * hash the earlier code gave it, or every item of every existing state would be sent again. The expected values
 * were computed by the code before the per-item CPU work (commit {@code 4db0759}); the items exercise what that
 * work changed: order-free arrays already in order, out of order and of one element, field names met again,
 * decimals written without their text (and those too long for that), escapes and non-ASCII text.
 */
class ContentHashGoldenTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final String PRODUCT = """
            {"sku":"SKU-7","storeViewCode":"default",
             "name":"Caf\\u00e9 \\u20ac \\ud83d\\ude00 \\"quoted\\" back\\\\slash",
             "description":"line\\nbreak\\ttab","weight":-0.0700,"taxClassId":"2","productId":7,
             "inventory":{"qty":3,"configuration":{"threshold":2.50,"manageStock":true}},
             "attributes":[{"attributeCode":"size","value":["M"]},{"attributeCode":"color","value":["Red","Blue"]},
                           {"attributeCode":"material","value":["Wool"],"valueId":["9"]}],
             "categoryData":[{"categoryId":"1","categoryPath":"a","productPosition":2}],
             "images":[{"resource":{"url":"https://cdn/b.jpg","label":"b","roles":["thumbnail","image"]},
                        "sortOrder":"2"},
                       {"resource":{"url":"https://cdn/a.jpg","label":"a","roles":[]},"sortOrder":"1"}],
             "parents":[{"sku":"P-1","productType":"configurable"},{"sku":"P-2","productType":"bundle"}],
             "createdAt":"2024-03-01T08:00:00Z","updatedAt":"2024-03-01T09:10:42.5Z"}
            """;

    /** The hashes the code before the change gave, in the order of {@link #items()}. */
    private static final long[] EXPECTED = {
        -5760297447396843982L,
        -4659829487423399085L,
        6925658415114979450L,
        -8461502564194002282L,
        493837045294354697L};

    /** The product's JSON as the code before the change sent it. */
    private static final String PRODUCT_JSON = "{"
            + "\"attributes\":[{\"attributeCode\":\"color\",\"value\":[\"Red\",\"Blue\"]},{\"attributeCode\":\"mat"
            + "erial\",\"value\":[\"Wool\"],\"valueId\":[\"9\"]},{\"attributeCode\":\"size\",\"value\":[\"M\"]}],\""
            + "categoryData\":[{\"categoryId\":\"1\",\"categoryPath\":\"a\",\"productPosition\":2}],\"createdAt\":"
            + "\"2024-03-01T08:00:00Z\",\"description\":\"line\\u000abreak\\u0009tab\",\"images\":[{\"resource\":{"
            + "\"label\":\"a\",\"roles\":[],\"url\":\"https://cdn/a.jpg\"},\"sortOrder\":\"1\"},{\"resource\":{\"la"
            + "bel\":\"b\",\"roles\":[\"image\",\"thumbnail\"],\"url\":\"https://cdn/b.jpg\"},\"sortOrder\":\"2\"}]"
            + ",\"inventory\":{\"configuration\":{\"manageStock\":true,\"threshold\":2.5},\"qty\":3},\"name\":\"Caf"
            + "\u00e9 \u20ac \ud83d\ude00 \\\"quoted\\\" back\\\\slash\",\"parents\":[{\"productType\":\"bundle\","
            + "\"sku\":\"P-2\"},{\"productType\":\"configurable\",\"sku\":\"P-1\"}],\"productId\":7,\"sku\":\"SKU-7"
            + "\",\"storeViewCode\":\"default\",\"taxClassId\":\"2\",\"weight\":-0.07,\"updatedAt\":\"2024-03-01T09"
            + ":10:42.5Z\"}";

    /** Items of the general path (fields maps). */
    static List<Map<String, Object>> items() {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> decimals = new LinkedHashMap<>();
        decimals.put("sku", "D-1");
        decimals.put("prices", List.of(new BigDecimal("12.50"), new BigDecimal("-0.5"), new BigDecimal("0.000"),
                new BigDecimal("1E+3"), new BigDecimal("123456789012345678"), new BigDecimal("0.123456789012345678"),
                new BigDecimal("1234567890123456789.25"), new BigDecimal("-99999999999999999.9"),
                new BigDecimal("7.0000000000000000001"), 5, 5L, 2.5, -0.25f, new BigDecimal("100")));
        decimals.put("qty", new BigDecimal("-1.50"));
        items.add(decimals);
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("sku", "A-1");
        arrays.put("roles", List.of("z", "a", "m"));
        arrays.put("websites", List.of("a", "b", "c"));
        arrays.put("stores", List.of("only"));
        arrays.put("values", List.of());
        arrays.put("children", new LinkedList<>(List.of(Map.of("b", 1), Map.of("a", 2), Map.of("a", 1))));
        arrays.put("optionList", List.of("z", "a"));
        arrays.put("categoryData", List.of(Map.of("categoryId", "2", "roles", List.of("y", "x")),
                Map.of("categoryId", "10", "roles", List.of("b", "a"))));
        arrays.put("text", "\u00e9\u20ac\ud83d\ude00\"\\\t\n\u0001");
        arrays.put("modifiedAt", "2024-01-01T00:00:00Z");
        items.add(arrays);
        Map<String, Object> again = new LinkedHashMap<>(arrays);
        again.put("sku", "A-2");
        again.put("updatedAt", "2024-02-02T00:00:00Z");
        items.add(again);
        return items;
    }

    /** The typed product, from its JSON. */
    static Product product() throws Exception {
        return Product.fromFields(MAPPER.readValue(PRODUCT, new TypeReference<Map<String, Object>>() { }));
    }

    @Test
    void everyItemKeepsTheHashTheEarlierCodeGaveIt() throws Exception {
        ItemHasher hasher = new ItemHasher();
        List<Map<String, Object>> items = items();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < items.size(); i++) {
                assertEquals(EXPECTED[i], hasher.contentHash(items.get(i)), "item " + i + " hashed");
                assertEquals(EXPECTED[i], hasher.writeItem(items.get(i)), "item " + i + " written in one pass");
            }
            Product product = product();
            assertEquals(EXPECTED[items.size()], hasher.contentHash(product.fields()), "the product's fields");
            assertEquals(EXPECTED[items.size()], hasher.writeItem(product, List.of("sku", "storeViewCode", "deleted")),
                    "the typed product");
            assertEquals(EXPECTED[items.size() + 1],
                    hasher.identityHash(ItemKey.of(Feed.PRODUCTS, product.sku(), product.storeViewCode())),
                    "the product's identity");
        }
    }

    /**
     * The XXH3 content hashes of the same items, as the code that brought XXH3 in gave them: what every state the
     * connector's stores create holds, so a faster writer must keep them too.
     */
    private static final long[] EXPECTED_XXH3 = {
        3035615106313526107L,
        -1375757223261105653L,
        1006111589954616896L,
        7897262892517195569L};

    @Test
    void everyItemKeepsItsXxh3HashInStatesOfThatAlgorithm() throws Exception {
        ItemHasher hasher = new ItemHasher(ContentHashAlgorithm.XXH3_64);
        assertKeepsHashes(EXPECTED_XXH3, hasher, product -> hasher.contentHash(product.fields()));
        Product product = product();
        assertEquals(EXPECTED[items().size() + 1],
                hasher.identityHash(ItemKey.of(Feed.PRODUCTS, product.sku(), product.storeViewCode())),
                "identities keep SHA-256 whatever the content hashes' algorithm");
    }

    /**
     * The content hashes over fields of the same items, as the code that brought them in gave them: what every state
     * the connector's stores create now holds, so the walk and the writer's pass must keep them.
     */
    private static final long[] EXPECTED_FIELDS = {
        -3410888958258861343L,
        -3732420134851287073L,
        -7839269873634595333L,
        4682828410896759881L};

    @Test
    void everyItemKeepsItsHashOverFieldsInStatesOfThatAlgorithm() throws Exception {
        ItemHasher hasher = new ItemHasher(ContentHashAlgorithm.FIELDS_XXH3_64);
        assertKeepsHashes(EXPECTED_FIELDS, hasher,
                product -> hasher.hashTyped(product, List.of("sku", "storeViewCode", "deleted")));
    }

    /**
     * Asserts the hashes of {@link #items()} and {@link #product()}: each taken alone ({@code productHash} for the
     * product), and each written in one pass.
     */
    private static void assertKeepsHashes(long[] expected, ItemHasher hasher, ToLongFunction<Product> productHash)
            throws Exception {
        List<Map<String, Object>> items = items();
        long[] hashes = new long[items.size() + 1];
        long[] written = new long[items.size() + 1];
        for (int i = 0; i < items.size(); i++) {
            hashes[i] = hasher.contentHash(items.get(i));
            written[i] = hasher.writeItem(items.get(i));
        }
        Product product = product();
        hashes[items.size()] = productHash.applyAsLong(product);
        written[items.size()] = hasher.writeItem(product, List.of("sku", "storeViewCode", "deleted"));
        assertArrayEquals(expected, hashes, "hashed");
        assertArrayEquals(expected, written, "written in one pass");
    }

    @Test
    void aFieldNameValidationRefusesIsNoticedOnEveryItemNotOnlyTheFirst() {
        ItemHasher hasher = new ItemHasher(1000, 10);
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("sku", "S");
        odd.put("bad\u0001name", "x");
        Map<String, Object> fine = Map.of("sku", "S", "name", "x");
        for (int round = 0; round < 3; round++) {
            hasher.writeItem(odd);
            assertTrue(hasher.needsValidation(), "round " + round + ": a control character in a field name");
            hasher.writeItem(fine);
            assertFalse(hasher.needsValidation(), "round " + round + ": nothing to refuse");
        }
    }

    @Test
    void theTypedProductSendsTheBytesTheEarlierCodeSent() throws Exception {
        ItemHasher hasher = new ItemHasher();
        hasher.writeItem(product(), List.of("sku", "storeViewCode", "deleted"));
        assertEquals(PRODUCT_JSON, new String(hasher.json(), StandardCharsets.UTF_8));
        hasher.writeItem(product().fields());
        assertEquals(PRODUCT_JSON, new String(hasher.json(), StandardCharsets.UTF_8));
    }
}

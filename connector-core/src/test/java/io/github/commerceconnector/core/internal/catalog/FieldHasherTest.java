package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Category;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The content hash over fields ({@link ContentHashAlgorithm#FIELDS_XXH3_64}) means what the canonical JSON's hash
 * means: the same for the same content however it is given (typed or map, in the walk or in the writer's own pass,
 * keys and order-free elements in any order, numbers of any type), and different for any change that counts.
 */
class FieldHasherTest {
    private static final List<String> CAPTURED = List.of("sku", "storeViewCode", "deleted");

    private final ItemHasher hasher = new ItemHasher(ContentHashAlgorithm.FIELDS_XXH3_64);

    /** The hash of an item's fields map, taken every way the client takes it; all must agree. */
    private long hash(Map<String, ?> fields) {
        long walked = hasher.contentHash(fields);
        assertEquals(walked, hasher.writeItem(fields), "the writer's own pass gives the walk's hash: " + fields);
        return walked;
    }

    private static Map<String, Object> product(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sku", "MH01");
        fields.put("storeViewCode", "default");
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    @Test
    void aTypedProductHashesAsItsFieldsMapInTheWalkAndInTheWritersPass() {
        Product product = Product.builder().sku("MH01").storeViewCode("default").name("Chaz \"Kangeroo\" Hoodie")
                .description("<p>Łódź\tand\n\u00e9t\u00e9 \ud83d\ude00</p>").weight(new BigDecimal("1.250"))
                .productId(42).displayable(true).createdAt(Instant.parse("2024-01-02T03:04:05.5Z"))
                .updatedAt(Instant.parse("2024-05-01T10:15:30Z")).addAttribute("color", "Red", "Blue")
                .addAttribute("size", "M").addCategoryData("12", "men/tops", 3).addImage(
                        Product.MediaResource.of("https://cdn.example/a.jpg", "front", "image", "thumbnail"), "1")
                .build();
        long viaMap = hash(product.fields());
        assertEquals(viaMap, hasher.writeItem(product, CAPTURED), "typed, written");
        assertEquals(viaMap, hasher.hashTyped(product, CAPTURED), "typed, walked without JSON");
        assertEquals("MH01", hasher.captured(0));
        assertEquals("default", hasher.captured(1));
    }

    @Test
    void theFieldsChangeDetectionLeavesOutDoNotCountAtTheTopLevelOnly() {
        long base = hash(product("name", "A", "updatedAt", "2024-01-01T00:00:00Z", "modifiedAt", "x"));
        assertEquals(base, hash(product("name", "A", "updatedAt", "2025-01-01T00:00:00Z", "modifiedAt", "y")));
        assertEquals(base, hash(product("name", "A")));
        assertNotEquals(hash(product("inventory", Map.of("updatedAt", "1"))),
                hash(product("inventory", Map.of("updatedAt", "2"))), "a nested updatedAt counts");
    }

    @Test
    void orderFreeArraysCountInAnyOrderButOrderedOnesAndRepeatsCount() {
        List<Object> images = List.of(Map.of("url", "a"), Map.of("url", "b"), Map.of("url", "c"));
        List<Object> reversed = new ArrayList<>(images);
        Collections.reverse(reversed);
        assertEquals(hash(product("images", images)), hash(product("images", reversed)));
        assertNotEquals(hash(product("images", List.of(Map.of("url", "a"), Map.of("url", "a")))),
                hash(product("images", List.of(Map.of("url", "a")))), "a repeated element counts");
        assertNotEquals(hash(product("images", List.of(Map.of("url", "a"), Map.of("url", "a")))),
                hash(product("images", List.of(Map.of("url", "a"), Map.of("url", "b")))));
        assertNotEquals(hash(product("value", List.of("a", "b"))), hash(product("value", List.of("b", "a"))),
                "an ordered array's order counts");
        assertEquals(hash(product("attributes", List.of(Map.of("attributeCode", "c", "values", List.of("x", "y"))))),
                hash(product("attributes", List.of(Map.of("attributeCode", "c", "values", List.of("y", "x"))))),
                "order-free at any depth, by name");
    }

    @Test
    void numbersCountByValueWhateverTheirType() {
        long one = hash(product("qty", 1));
        for (Object same : List.of(1L, (short) 1, (byte) 1, new BigDecimal("1"), new BigDecimal("1.000"), 1.0, 1.0f,
                BigInteger.ONE)) {
            assertEquals(one, hash(product("qty", same)), same.getClass().getSimpleName());
        }
        assertEquals(hash(product("price", new BigDecimal("5.50"))), hash(product("price", 5.5)));
        assertEquals(hash(product("price", new BigDecimal("1E+3"))), hash(product("price", 1000)));
        assertNotEquals(one, hash(product("qty", 2)));
        assertNotEquals(one, hash(product("qty", new BigDecimal("1.0000001"))));
        assertNotEquals(one, hash(product("qty", "1")), "a number is not its text");
    }

    @Test
    void everyChangeOfAValueOrItsPlaceCounts() {
        Set<Long> hashes = new HashSet<>();
        List<Map<String, Object>> different = List.of(product(), product("a", "bc"), product("ab", "c"),
                product("a", null), product("a", "null"), product("a", true), product("a", "true"), product("a", false),
                product("a", List.of()), product("a", Map.of()), product("a", List.of("b", "c")),
                product("a", List.of("bc")), product("a", List.of(List.of("b"), "c")), product("a", Map.of("b", "c")),
                product("a", "\u00e9"), product("a", "\u00e8"), product("a", "\u0141"), product("a", "\u015a"),
                product("a", "\ud83d\ude00"), product("a", "\ud83d\ude01"), product("a", ""), product("a", " "),
                product("a", 1), product("a", -1), product("a", 1.5), product("a", "x", "b", "y"),
                product("a", "y", "b", "x"));
        for (Map<String, Object> fields : different) {
            assertTrue(hashes.add(hash(fields)), "a hash of its own: " + fields);
        }
    }

    @Test
    void keysInAnyOrderAndAnyMapGiveTheSameHash() {
        Map<String, Object> linked = product("b", 1, "a", Map.of("y", 2, "x", List.of(1, 2)));
        Map<String, Object> tree = new TreeMap<>(linked);
        Map<String, Object> hashed = new HashMap<>(linked);
        assertEquals(hash(linked), hash(tree));
        assertEquals(hash(linked), hash(hashed));
    }

    @Test
    void anUnpairedSurrogateCountsAsAQuestionMarkAsInTheCanonicalJsonsHash() {
        assertEquals(hash(product("a", "x\ud800y")), hash(product("a", "x?y")));
        assertNotEquals(hash(product("a", "x\ud800y")), hash(product("a", "xy")));
    }

    /** A list of raw type may hold what its type says it does not: both passes take it as the value it is. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aTypedListOfRawTypeHoldingOtherValuesHashesAsItsFieldsMap() {
        Category category = Category.builder().categoryId("7").storeViewCode("default")
                .availableSortBy((List) List.of(1, "name")).build();
        long written = hasher.writeItem(category, CAPTURED);
        assertEquals(written, hasher.hashTyped(category, CAPTURED));
        assertEquals(written, hash(category.fields()));
    }

    /** Keys that are not strings (an item validation refuses) are taken by both passes as the writer names them. */
    @Test
    void keysThatAreNotStringsHashAlikeInBothPasses() {
        Map<Object, Object> odd = new HashMap<>();
        odd.put(1, "x");
        odd.put("", "y");
        odd.put("sku", "MH01");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) (Map<?, ?>) odd;
        hash(fields);
    }

    @Test
    void valuesThatAreNotJsonAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> hasher.contentHash(product("a", new Object())));
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> inner = deep;
        for (int i = 0; i < CanonicalJson.MAX_DEPTH + 5; i++) {
            Map<String, Object> next = new HashMap<>();
            inner.put("n", next);
            inner = next;
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> hasher.contentHash(deep));
        assertTrue(refused.getMessage().contains("deeper than"), refused.getMessage());
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        assertThrows(IllegalArgumentException.class, () -> hasher.contentHash(cyclic));
    }

    /**
     * Random items of every kind of value (strings that need escaping, beyond Latin-1, unpaired surrogates; numbers
     * of every type; nesting; order-free and ordered arrays): the walk and the writer's own pass agree, and neither a
     * shuffle of the keys nor of the order-free elements changes the hash.
     */
    @Test
    void randomItemsHashTheSameInTheWalkAndTheWritersPassAndInAnyOrder() {
        Random random = new Random(42);
        Set<Long> distinct = new HashSet<>();
        for (int n = 0; n < 2_000; n++) {
            Map<String, Object> item = randomObject(random, 0);
            item.put("sku", "S" + n);
            long walked = hash(item);
            assertEquals(walked, hash(shuffled(item, random)), "shuffled: " + item);
            distinct.add(walked);
        }
        assertEquals(2_000, distinct.size(), "each item a hash of its own");
    }

    private static Map<String, Object> randomObject(Random random, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        int fields = random.nextInt(depth == 0 ? 12 : 4);
        for (int i = 0; i < fields; i++) {
            String name = random.nextInt(4) == 0 ? "images" : random.nextInt(3) == 0 ? "values" : randomText(random);
            object.put(name, randomValue(random, depth + 1));
        }
        return object;
    }

    private static Object randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 5 : 8)) {
            case 0:
                return randomText(random);
            case 1:
                return null;
            case 2:
                return random.nextBoolean();
            case 3:
                return randomNumber(random);
            case 4:
                return randomText(random) + randomText(random) + randomText(random);
            case 5:
                return randomObject(random, depth);
            default:
                List<Object> list = new ArrayList<>();
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
        }
    }

    private static Object randomNumber(Random random) {
        long value = random.nextInt(2_000) - 1_000;
        switch (random.nextInt(5)) {
            case 0:
                return (int) value;
            case 1:
                return value;
            case 2:
                return BigDecimal.valueOf(value, random.nextInt(4));
            case 3:
                return value / 4.0;
            default:
                return BigInteger.valueOf(value);
        }
    }

    private static String randomText(Random random) {
        char[] pool = {'a', 'b', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', '\u0001', '\u007f', '\u00e9', '\u0141',
            '\u4e2d', '?', '\ud800', '\udc00'};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(random.nextInt(5) == 0 ? 40 : 10);
        for (int i = 0; i < length; i++) {
            text.append(pool[random.nextInt(pool.length)]);
        }
        if (random.nextInt(6) == 0) {
            text.append("\ud83d\ude00");
        }
        return text.toString();
    }

    /** A copy with the keys of every object in another order and the elements of order-free arrays shuffled. */
    @SuppressWarnings("unchecked")
    private static <T> T shuffled(T value, Random random) {
        if (value instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            Collections.shuffle(entries, random);
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : entries) {
                Object element = entry.getValue();
                if (element instanceof List<?> list && CanonicalJson.ORDER_FREE_ARRAYS.contains(entry.getKey())) {
                    List<Object> elements = new ArrayList<>();
                    for (Object e : list) {
                        elements.add(shuffled(e, random));
                    }
                    Collections.shuffle(elements, random);
                    element = elements;
                } else {
                    element = shuffled(element, random);
                }
                copy.put(entry.getKey(), element);
            }
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object element : list) {
                copy.add(shuffled(element, random));
            }
            return (T) copy;
        }
        return value;
    }

    @Test
    void theJsonOfAStateOfFieldHashesKeepsTheGivenOrderOfOrderFreeArrays() {
        hasher.writeItem(product("images", List.of("b", "a")));
        String json = new String(hasher.json(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"images\":[\"b\",\"a\"]"), json);
        ItemHasher canonical = new ItemHasher(ContentHashAlgorithm.XXH3_64);
        canonical.writeItem(product("images", List.of("b", "a")));
        String sorted = new String(canonical.json(), StandardCharsets.UTF_8);
        assertTrue(sorted.contains("\"images\":[\"a\",\"b\"]"), sorted);
    }
}

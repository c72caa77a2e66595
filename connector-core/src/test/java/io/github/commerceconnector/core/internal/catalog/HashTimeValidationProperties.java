package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A sync validates an item in full only when hashing it noticed something validation may refuse. These
 * properties hold the hasher to that: whatever validation refuses, the hasher flags (or refuses to hash);
 * and flagged or not, the hash is the same as a plain hasher's.
 */
class HashTimeValidationProperties {
    private static final int MAX_STRING_BYTES = 40;
    private static final int MAX_DEPTH = 4;

    private final ItemValidator validator = new ItemValidator(Feed.PRODUCTS, MAX_STRING_BYTES, MAX_DEPTH);
    private final ItemHasher checking = new ItemHasher(MAX_STRING_BYTES, MAX_DEPTH);
    private final ItemHasher plain = new ItemHasher();

    @Provide
    Arbitrary<Object> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars('a', 'é', '\t', '\n', '\r', '\u0001', '\u001f', '\ud83d', '\ude00', '"')
                        .ofMaxLength(20).map(Object.class::cast),
                Arbitraries.strings().withCharRange('a', 'c').ofMinLength(10).ofMaxLength(50).map(Object.class::cast),
                Arbitraries.strings().withChars('€', 'a').ofMinLength(10).ofMaxLength(16).map(Object.class::cast),
                Arbitraries.integers().between(-5, 5).map(Object.class::cast),
                Arbitraries.longs().between(-5, 5).map(Object.class::cast),
                Arbitraries.of(1.5, -2.0, Double.NaN, Double.POSITIVE_INFINITY, 0.0f, Float.NaN).map(Object.class::cast),
                Arbitraries.of(new BigDecimal("-1.5"), new BigDecimal("0.00"), new BigDecimal("3")).map(Object.class::cast),
                Arbitraries.of(new AtomicInteger(3), Instant.EPOCH, 'x', Boolean.TRUE).map(Object.class::cast));
    }

    @Provide
    Arbitrary<Map<String, Object>> items() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("qty", "images", "roles", "name", "", "updatedAt",
                "modifiedAt", "value"), Arbitraries.strings().withCharRange('a', 'e').ofLength(3));
        Arbitrary<Object> values = leaves();
        for (int level = 0; level < 5; level++) {
            Arbitrary<Object> inner = values;
            values = Arbitraries.oneOf(inner,
                    inner.list().ofMaxSize(3).map(Object.class::cast),
                    Arbitraries.maps(names, inner).ofMaxSize(3).map(Object.class::cast),
                    inner.map(value -> {
                        Map<Object, Object> odd = new HashMap<>();
                        odd.put(7, value);
                        return (Object) odd;
                    }));
        }
        return Arbitraries.maps(names, values).ofMaxSize(5).map(fields -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sku", "MH01");
            item.put("storeViewCode", "default");
            item.putAll(fields);
            return item;
        });
    }

    @Property(tries = 2000)
    void everyItemValidationRefusesIsFlaggedWhileHashing(@ForAll("items") Map<String, Object> item) {
        boolean valid = validator.check(item).valid();
        boolean flagged;
        try {
            long hash = checking.contentHash(item);
            flagged = checking.needsValidation();
            assertEquals(plain.contentHash(item), hash);
        } catch (IllegalArgumentException notJson) {
            flagged = true;
        }
        assertTrue(valid || flagged, () -> "validation refuses " + item + ": " + validator.check(item).problem());
    }

    @Provide
    Arbitrary<Map.Entry<String, Object>> problems() {
        Map<Object, Object> oddKey = new HashMap<>();
        oddKey.put(7, "x");
        return Arbitraries.of(
                Map.entry("name", "bell\u0007"),
                Map.entry("name", "half \ud83d pair"),
                Map.entry("name", "\ude00"),
                Map.entry("name", "€".repeat(14)),
                Map.entry("name", "a".repeat(41)),
                Map.entry("deep", List.of(List.of(List.of(List.of("x"))))),
                Map.entry("deep", Map.of("a", Map.of("b", Map.of("c", Map.of())))),
                Map.entry("map", Map.of("", "empty name")),
                Map.entry("map", oddKey),
                Map.entry("map", Map.of("tab\tin name", 1)),
                Map.entry("map", Map.of("half \ud800", 1)),
                Map.entry("weight", new BigDecimal("1E+10000")),
                Map.entry("weight", BigDecimal.ONE.setScale(10_001)),
                Map.entry("weight", Double.NaN),
                Map.entry("weight", Float.NEGATIVE_INFINITY),
                Map.entry("weight", new AtomicInteger(3)),
                Map.entry("qty", -1),
                Map.entry("qty", new BigDecimal("-0.5")),
                Map.entry("inventory", Map.of("qty", -2L)),
                Map.entry("createdAt", Instant.EPOCH),
                Map.entry("letter", 'x'),
                Map.entry("updatedAt", "2024\u0000"),
                Map.entry("updatedAt", Instant.EPOCH),
                Map.entry("modifiedAt", "x".repeat(41)));
    }

    @Property(tries = 300)
    void eachKindOfProblemAloneIsFlagged(@ForAll("plainItems") Map<String, Object> item,
            @ForAll("problems") Map.Entry<String, Object> problem, @ForAll boolean nested) {
        Map<String, Object> broken = new LinkedHashMap<>(item);
        if (nested) {
            broken.put("images", List.of(Map.of("resource", Map.of(problem.getKey(), problem.getValue()))));
        } else {
            broken.put(problem.getKey(), problem.getValue());
        }
        if (validator.check(broken).valid()) {
            return;
        }
        boolean flagged;
        try {
            checking.contentHash(broken);
            flagged = checking.needsValidation();
        } catch (IllegalArgumentException notJson) {
            flagged = true;
        }
        assertTrue(flagged, () -> "not flagged: " + broken + ": " + validator.check(broken).problem());
    }

    @Property(tries = 200)
    void plainItemsNeedNoValidation(@ForAll("plainItems") Map<String, Object> item) {
        checking.contentHash(item);
        assertFalse(checking.needsValidation(), () -> "flagged " + item);
    }

    @Provide
    Arbitrary<Map<String, Object>> plainItems() {
        Arbitrary<Object> text = Arbitraries.strings().withChars('a', 'é', '\t', '\n').ofMaxLength(13)
                .map(Object.class::cast);
        Arbitrary<Object> numbers = Arbitraries.integers().between(0, 99).map(Object.class::cast);
        Arbitrary<Object> leaf = Arbitraries.oneOf(text, numbers);
        Arbitrary<Object> nested = Arbitraries.oneOf(leaf, leaf.list().ofMaxSize(3).map(Object.class::cast),
                Arbitraries.maps(Arbitraries.of("url", "label", "qty"), leaf).map(Object.class::cast));
        return Arbitraries.maps(Arbitraries.of("name", "images", "qty", "roles", "updatedAt"), nested).ofMaxSize(5)
                .map(fields -> {
                    Map<String, Object> item = new LinkedHashMap<>(fields);
                    item.put("sku", "MH01");
                    item.put("storeViewCode", "default");
                    item.computeIfPresent("updatedAt", (key, value) -> "2024-05-01");
                    return item;
                });
    }

    @Test
    void aTypicalProductWithLineBreaksIsNotFlagged() {
        Map<String, Object> product = Product.builder().sku("MH01").storeViewCode("default").name("Chaz Hoodie")
                .description("Line one\nline two\twith tab")
                .addImage(Product.MediaResource.of("https://cdn.example/mh01.jpg", "front", "image", "thumbnail"), "1")
                .addCategoryData("12", "men/tops", 1).addAttribute("color", "Red")
                .inStock(true).inventory(inventory -> inventory.qty(10))
                .weight(new BigDecimal("1.50")).updatedAt(Instant.EPOCH).build().fields();
        ItemHasher hasher = new ItemHasher(65_536, 16);
        hasher.contentHash(product);
        assertFalse(hasher.needsValidation());
    }
}

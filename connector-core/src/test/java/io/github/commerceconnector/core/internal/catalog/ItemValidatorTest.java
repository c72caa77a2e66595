package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemValidatorTest {
    private final ItemValidator validator = new ItemValidator(Feed.PRODUCTS, 64, 4);

    private static Map<String, Object> product(Object... more) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("sku", "MH01");
        fields.put("storeViewCode", "default");
        for (int i = 0; i < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        return fields;
    }

    private ItemValidator.Problem problem(Map<String, Object> fields) {
        ItemValidator.Result result = validator.check(fields);
        assertTrue(!result.valid(), "expected a problem with " + fields);
        return result.problem();
    }

    @Test
    void identityValuesGivenInOrderGiveWhatTheFieldsMapGives() {
        assertEquals(validator.identity(Map.of("sku", "A-1", "storeViewCode", "default")),
                validator.identityOf(new Object[] {"A-1", "default"}));
        assertEquals(ItemKey.of(Feed.PRODUCTS, "42", "default"), validator.identityOf(new Object[] {42, "default"}).key());
        ItemValidator.Result blank = validator.identityOf(new Object[] {"  ", "default"});
        assertNull(blank.key());
        assertEquals(validator.identity(Map.of("sku", "  ", "storeViewCode", "default")).problem(), blank.problem());
        assertEquals("MISSING_IDENTITY", validator.identityOf(new Object[] {"A-1", null}).problem().code());
        assertEquals("storeViewCode", validator.identityOf(new Object[] {"A-1", null}).problem().field());
    }

    @Test
    void acceptsAWellFormedItemAndGivesItsKey() {
        ItemValidator.Result result = validator.check(product("name", "Chaz\tHoodie\n", "weight", 1.5,
                "images", List.of(Map.of("resource", Map.of("url", "u")))));
        assertTrue(result.valid());
        assertEquals(ItemKey.of(Feed.PRODUCTS, "MH01", "default"), result.key());
    }

    @Test
    void rejectsAMissingIdentityFieldNamingIt() {
        Map<String, Object> fields = product();
        fields.remove("storeViewCode");
        ItemValidator.Result result = validator.check(fields);
        assertNull(result.key());
        assertEquals("MISSING_IDENTITY", result.problem().code());
        assertEquals("storeViewCode", result.problem().field());
        assertTrue(result.problem().message().contains("sku and storeViewCode"), result.problem().message());
    }

    @Test
    void rejectsABlankIdentityValue() {
        assertEquals("MISSING_IDENTITY", validator.check(product("sku", "  ")).problem().code());
        assertEquals("INVALID_IDENTITY", validator.check(product("sku", List.of("a"))).problem().code());
    }

    @Test
    void rejectsANegativeQuantityWithItsPath() {
        ItemValidator.Problem problem = problem(product("inventory", Map.of("qty", -3)));
        assertEquals("NEGATIVE_QUANTITY", problem.code());
        assertEquals("inventory/qty", problem.field());
        assertTrue(problem.message().contains("sku=MH01, storeViewCode=default"), problem.message());
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertEquals("NOT_FINITE", problem(product("regular", Double.NaN)).code());
        assertEquals("NOT_FINITE", problem(product("regular", Float.POSITIVE_INFINITY)).code());
    }

    @Test
    void rejectsOverLongStrings() {
        assertEquals("VALUE_TOO_LONG", problem(product("name", "x".repeat(65))).code());
        assertEquals("VALUE_TOO_LONG", problem(product("name", "\u00e9".repeat(33))).code(), "counted in UTF-8 bytes");
        assertTrue(validator.check(product("name", "\u00e9".repeat(32))).valid());
    }

    @Test
    void rejectsControlCharactersButAllowsTabsAndNewlines() {
        ItemValidator.Problem problem = problem(product("description", "bell\u0007"));
        assertEquals("CONTROL_CHARACTER", problem.code());
        assertTrue(problem.message().contains("U+0007"), problem.message());
        assertTrue(validator.check(product("description", "a\tb\r\nc")).valid());
    }

    @Test
    void rejectsUnpairedSurrogatesButAllowsPairs() {
        assertEquals("INVALID_UNICODE", problem(product("name", "bad\uD83D")).code());
        assertEquals("INVALID_UNICODE", problem(product("name", "\uDE00bad")).code());
        assertTrue(validator.check(product("name", "smile \uD83D\uDE00")).valid());
    }

    @Test
    void rejectsNestingTooDeep() {
        Map<String, Object> fiveLevels = product("a", Map.of("b", Map.of("c", List.of(Map.of("d", "too deep")))));
        assertEquals("TOO_DEEP", problem(fiveLevels).code());
        assertTrue(validator.check(product("a", Map.of("b", Map.of("c", "four levels")))).valid());
    }

    @Test
    void rejectsValuesThatAreNotJson() {
        ItemValidator.Problem problem = problem(product("createdAt", Instant.EPOCH));
        assertEquals("UNSUPPORTED_TYPE", problem.code());
        assertTrue(problem.message().contains("RFC 3339"), problem.message());
        List<Object> withNullKey = new ArrayList<>();
        Map<Object, Object> badKeys = new HashMap<>();
        badKeys.put(1, "x");
        withNullKey.add(badKeys);
        assertEquals("INVALID_FIELD_NAME", problem(product("images", withNullKey)).code());
    }

    @Test
    void rejectsADecimalWhoseExponentJsonCannotWritePlainly() {
        ItemValidator.Problem huge = problem(product("weight", new java.math.BigDecimal("1E+1000000000")));
        assertEquals("NUMBER_OUT_OF_RANGE", huge.code());
        assertEquals("weight", huge.field());
        assertTrue(huge.message().contains("exponent"), huge.message());
        assertEquals("NUMBER_OUT_OF_RANGE", problem(product("qty", new java.math.BigDecimal("-1E-10000"))).code());
        assertTrue(validator.check(product("weight", new java.math.BigDecimal("1E+9999"))).valid());
    }

    @Test
    void rejectsAFieldNameWithAnUnpairedSurrogateOrAControlCharacter() {
        ItemValidator.Problem surrogate = problem(product("colo\uD800r", "red"));
        assertEquals("INVALID_FIELD_NAME", surrogate.code());
        assertTrue(surrogate.message().contains("surrogate"), surrogate.message());
        assertEquals("INVALID_FIELD_NAME", problem(product("attributes", Map.of("a\u0000b", 1))).code());
    }
}

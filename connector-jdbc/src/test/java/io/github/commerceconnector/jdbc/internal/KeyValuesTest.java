package io.github.commerceconnector.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commerceconnector.api.catalog.ItemKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identity values survive their text form whatever they hold, and a plain product key stays readable. */
class KeyValuesTest {
    private static final List<String> FIELDS = List.of("sku", "storeViewCode");

    private static void roundTrip(String... values) {
        ItemKey key = new ItemKey(FIELDS.subList(0, values.length), List.of(values));
        assertEquals(key, KeyValues.key(key.fields(), KeyValues.text(key)), String.join("|", values));
    }

    @Test
    void valuesWithSeparatorsBackslashesAndEmptyOnesComeBackAsTheyWere() {
        roundTrip("SKU-1", "default");
        roundTrip("plain", "a\\b\u001Fc");
        roundTrip("a\u001Fb", "plain");
        roundTrip("", "");
        roundTrip("a\u001Fb", "\\");
        roundTrip("\\_", "\\\u001F\\\\");
        roundTrip("ünïcödé 商品", "\u001F");
        roundTrip("only one");
        roundTrip("\\");
        roundTrip("end\\");
    }

    @Test
    void aProductKeyReadsAsItsValues() {
        assertEquals("SKU-1\u001Fdefault", KeyValues.text(new ItemKey(FIELDS, List.of("SKU-1", "default"))));
    }

    @Test
    void aNulCharacterIsRefusedWithWhatToDo() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KeyValues.text(new ItemKey(FIELDS, List.of("a\u0000b", "default"))));
        assertEquals(true, refused.getMessage().contains("U+0000"), refused.getMessage());
    }
}

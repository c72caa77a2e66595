package io.github.commerceconnector.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a built item holds once its builder is done with: its lists, its extra fields, and whether it writes all. */
class BuiltItemsTest {

    @Test
    void anExtraFieldTwoLevelsDownIsNoticedByTheProduct() {
        Product.MediaResource plainResource = Product.MediaResource.of("https://cdn.example/1.jpg", "front", "image");
        Product.MediaResource oddResource = plainResource.toBuilder().putExtraField("zoomLevel", 3).build();

        Product plain = product().addImage(Product.Image.of(plainResource, "1")).build();
        Product odd = product().addImage(Product.Image.of(plainResource, "1"))
                .addImage(Product.Image.of(oddResource, "2")).build();

        assertTrue(plain.writesAllFields());
        assertFalse(odd.writesAllFields());
        assertFalse(odd.images().get(1).writesAllFields());
        assertTrue(odd.images().get(0).writesAllFields());
    }

    @Test
    void anExtraFieldSetAndThenRemovedLeavesNone() {
        Product product = product().putExtraField("shoeSize", 42).putExtraField("shoeSize", null).build();

        assertEquals(Map.of(), product.extraFields());
        assertTrue(product.writesAllFields());
        assertFalse(product.fields().containsKey("shoeSize"));
    }

    @Test
    void extraFieldsSurviveToBuilderAndAreReplacedWhole() {
        Product product = product().putExtraField("shoeSize", 42).putExtraField("fit", "narrow").build();

        Product copy = product.toBuilder().build();
        Product replaced = product.toBuilder().extraFields(Map.of("heel", "low")).build();

        assertEquals(List.of("shoeSize", "fit"), List.copyOf(copy.extraFields().keySet()));
        assertEquals(product, copy);
        assertEquals(Map.of("heel", "low"), replaced.extraFields());
        assertFalse(replaced.writesAllFields());
        assertEquals(Map.of(), product.toBuilder().extraFields(null).build().extraFields());
    }

    @Test
    void aNullElementIsRefusedByNameWhateverTheListsLength() {
        for (List<String> values : List.of(Arrays.asList((String) null), Arrays.asList("a", null),
                Arrays.asList(null, "b"), Arrays.asList("a", "b", null), new LinkedList<>(Arrays.asList("a", null)))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Product.Attribute.builder().attributeCode("color").value(values).build(),
                    values.toString());
            assertEquals("Product.Attribute.value contains a null element: leave it out instead",
                    refused.getMessage());
        }
    }

    @Test
    void aBuiltItemKeepsItsListsWhenItsBuilderChangesAfterwards() {
        for (int size = 0; size <= 3; size++) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                values.add("v" + i);
            }
            Product.Attribute.Builder builder = Product.Attribute.builder().attributeCode("color").value(values);
            Product.Attribute built = builder.build();
            builder.addValue("later");
            values.add("also later");

            assertEquals(values.subList(0, size), built.value(), "size " + size);
            assertThrows(UnsupportedOperationException.class, () -> built.value().add("x"), "size " + size);
            assertEquals(builder.build().value().subList(0, size), built.value());
        }
    }

    @Test
    void aFactoryKeepsNoHoldOfItsArgumentsAndRefusesANullElement() {
        for (int size = 0; size <= 3; size++) {
            String[] roles = new String[size];
            Arrays.fill(roles, "image");
            Product.MediaResource resource = Product.MediaResource.of("https://cdn.example/1.jpg", "front", roles);
            Arrays.fill(roles, "changed");

            assertEquals(java.util.Collections.nCopies(size, "image"), resource.roles(), "size " + size);
            assertThrows(UnsupportedOperationException.class, () -> resource.roles().add("x"), "size " + size);
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Product.Attribute.of("color", "red", null, "blue"));
        assertEquals("Product.Attribute.value contains a null element: leave it out instead", refused.getMessage());
        assertEquals(List.of("red", "blue"), Product.Attribute.of("color", "red", "blue").value());
    }

    private static Product.Builder product() {
        return Product.builder().sku("MH01").storeViewCode("default");
    }
}

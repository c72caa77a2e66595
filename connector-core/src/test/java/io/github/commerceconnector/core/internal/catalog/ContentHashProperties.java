package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.commerceconnector.api.catalog.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Change detection over generated products: reordering order-free arrays or touching the change timestamps
 * never changes the content hash; changing any other field always does.
 */
class ContentHashProperties {
    private final ItemHasher hasher = new ItemHasher();

    @Provide
    Arbitrary<Product> products() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<Product.Image> images = Combinators.combine(text, text, Arbitraries.integers().between(0, 20))
                .as((url, label, order) -> Product.Image.of(
                        Product.MediaResource.of("https://cdn/" + url, label, "image"), String.valueOf(order)));
        Arbitrary<Product.CategoryData> categories = Combinators.combine(text, text,
                Arbitraries.integers().between(0, 99))
                .as(Product.CategoryData::of);
        Arbitrary<Product.Attribute> attributes = Combinators.combine(text, text)
                .as((code, value) -> Product.Attribute.of(code, value));
        return Combinators.combine(text, text, text,
                images.list().ofMaxSize(5).uniqueElements(),
                categories.list().ofMaxSize(5).uniqueElements(),
                attributes.list().ofMaxSize(4).uniqueElements(),
                Arbitraries.integers().between(0, 10_000))
                .as((sku, name, description, imageList, categoryList, attributeList, qty) -> Product.builder()
                        .sku(sku).storeViewCode("default").name(name).description(description)
                        .weight(new BigDecimal("1.5")).images(imageList).categoryData(categoryList)
                        .attributes(attributeList).inStock(true).inventory(inventory -> inventory.qty(qty))
                        .updatedAt(Instant.parse("2024-01-01T00:00:00Z")).build());
    }

    private static <T> List<T> shuffled(List<T> values, long seed) {
        List<T> copy = new ArrayList<>(values == null ? List.of() : values);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    @Property(tries = 300)
    void reorderingImagesCategoriesOrAttributesKeepsTheHash(@ForAll("products") Product product, @ForAll long seed) {
        Product reordered = product.toBuilder().images(shuffled(product.images(), seed))
                .categoryData(shuffled(product.categoryData(), seed + 1))
                .attributes(shuffled(product.attributes(), seed + 2)).build();
        assertEquals(hasher.contentHash(product.fields()), hasher.contentHash(reordered.fields()));
    }

    @Property(tries = 300)
    void changeTimestampsAreIgnored(@ForAll("products") Product product, @ForAll @IntRange(min = 1) int seconds) {
        Product touched = product.toBuilder().updatedAt(product.updatedAt().plusSeconds(seconds))
                .modifiedAt(Instant.ofEpochSecond(seconds)).build();
        assertEquals(hasher.contentHash(product.fields()), hasher.contentHash(touched.fields()));
    }

    @Provide
    Arbitrary<UnaryOperator<Product>> changes() {
        List<UnaryOperator<Product>> changes = List.of(
                p -> p.toBuilder().name(p.name() + "x").build(),
                p -> p.toBuilder().description(p.description() + " ").build(),
                p -> p.toBuilder().sku(p.sku() + "1").build(),
                p -> p.toBuilder().storeViewCode("fr").build(),
                p -> p.toBuilder().status("Disabled").build(),
                p -> p.toBuilder().weight(new BigDecimal("1.51")).build(),
                p -> p.toBuilder().buyable(true).build(),
                p -> p.toBuilder().createdAt(Instant.EPOCH).build(),
                p -> p.toBuilder().deleted(false).build(),
                p -> p.toBuilder().inventory(inventory -> inventory.qty(p.inventory().qty() + 1)).build(),
                p -> p.toBuilder().inStock(false).build(),
                p -> p.toBuilder().addImage(Product.MediaResource.of("https://cdn/new", "new", "image"), "99")
                        .build(),
                p -> p.toBuilder().addCategoryData("999", "new/path", 1).build(),
                p -> p.toBuilder().addAttribute("extra", "1").build(),
                p -> p.images().isEmpty() ? p.toBuilder().images(null).build()
                        : p.toBuilder().images(replaceFirst(p.images(), image -> image.toBuilder().resource(
                                image.resource().toBuilder().label(image.resource().label() + "!").build()).build()))
                                .build(),
                p -> p.categoryData().isEmpty() ? p.toBuilder().categoryData(null).build()
                        : p.toBuilder().categoryData(replaceFirst(p.categoryData(), data -> data.toBuilder()
                                .productPosition(data.productPosition() + 1).build())).build(),
                p -> p.attributes().isEmpty() ? p.toBuilder().attributes(null).build()
                        : p.toBuilder().attributes(replaceFirst(p.attributes(), attribute -> attribute.toBuilder()
                                .value(List.of("changed")).build())).build());
        return Arbitraries.of(changes);
    }

    private static <T> List<T> replaceFirst(List<T> values, UnaryOperator<T> change) {
        List<T> copy = new ArrayList<>(values);
        copy.set(0, change.apply(copy.get(0)));
        return copy;
    }

    @Property(tries = 500)
    void changingAnyOtherFieldChangesTheHash(@ForAll("products") Product product,
            @ForAll("changes") UnaryOperator<Product> change) {
        Product changed = change.apply(product);
        assertNotEquals(hasher.contentHash(product.fields()), hasher.contentHash(changed.fields()),
                () -> "same hash for " + product.fields() + " and " + changed.fields());
    }
}

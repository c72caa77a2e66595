package io.github.commerceconnector.examples;

import io.github.commerceconnector.api.catalog.Category;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Generates a realistic, deterministic catalog of any size, lazily: products (about 1.5 KB of JSON
 * each, with attributes, categories, images and stock), their categories and their prices. Nothing is
 * held in memory, so a million products stream through in constant space.
 *
 * <p>The same index always gives the same item. A <em>revision</em> above zero changes one product in
 * a hundred (those whose index is {@code 7 mod 100}), as a day of catalog edits would.
 */
public final class CatalogGenerator {
    private static final String[] ADJECTIVES = {"Classic", "Organic", "Lightweight", "Waterproof", "Slim-fit",
        "Recycled", "Breathable", "Insulated", "Vintage", "Performance", "Everyday", "Premium"};
    private static final String[] NOUNS = {"Hoodie", "Jacket", "Running Shoe", "Backpack", "Yoga Pant", "Tee",
        "Water Bottle", "Duffle Bag", "Rain Shell", "Fleece", "Trail Sock", "Sports Bra"};
    private static final String[] COLORS = {"Black", "Blue", "Gray", "Green", "Orange", "Purple", "Red", "White"};
    private static final String[] SIZES = {"XS", "S", "M", "L", "XL"};
    private static final String[] MATERIALS = {"Cotton", "Polyester", "Nylon", "Wool", "Spandex", "Leather"};
    private static final String[] SENTENCES = {
        "Designed for all-day comfort, it moves with you from the trail to the city.",
        "A soft brushed interior keeps the chill out without adding bulk.",
        "Flatlock seams reduce chafing on long runs and longer days.",
        "Reinforced panels stand up to daily wear and frequent washing.",
        "The relaxed cut layers easily over a base layer or under a shell.",
        "Moisture-wicking fabric pulls sweat away so you stay dry and focused.",
        "Made with recycled fibres to keep millions of bottles out of landfills.",
        "Zippered pockets keep your phone, keys and cards secure on the move."};
    private static final Instant CREATED = Instant.parse("2024-03-01T08:00:00Z");
    private static final int CATEGORY_COUNT = 60;

    private final String storeViewCode;
    private final String websiteCode;

    /** A generator for the {@code default} store view of the {@code base} website. */
    public CatalogGenerator() {
        this("default", "base");
    }

    /** A generator for a given store view and website. */
    public CatalogGenerator(String storeViewCode, String websiteCode) {
        this.storeViewCode = storeViewCode;
        this.websiteCode = websiteCode;
    }

    /** The SKU of the product at an index. */
    public static String sku(int index) {
        if (index < 0 || index > 99_999_999) {
            return String.format("SKU-%08d", index);
        }
        char[] text = {'S', 'K', 'U', '-', '0', '0', '0', '0', '0', '0', '0', '0'};
        int rest = index;
        for (int at = text.length - 1; rest > 0; at--) {
            text[at] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(text);
    }

    /** Whether the product at an index differs between revision 0 and a later revision. */
    public static boolean changesInRevision(int index) {
        return index % 100 == 7;
    }

    /** {@code count} products of revision 0. */
    public Iterable<Product> products(int count) {
        return products(count, 0);
    }

    /** {@code count} products; a revision above zero changes one product in a hundred. */
    public Iterable<Product> products(int count, int revision) {
        return lazy(count, index -> product(index, revision));
    }

    /** The categories the products are in. */
    public Iterable<Category> categories() {
        return lazy(CATEGORY_COUNT, this::category);
    }

    /** One price per product, for the {@code NOT LOGGED IN} customer group. */
    public Iterable<Price> prices(int count) {
        return lazy(count, this::price);
    }

    /** The product at an index, in a revision. */
    public Product product(int index, int revision) {
        SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L);
        String noun = pick(random, NOUNS);
        String color = pick(random, COLORS);
        String name = pick(random, ADJECTIVES) + " " + noun + " " + color;
        if (revision > 0 && changesInRevision(index)) {
            name = name + " (" + revision + ". edition)";
        }
        String sku = sku(index);
        String urlKey = slug(name) + "-" + index;
        StringBuilder description = new StringBuilder("<p>");
        for (int i = 0; i < 3; i++) {
            description.append(pick(random, SENTENCES)).append(' ');
        }
        description.append("</p>");
        int category = random.nextInt(CATEGORY_COUNT);
        Instant updated = CREATED.plusSeconds(index).plusSeconds(revision * 86_400L);
        return Product.builder()
                .sku(sku)
                .storeViewCode(storeViewCode)
                .storeCode("main_website_store")
                .websiteCode(websiteCode)
                .productId(index + 1)
                .name(name)
                .type("simple")
                .status("Enabled")
                .visibility("Catalog, Search")
                .urlKey(urlKey)
                .description(description.toString())
                .shortDescription(pick(random, SENTENCES))
                .metaTitle(name)
                .metaDescription(name + ": " + pick(random, SENTENCES))
                .metaKeyword(noun.toLowerCase(java.util.Locale.ROOT) + ", " + color.toLowerCase(java.util.Locale.ROOT))
                .taxClassId("2")
                .weight(BigDecimal.valueOf(100 + random.nextInt(2_000), 2))
                .weightUnit("lbs")
                .currency("USD")
                .displayable(true)
                .buyable(true)
                .addAttribute("color", color)
                .addAttribute("size", pick(random, SIZES))
                .addAttribute("material", pick(random, MATERIALS), pick(random, MATERIALS))
                .addAttribute("eco_collection", random.nextBoolean() ? "1" : "0")
                .addCategoryData(Integer.toString(category + 3), categoryPath(category), random.nextInt(50))
                .addCategoryData("2", "default-category", index % 1000)
                .addImage(Product.MediaResource.of("https://media.example.com/catalog/product/" + sku + "_main.jpg",
                        name, "image", "small_image", "thumbnail"), "1")
                .addImage(Product.MediaResource.of("https://media.example.com/catalog/product/" + sku + "_back.jpg",
                        name + " back"), "2")
                .inStock(true)
                .inventory(inventory -> inventory.qty(random.nextInt(500)))
                .createdAt(CREATED)
                .updatedAt(updated)
                .build();
    }

    private Category category(int index) {
        return Category.builder()
                .categoryId(Integer.toString(index + 3))
                .storeViewCode(storeViewCode)
                .storeCode("main_website_store")
                .websiteCode(websiteCode)
                .name(NOUNS[index % NOUNS.length] + "s " + (index / NOUNS.length + 1))
                .urlKey(categoryPath(index).substring(categoryPath(index).lastIndexOf('/') + 1))
                .urlPath(categoryPath(index))
                .path("1/2/" + (index + 3))
                .level(2)
                .parentId("2")
                .position(index)
                .isActive(true)
                .includeInMenu(true)
                .createdAt(CREATED)
                .updatedAt(CREATED)
                .build();
    }

    private Price price(int index) {
        SplittableRandom random = new SplittableRandom(index * 0xC2B2AE3D27D4EB4FL);
        return Price.builder()
                .sku(sku(index))
                .websiteCode(websiteCode)
                .customerGroupCode("0")
                .type("SIMPLE")
                .regular(BigDecimal.valueOf(499 + random.nextInt(20_000), 2))
                .updatedAt(CREATED)
                .build();
    }

    private static String categoryPath(int index) {
        return "gear/" + NOUNS[index % NOUNS.length].toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "s-"
                + (index / NOUNS.length + 1);
    }

    /** Lower case, every run of characters other than {@code a-z} and {@code 0-9} turned into one dash. */
    private static String slug(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        StringBuilder slug = new StringBuilder(lower.length());
        boolean dash = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                slug.append(c);
                dash = false;
            } else if (!dash) {
                slug.append('-');
                dash = true;
            }
        }
        return slug.toString();
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> Iterable<T> lazy(int count, IntFunction<T> item) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public T next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return item.apply(next++);
            }
        };
    }
}

package io.github.commerceconnector.examples;

import static io.github.commerceconnector.examples.CatalogText.ACTIVITIES;
import static io.github.commerceconnector.examples.CatalogText.ACTIVITIES_LOWER;
import static io.github.commerceconnector.examples.CatalogText.ADJECTIVES;
import static io.github.commerceconnector.examples.CatalogText.CLIMATES;
import static io.github.commerceconnector.examples.CatalogText.COLORS;
import static io.github.commerceconnector.examples.CatalogText.COLORS_LOWER;
import static io.github.commerceconnector.examples.CatalogText.COUNTRIES;
import static io.github.commerceconnector.examples.CatalogText.MATERIALS;
import static io.github.commerceconnector.examples.CatalogText.NOUNS;
import static io.github.commerceconnector.examples.CatalogText.NOUNS_LOWER;
import static io.github.commerceconnector.examples.CatalogText.PATTERNS;
import static io.github.commerceconnector.examples.CatalogText.SENTENCES;
import static io.github.commerceconnector.examples.CatalogText.SIZES;
import static io.github.commerceconnector.examples.CatalogText.STYLES;
import static io.github.commerceconnector.examples.CatalogText.lower;
import static io.github.commerceconnector.examples.CatalogText.pick;

import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.examples.CatalogShape.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Makes the product at an index of the generated catalog, in its profile's shape. Stateless. */
final class ProductMaker {
    /** When every generated item was created. */
    static final Instant CREATED = Instant.parse("2024-03-01T08:00:00Z");
    /** Where product media live. */
    static final String MEDIA = "https://media.example.com/catalog/product/";
    /** The storefront. */
    static final String SHOP = "https://shop.example.com/";
    /** The categories products are in. */
    static final int CATEGORY_COUNT = 60;
    /** The store (group) of the store view. */
    static final String STORE_CODE = "main_website_store";
    /** The path of each category, made once. */
    private static final String[] CATEGORY_PATHS = categoryPaths();

    private final CatalogProfile profile;
    private final String storeViewCode;
    private final String websiteCode;

    ProductMaker(CatalogProfile profile, String storeViewCode, String websiteCode) {
        this.profile = profile;
        this.storeViewCode = storeViewCode;
        this.websiteCode = websiteCode;
    }

    Product product(int index, int revision) {
        return switch (CatalogShape.role(profile, index)) {
            case CONFIGURABLE -> configurable(index, revision);
            case CHILD -> child(index, revision);
            case SIMPLE -> profile == CatalogProfile.SMALL ? small(index, revision) : simple(index, revision);
        };
    }

    /** The name of a configurable product, which its children's names start with. */
    static String groupName(int parent) {
        SplittableRandom random = new SplittableRandom(parent * 0x9E3779B97F4A7C15L);
        return pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
    }

    /** The words of a simple product's name (both profiles). */
    record Words(String adjective, String noun, String color, String nounLower, String colorLower) {

        static Words of(int index) {
            SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L);
            String adjective = pick(random, ADJECTIVES);
            int noun = random.nextInt(NOUNS.length);
            int color = random.nextInt(COLORS.length);
            return new Words(adjective, NOUNS[noun], COLORS[color], NOUNS_LOWER[noun], COLORS_LOWER[color]);
        }

        /** The name, with its revision's edition when the revision changes it. */
        String name(int index, int revision) {
            String name = adjective + " " + noun + " " + color;
            return revision > 0 && CatalogGenerator.changesInRevision(index) ? name + " (" + revision + ". edition)"
                    : name;
        }
    }

    /** The name of a child: its parent's, its size and its color. */
    static String childName(int index) {
        int parent = CatalogShape.parent(index);
        return groupName(parent) + "-" + SIZES[CatalogShape.size(CatalogShape.childSize(index))] + "-"
                + COLORS[CatalogShape.color(parent, CatalogShape.childColor(index))];
    }

    static String urlKey(String name, int index) {
        return CatalogText.slug(name) + "-" + index;
    }

    static String categoryPath(int category) {
        return category >= 0 && category < CATEGORY_COUNT ? CATEGORY_PATHS[category] : pathOf(category);
    }

    private static String pathOf(int category) {
        return "gear/" + lower(NOUNS[category % NOUNS.length]).replace(' ', '-') + "s-"
                + (category / NOUNS.length + 1);
    }

    private static String[] categoryPaths() {
        String[] paths = new String[CATEGORY_COUNT];
        for (int category = 0; category < CATEGORY_COUNT; category++) {
            paths[category] = pathOf(category);
        }
        return paths;
    }

    /** The product's own category (0 to {@value #CATEGORY_COUNT} - 1); a child has its parent's. */
    static int category(int index) {
        return new SplittableRandom(index * 0x632BE59BD9B4E019L).nextInt(CATEGORY_COUNT);
    }

    private Product.Builder base(int index, String name, String type, int revision) {
        Product.Builder product = Product.builder();
        if (profile == CatalogProfile.REALISTIC) {
            SplittableRandom random = new SplittableRandom(index * 0x8CB92BA72F3D8DD7L);
            product.addAttribute(attribute("country_of_manufacture", random, COUNTRIES, 1))
                    .addAttribute("gift_message_available", "No")
                    .addAttribute("quantity_and_stock_status", "In Stock")
                    .addAttribute("new", random.nextInt(10) == 0 ? "1" : "0")
                    .addAttribute("sale", random.nextInt(8) == 0 ? "1" : "0")
                    .addAttribute("erin_recommends", random.nextInt(12) == 0 ? "1" : "0");
        }
        return product
                .sku(CatalogGenerator.sku(index))
                .storeViewCode(storeViewCode)
                .storeCode(STORE_CODE)
                .websiteCode(websiteCode)
                .productId(index + 1)
                .name(name)
                .type(type)
                .productType(type)
                .status("Enabled")
                .taxClassId("2")
                .weightUnit("lbs")
                .currency("USD")
                .createdAt(CREATED)
                .updatedAt(CREATED.plusSeconds(index).plusSeconds(revision * 86_400L));
    }

    /** What every product visible on its own has: URL and rewrites, texts, categories, images, links. */
    private Product.Builder visible(Product.Builder product, int index, String name, SplittableRandom random) {
        String urlKey = urlKey(name, index);
        int category = category(index);
        String sku = CatalogGenerator.sku(index);
        return product
                .visibility("Catalog, Search")
                .urlKey(urlKey)
                .url(SHOP + urlKey + ".html")
                .addUrlRewrite(rewrite -> rewrite.url(urlKey + ".html"))
                .addUrlRewrite(rewrite -> rewrite.url(categoryPath(category) + "/" + urlKey + ".html"))
                .description(CatalogText.description(random, 4))
                .shortDescription(pick(random, SENTENCES))
                .metaTitle(name)
                .metaDescription(name + ": " + pick(random, SENTENCES))
                .metaKeyword(lower(name) + ", " + ACTIVITIES_LOWER[random.nextInt(ACTIVITIES.length)])
                .displayable(true)
                .buyable(true)
                .addCategoryData(Integer.toString(category + 3), categoryPath(category), random.nextInt(50))
                .addCategoryData("2", "default-category", index % 1000)
                .addImage(media(sku + "_main.jpg", name, "image", "small_image", "thumbnail"), "1")
                .addImage(media(sku + "_back.jpg", name + " back"), "2")
                .addImage(media(sku + "_detail.jpg", name + " detail"), "3")
                .addLink(CatalogGenerator.sku(index + CatalogShape.GROUP), "related")
                .addLink(CatalogGenerator.sku(index + 2 * CatalogShape.GROUP), "related")
                .addLink(CatalogGenerator.sku(index + 3 * CatalogShape.GROUP), "upsell");
    }

    private Product configurable(int index, int revision) {
        SplittableRandom random = new SplittableRandom(index * 0xC2B2AE3D27D4EB4FL);
        String name = groupName(index);
        Product.Builder product = visible(base(index, name, "configurable", revision), index, name, random)
                .weight(BigDecimal.valueOf(100 + random.nextInt(2_000), 2))
                .inStock(true)
                .lowStock(false)
                .inventory(stock(0, true, false))
                .addAttribute(attribute("activity", random, ACTIVITIES, 2))
                .addAttribute(attribute("material", random, MATERIALS, 2))
                .addAttribute(attribute("style_general", random, STYLES, 1))
                .addAttribute(attribute("climate", random, CLIMATES, 3))
                .addAttribute(attribute("pattern", random, PATTERNS, 1))
                .addAttribute("eco_collection", random.nextBoolean() ? "1" : "0")
                .addImage(media(CatalogGenerator.sku(index) + "_alt.jpg", name + " alt"), "4")
                .addOptionV2(colorOption(index))
                .addOptionV2(sizeOption());
        for (int child = index + 1; child <= index + CatalogShape.COLORS * CatalogShape.SIZES; child++) {
            product.addVariant(CatalogGenerator.sku(child));
        }
        return product.build();
    }

    private Product child(int index, int revision) {
        int parent = CatalogShape.parent(index);
        SplittableRandom random = new SplittableRandom(index * 0xC2B2AE3D27D4EB4FL);
        String name = childName(index);
        String sku = CatalogGenerator.sku(index);
        int color = CatalogShape.color(parent, CatalogShape.childColor(index));
        int size = CatalogShape.size(CatalogShape.childSize(index));
        int qty = quantity(index);
        int category = category(parent);
        return base(index, name, "simple", revision)
                .visibility("Not Visible Individually")
                .urlKey(urlKey(name, index))
                .description(CatalogText.description(random, 2))
                .metaTitle(name)
                .metaDescription(name + ": " + pick(random, SENTENCES))
                .metaKeyword(lower(name))
                .addCategoryData(Integer.toString(category + 3), categoryPath(category), random.nextInt(50))
                .weight(BigDecimal.valueOf(100 + random.nextInt(2_000), 2))
                .displayable(false)
                .buyable(qty > 0)
                .inStock(qty > 0)
                .lowStock(qty <= 5)
                .inventory(stock(qty, qty > 0, qty > 0))
                .addAttribute(Product.Attribute.builder().attributeCode("color").addValue(COLORS[color])
                        .addValueId(Integer.toString(CatalogShape.colorValueId(color))).build())
                .addAttribute(Product.Attribute.builder().attributeCode("size").addValue(SIZES[size])
                        .addValueId(Integer.toString(CatalogShape.sizeValueId(size))).build())
                .addAttribute(attribute("material", random, MATERIALS, 1))
                .addImage(media(sku + "_main.jpg", name, "image", "small_image", "thumbnail", "swatch_image"), "1")
                .addImage(media(sku + "_back.jpg", name + " back"), "2")
                .addParent(CatalogGenerator.sku(parent), "configurable")
                .build();
    }

    private Product simple(int index, int revision) {
        SplittableRandom random = new SplittableRandom(index * 0xC2B2AE3D27D4EB4FL);
        Words words = Words.of(index);
        String name = words.name(index, revision);
        int qty = quantity(index);
        Product.Builder product = visible(base(index, name, "simple", revision), index, name, random)
                .weight(BigDecimal.valueOf(100 + random.nextInt(2_000), 2))
                .inStock(qty > 0)
                .lowStock(qty <= 5)
                .inventory(stock(qty, qty > 0, qty > 0))
                .addAttribute("color", words.color())
                .addAttribute(attribute("material", random, MATERIALS, 2))
                .addAttribute(attribute("activity", random, ACTIVITIES, 2))
                .addAttribute(attribute("climate", random, CLIMATES, 2))
                .addAttribute("eco_collection", random.nextBoolean() ? "1" : "0");
        if (index % 30 == 9) {
            product.addVideo(video -> video.sortOrder("4")
                    .preview(media(CatalogGenerator.sku(index) + "_video.jpg", name + " video", "thumbnail"))
                    .video(item -> item.mediaType("external-video").videoProvider("youtube")
                            .videoUrl("https://www.youtube.com/watch?v=" + CatalogGenerator.sku(index))
                            .videoTitle(name).videoDescription(pick(random, SENTENCES)).videoMetadata("")));
        }
        if (index % 50 == 8) {
            product.addShopperInputOption(option -> option.id(CatalogShape.uid(0, index)).label("Engraving")
                    .renderType("field").required(false).sortOrder(1).price(new BigDecimal("5.00")).sku("-engraved")
                    .range(range -> range.from(BigDecimal.ZERO).to(new BigDecimal("20"))));
        }
        return product.build();
    }

    /** Today's small product: what the catalog was before the items carried the exporter's whole schema. */
    private Product small(int index, int revision) {
        SplittableRandom random = new SplittableRandom(index * 0xC2B2AE3D27D4EB4FL);
        Words words = Words.of(index);
        String name = words.name(index, revision);
        String sku = CatalogGenerator.sku(index);
        int category = random.nextInt(CATEGORY_COUNT);
        int qty = quantity(index);
        return base(index, name, "simple", revision)
                .visibility("Catalog, Search")
                .urlKey(urlKey(name, index))
                .description(CatalogText.description(random, 3))
                .shortDescription(pick(random, SENTENCES))
                .metaTitle(name)
                .metaDescription(name + ": " + pick(random, SENTENCES))
                .metaKeyword(words.nounLower() + ", " + words.colorLower())
                .weight(BigDecimal.valueOf(100 + random.nextInt(2_000), 2))
                .displayable(true)
                .buyable(true)
                .addAttribute("color", words.color())
                .addAttribute("size", pick(random, SIZES))
                .addAttribute("material", pick(random, MATERIALS), pick(random, MATERIALS))
                .addAttribute("eco_collection", random.nextBoolean() ? "1" : "0")
                .addCategoryData(Integer.toString(category + 3), categoryPath(category), random.nextInt(50))
                .addCategoryData("2", "default-category", index % 1000)
                .addImage(media(sku + "_main.jpg", name, "image", "small_image", "thumbnail"), "1")
                .addImage(media(sku + "_back.jpg", name + " back"), "2")
                .inStock(qty > 0)
                .inventory(inventory -> inventory.qty(qty))
                .build();
    }

    /** The quantity in stock of a simple product: one in twenty is out of stock. */
    static int quantity(int index) {
        SplittableRandom random = new SplittableRandom(index * 0xD6E8FEB86659FD93L);
        return random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(500);
    }

    private static Product.Inventory stock(int qty, boolean inStock, boolean available) {
        return Product.Inventory.builder().qty(qty).configuration(settings -> settings.status(inStock)
                .manageStock(true).threshold(new BigDecimal("5")).productAvailable(available)).build();
    }

    private static Product.MediaResource media(String file, String label, String... roles) {
        return Product.MediaResource.of(MEDIA + file, label, roles);
    }

    /** An attribute with {@code count} distinct values picked at random, and their option ids. */
    private static Product.Attribute attribute(String code, SplittableRandom random, String[] options, int count) {
        List<String> values = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int first = random.nextInt(options.length);
        for (int i = 0; i < count; i++) {
            int option = (first + i * 2) % options.length;
            values.add(options[option]);
            ids.add(Integer.toString(200 + code.length() * 20 + option));
        }
        return Product.Attribute.builder().attributeCode(code).value(values).valueId(ids).build();
    }

    private static Product.ProductOption colorOption(int parent) {
        Product.ProductOption.Builder option = Product.ProductOption.builder()
                .id(CatalogShape.uid(CatalogShape.COLOR_ATTRIBUTE, 0)).label("Color").type("configurable")
                .renderType("swatch").swatchType("visual").required(true).sortOrder(0);
        for (int n = 0; n < CatalogShape.COLORS; n++) {
            int color = CatalogShape.color(parent, n);
            int sortOrder = n;
            option.addValue(value -> value.id(CatalogShape.uid(CatalogShape.COLOR_ATTRIBUTE,
                    CatalogShape.colorValueId(color))).label(COLORS[color]).sortOrder(sortOrder).isDefault(false)
                    .colorHex(CatalogText.COLOR_HEX[color]));
        }
        return option.build();
    }

    private static Product.ProductOption sizeOption() {
        Product.ProductOption.Builder option = Product.ProductOption.builder()
                .id(CatalogShape.uid(CatalogShape.SIZE_ATTRIBUTE, 0)).label("Size").type("configurable")
                .renderType("swatch").swatchType("text").required(true).sortOrder(1);
        for (int n = 0; n < CatalogShape.SIZES; n++) {
            int size = CatalogShape.size(n);
            int sortOrder = n;
            option.addValue(value -> value.id(CatalogShape.uid(CatalogShape.SIZE_ATTRIBUTE,
                    CatalogShape.sizeValueId(size))).label(SIZES[size]).sortOrder(sortOrder).isDefault(false)
                    .customSwatchValue(SIZES[size]));
        }
        return option.build();
    }
}

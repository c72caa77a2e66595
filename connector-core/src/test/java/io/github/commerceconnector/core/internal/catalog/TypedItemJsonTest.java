package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.commerceconnector.api.catalog.Category;
import io.github.commerceconnector.api.catalog.ExtraFieldException;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.InventoryStockStatus;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.ProductAttribute;
import io.github.commerceconnector.api.catalog.RatingMetadata;
import io.github.commerceconnector.api.catalog.Review;
import io.github.commerceconnector.api.catalog.ScopeCustomerGroup;
import io.github.commerceconnector.api.catalog.ScopeWebsite;
import io.github.commerceconnector.api.catalog.Variant;
import io.github.commerceconnector.api.catalog.WritesFields;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The typed feed items read and write exactly the exporter's JSON (PROTOCOL.md section 5, exporter-schema.json). */
class TypedItemJsonTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final String PRODUCT = """
            {"sku":"MH01","storeViewCode":"default","storeCode":"main","websiteCode":"base","productId":42,
             "name":"Chaz Hoodie","type":"configurable","productType":"configurable","status":"Enabled",
             "visibility":"Catalog, Search","url":"https://shop.example/chaz-hoodie.html","urlKey":"chaz-hoodie",
             "urlRewrites":[{"url":"men/chaz-hoodie.html","parameters":[{"name":"id","value":"42"}]}],
             "description":"<p>Warm</p>\\nand soft","shortDescription":"Warm","metaTitle":"Chaz",
             "metaDescription":"A hoodie","metaKeyword":"hoodie","taxClassId":"2","weight":1.25,"weightUnit":"lbs",
             "weightType":"fixed","currency":"USD","priceView":"price_range","displayable":true,"buyable":false,
             "inStock":true,"lowStock":false,
             "inventory":{"qty":17,"configuration":{"status":true,"manageStock":true,"threshold":2.5,
                          "productAvailable":true}},
             "attributes":[{"attributeCode":"color","value":["Red","Blue"],"valueId":["5","6"]}],
             "categoryData":[{"categoryId":"12","categoryPath":"men/tops","productPosition":3}],
             "images":[{"resource":{"url":"https://cdn.example/mh01.jpg","label":"front","roles":["image","thumbnail"]},
                        "sortOrder":"1"}],
             "videos":[{"preview":{"url":"https://cdn.example/v.jpg","label":"preview","roles":[]},
                        "video":{"mediaType":"external-video","videoProvider":"youtube",
                                 "videoUrl":"https://youtu.be/x","videoTitle":"Hoodie","videoDescription":"On a hill",
                                 "videoMetadata":"{}"},"sortOrder":"2"}],
             "samples":[{"resource":{"url":"https://cdn.example/s.pdf","label":"size chart","roles":[]},
                         "sortOrder":"1"}],
             "samplesTitle":"Samples","linksExist":false,"linksPurchasedSeparately":false,
             "links":[{"sku":"MH02","type":"related"}],
             "optionsV2":[{"id":"Y29uZmlndXJhYmxlLzkz","label":"Color","type":"configurable","renderType":"swatch",
                           "swatchType":"visual","required":true,"sortOrder":0,
                           "values":[{"id":"Y29uZmlndXJhYmxlLzkzLzU2","label":"Red","sortOrder":1,"isDefault":false,
                                      "colorHex":"#ff0000","customSwatchValue":"red","imageUrl":"https://cdn/r.png",
                                      "infoUrl":"https://shop/red","sku":"MH01-Red","qty":1,"qtyMutability":true,
                                      "price":0,"priceType":"fixed"}]}],
             "shopperInputOptions":[{"id":"Y3VzdG9tLW9wdGlvbi8x","label":"Engraving","renderType":"field",
                                     "required":false,"sortOrder":1,"price":5.5,"sku":"-eng",
                                     "range":{"from":0,"to":20},"fileExtension":"jpg","imageSizeX":100,
                                     "imageSizeY":200}],
             "parents":[{"sku":"MH","productType":"configurable"}],"variants":[{"sku":"MH01-Red"}],
             "createdAt":"2024-01-02T03:04:05Z","updatedAt":"2024-05-01T10:15:30Z","modifiedAt":"2024-05-01T10:15:31.5Z",
             "deletedAt":"2025-01-01T00:00:00Z","deleted":false}""";

    private static final String PRICE = """
            {"sku":"MH01","websiteCode":"base","customerGroupCode":"0","productId":42,"websiteId":1,"type":"SIMPLE",
             "regular":52.00,
             "discounts":[{"code":"catalog_rule","price":45.5},{"code":"spring","percentage":10}],
             "tierPrices":[{"qty":5,"price":49.99},{"qty":10,"percentage":15.5}],
             "parents":[{"type":"configurable","sku":"MH"}],
             "updatedAt":"2024-05-01T10:15:30Z","deleted":false}""";

    private static final String CATEGORY = """
            {"categoryId":"12","storeViewCode":"default","storeCode":"main","websiteCode":"base","name":"Tops",
             "urlKey":"tops","urlPath":"men/tops","path":"1/2/12","level":3,"parentId":"2","position":1,
             "children":["13","14"],"isActive":1,"includeInMenu":0,"isAnchor":1,"displayMode":"PRODUCTS",
             "description":"Tops for men","image":"https://cdn.example/tops.jpg","metaTitle":"Tops",
             "metaKeywords":"tops","metaDescription":"Tops for men","availableSortBy":["name","price"],
             "defaultSortBy":"position","createdAt":"2024-01-02T03:04:05Z","updatedAt":"2024-05-01T10:15:30Z",
             "modifiedAt":"2024-05-01T10:15:30Z","deleted":true}""";

    private static final String ATTRIBUTE = """
            {"attributeCode":"color","storeViewCode":"default","storeCode":"main","websiteCode":"base","id":"93",
             "label":"Color","attributeType":"catalog_product","frontendInput":"select","dataType":"int",
             "boolean":false,"numeric":false,"multi":false,"required":false,"unique":false,"global":false,
             "systemAttribute":false,"searchable":true,"searchWeight":1.5,"filterable":true,"filterableInSearch":true,
             "sortable":false,"visible":true,"visibleInListing":true,"visibleInSearch":true,
             "visibleInCompareList":false,"usedForRules":false,"modifiedAt":"2024-05-01T10:15:30Z","deleted":false}""";

    private static final String VARIANT = """
            {"id":"MH/MH01-XS-Red","parentSku":"MH","productSku":"MH01-XS-Red","parentId":"41","productId":"43",
             "optionValues":[{"attributeCode":"size","uid":"Y29uZmlndXJhYmxlLzE0NC8xNjc=","label":"XS"},
                             {"attributeCode":"color","uid":"Y29uZmlndXJhYmxlLzkzLzU2","label":"Red"}],
             "modifiedAt":"2024-05-01T10:15:30Z","deleted":false}""";

    private static final String WEBSITE = """
            {"websiteId":"1","websiteCode":"base","stores":[{"storeId":"1","storeCode":"main",
             "storeViews":[{"storeViewId":"1","storeViewCode":"default"},{"storeViewId":"2","storeViewCode":"fr"}]}],
             "deleted":false}""";

    private static final String CUSTOMER_GROUP = """
            {"customerGroupId":"1","customerGroupCode":"b6589fc6ab0dc82cf12099d1c2d40ab994e8410c",
             "websites":["base","eu"],"deleted":false}""";

    private static final String STOCK_STATUS = """
            {"stockId":"1","sku":"MH01","productId":42,"qty":17,"qtyForSale":15.5,"isSalable":true,
             "infiniteStock":false,"lowStock":false,"updatedAt":"2024-05-01T10:15:30Z","deleted":false}""";

    private static final String REVIEW = """
            {"reviewId":"7","productId":42,"title":"Warm","text":"Really warm.","nickname":"Ann","customerId":"3",
             "ratings":[{"ratingId":"1","value":"5"}],"visibility":["default","fr"],"deleted":false}""";

    private static final String RATING_METADATA = """
            {"ratingId":"1","storeViewCode":"default","name":"Quality",
             "values":[{"valueId":"1","value":"1","position":1},{"valueId":"5","value":"5","position":5}],
             "deleted":false}""";

    private static Map<String, Object> parse(String json) throws Exception {
        return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    private static void assertRoundTrip(String json, Function<Map<String, ?>, FeedItem> reader) throws Exception {
        FeedItem item = reader.apply(parse(json));
        JsonNode expected = MAPPER.readTree(json);
        JsonNode written = MAPPER.readTree(FeedJson.write(item.fields()));
        assertEquals(expected, written, "JSON -> item -> JSON must give the same JSON");
        assertEquals(item, reader.apply(parse(new String(FeedJson.write(item.fields()), "UTF-8"))),
                "item -> JSON -> item must give an equal item");
    }

    @Test
    void productRoundTripsEveryExporterField() throws Exception {
        assertRoundTrip(PRODUCT, Product::fromFields);
        assertTrue(Product.fromFields(parse(PRODUCT)).extraFields().isEmpty(), "every field is typed");
    }

    @Test
    void priceRoundTripsDiscountsTiersAndParents() throws Exception {
        assertRoundTrip(PRICE, Price::fromFields);
    }

    @Test
    void categoryRoundTripsEveryExporterField() throws Exception {
        assertRoundTrip(CATEGORY, Category::fromFields);
    }

    @Test
    void productAttributeRoundTripsEveryExporterField() throws Exception {
        assertRoundTrip(ATTRIBUTE, ProductAttribute::fromFields);
        assertEquals(Boolean.FALSE, ProductAttribute.fromFields(parse(ATTRIBUTE)).isBoolean());
    }

    @Test
    void variantRoundTripsItsOptionValueObjects() throws Exception {
        assertRoundTrip(VARIANT, Variant::fromFields);
        assertEquals("Red", Variant.fromFields(parse(VARIANT)).optionValues().get(1).label());
    }

    @Test
    void scopesRoundTrip() throws Exception {
        assertRoundTrip(WEBSITE, ScopeWebsite::fromFields);
        assertRoundTrip(CUSTOMER_GROUP, ScopeCustomerGroup::fromFields);
    }

    @Test
    void stockStatusReviewsAndRatingMetadataRoundTrip() throws Exception {
        assertRoundTrip(STOCK_STATUS, InventoryStockStatus::fromFields);
        assertRoundTrip(REVIEW, Review::fromFields);
        assertRoundTrip(RATING_METADATA, RatingMetadata::fromFields);
    }

    @Test
    void typedItemsWriteTheJsonAndHashOfTheirFieldsMapWithoutBuildingIt() throws Exception {
        for (ContentHashAlgorithm algorithm : ContentHashAlgorithm.values()) {
            typedItemsWriteTheJsonAndHashOfTheirFieldsMap(new ItemHasher(algorithm));
        }
    }

    private static void typedItemsWriteTheJsonAndHashOfTheirFieldsMap(ItemHasher hasher) throws Exception {
        Map<String, Function<Map<String, ?>, FeedItem>> samples = new LinkedHashMap<>();
        samples.put(PRODUCT, Product::fromFields);
        samples.put(PRICE, Price::fromFields);
        samples.put(CATEGORY, Category::fromFields);
        samples.put(ATTRIBUTE, ProductAttribute::fromFields);
        samples.put(VARIANT, Variant::fromFields);
        samples.put(WEBSITE, ScopeWebsite::fromFields);
        samples.put(CUSTOMER_GROUP, ScopeCustomerGroup::fromFields);
        samples.put(STOCK_STATUS, InventoryStockStatus::fromFields);
        samples.put(REVIEW, Review::fromFields);
        samples.put(RATING_METADATA, RatingMetadata::fromFields);
        for (Map.Entry<String, Function<Map<String, ?>, FeedItem>> sample : samples.entrySet()) {
            FeedItem item = sample.getValue().apply(parse(sample.getKey()));
            WritesFields typed = (WritesFields) item;
            assertTrue(typed.writesAllFields(), item.getClass().getSimpleName());
            long viaMap = hasher.writeItem(item.fields());
            String mapJson = new String(hasher.json(), StandardCharsets.UTF_8);
            long viaTyped = hasher.writeItem(typed, List.of("sku", "deleted"));
            assertEquals(mapJson, new String(hasher.json(), StandardCharsets.UTF_8), item.getClass().getSimpleName());
            assertEquals(viaMap, viaTyped, item.getClass().getSimpleName());
            assertEquals(item.fields().get("sku"), hasher.captured(0));
            if (hasher.hashesFields()) {
                assertEquals(viaTyped, hasher.hashTyped(typed, List.of("sku", "deleted")), "walked without JSON");
                assertEquals(item.fields().get("sku"), hasher.captured(0));
                assertEquals(viaTyped, hasher.contentHash(item.fields()), "the fields map walked");
            }
        }
    }

    @Test
    void typedTimestampsOfAnyYearAndFractionWriteTheTextAndHashOfTheirFieldsMap() {
        List<Instant> times = List.of(Instant.parse("2024-05-01T10:15:30Z"), Instant.parse("2024-05-01T10:15:30.5Z"),
                Instant.parse("1969-12-31T23:59:59.000000001Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00.25Z"), Instant.EPOCH);
        for (ContentHashAlgorithm algorithm : ContentHashAlgorithm.values()) {
            ItemHasher hasher = new ItemHasher(algorithm);
            for (int i = 0; i < times.size(); i++) {
                Product product = Product.builder().sku("MH01").storeViewCode("default").createdAt(times.get(i))
                        .updatedAt(times.get((i + 1) % times.size())).modifiedAt(times.get((i + 2) % times.size()))
                        .deletedAt(times.get((i + 3) % times.size())).build();
                long viaMap = hasher.writeItem(product.fields());
                String mapJson = new String(hasher.json(), StandardCharsets.UTF_8);
                long viaTyped = hasher.writeItem(product, List.of("sku", "createdAt", "deleted"));
                assertEquals(mapJson, new String(hasher.json(), StandardCharsets.UTF_8), times.get(i).toString());
                assertEquals(viaMap, viaTyped, times.get(i).toString());
                assertEquals(product.fields().get("createdAt"), hasher.captured(1));
                if (hasher.hashesFields()) {
                    assertEquals(viaTyped, hasher.hashTyped(product, List.of("sku", "createdAt", "deleted")));
                    assertEquals(product.fields().get("createdAt"), hasher.captured(1));
                }
            }
        }
    }

    /**
     * A timestamp may be longer than a low string limit allows: the typed path, which writes timestamps without
     * their text, must send such an item to validation exactly when the map path does, and no more often.
     */
    @Test
    void typedTimestampsNeedValidationExactlyWhenTheirTextWould() {
        List<Instant> times = List.of(Instant.parse("2018-11-20T06:21:35Z"), Instant.parse("2018-11-20T06:21:35.954Z"),
                Instant.parse("2018-11-20T06:21:35.000000001Z"), Instant.parse("+10000-01-01T00:00:00Z"));
        for (int maxStringBytes = 1; maxStringBytes <= 120; maxStringBytes++) {
            ItemHasher typedHasher = new ItemHasher(maxStringBytes, 64, ContentHashAlgorithm.XXH3_64);
            ItemHasher mapHasher = new ItemHasher(maxStringBytes, 64, ContentHashAlgorithm.XXH3_64);
            for (Instant created : times) {
                for (Instant updated : times) {
                    Category category = Category.builder().urlPath("m").createdAt(created).updatedAt(updated)
                            .build();
                    typedHasher.writeItem(category, List.of("urlPath", "deleted"));
                    mapHasher.writeItem(category.fields());
                    int limit = maxStringBytes;
                    assertEquals(mapHasher.needsValidation(), typedHasher.needsValidation(),
                            () -> "limit " + limit + ", " + created + ", " + updated);
                }
            }
            if (maxStringBytes >= 90) {
                assertFalse(typedHasher.needsValidation(), "limit " + maxStringBytes);
            }
        }
        ItemHasher low = new ItemHasher(69, 64, ContentHashAlgorithm.XXH3_64);
        low.writeItem(Category.builder().urlPath("m").createdAt(times.get(1)).build(), List.of("urlPath", "deleted"));
        assertTrue(low.needsValidation(), "24 characters against a limit of 69 bytes, 23 characters at 3 bytes each");
    }

    @Test
    void anItemOrANestedObjectWithExtraFieldsDoesNotWriteItself() {
        Product plain = Product.builder().sku("MH01").storeViewCode("default")
                .addImage(Product.MediaResource.of("https://cdn.example/1.jpg", "front", "image"), "1").build();
        assertTrue(plain.writesAllFields());
        assertFalse(plain.toBuilder().putExtraField("shoeSize", 42).build().writesAllFields());
        Product.Image image = plain.images().get(0).toBuilder().putExtraField("zoom", true).build();
        assertFalse(plain.toBuilder().images(List.of(image)).build().writesAllFields());
    }

    @Test
    void absentOptionalFieldsAreLeftOut() {
        Map<String, Object> fields = Product.builder().sku("MH01").storeViewCode("default").name("Chaz").build()
                .fields();
        assertEquals(Map.of("sku", "MH01", "storeViewCode", "default", "name", "Chaz"), fields);
    }

    @Test
    void timestampsAreWrittenAsRfc3339Text() throws Exception {
        Map<String, Object> fields = Category.builder().urlPath("men").storeViewCode("default")
                .createdAt(Instant.parse("2024-01-02T03:04:05Z")).build().fields();
        assertEquals("2024-01-02T03:04:05Z", fields.get("createdAt"));
        Category parsed = Category.fromFields(parse("{\"urlPath\":\"men\",\"createdAt\":\"2024-01-02T05:04:05+02:00\"}"));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), parsed.createdAt());
    }

    @Test
    void categoryFlagsAreBooleansInJavaAndIntegersOnTheWire() throws Exception {
        Category category = Category.builder().urlPath("men").storeViewCode("default").isActive(true)
                .includeInMenu(false).build();
        assertEquals(1, category.fields().get("isActive"));
        assertEquals(0, category.fields().get("includeInMenu"));
        assertEquals(Boolean.TRUE, Category.fromFields(parse("{\"urlPath\":\"men\",\"isActive\":1}")).isActive());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Category.fromFields(parse("{\"urlPath\":\"men\",\"isActive\":true}")));
        assertTrue(refused.getMessage().contains("'isActive'") && refused.getMessage().contains("1 or 0"),
                refused.getMessage());
    }

    @Test
    void productIdIsAJsonInteger() throws Exception {
        byte[] json = FeedJson.write(Product.builder().sku("MH01").storeViewCode("default").productId(42).build()
                .fields());
        assertTrue(MAPPER.readTree(json).get("productId").isIntegralNumber(), new String(json, "UTF-8"));
    }

    @Test
    void unknownFieldsBecomeExtraFieldsAndAreSentAsGiven() throws Exception {
        Product product = Product.fromFields(parse("{\"sku\":\"MH01\",\"storeViewCode\":\"default\","
                + "\"newExporterField\":{\"a\":[1,2]},\"price\":52}"));
        assertEquals(Map.of("newExporterField", Map.of("a", List.of(1, 2)), "price", 52), product.extraFields());
        assertEquals(52, product.fields().get("price"));
        assertEquals(product, Product.fromFields(product.fields()));
    }

    @Test
    void anExtraFieldNamedLikeATypedFieldIsRefusedWithItsNameAndTheSetterToUse() {
        ExtraFieldException refused = assertThrows(ExtraFieldException.class,
                () -> Product.builder().putExtraField("inStock", true));
        assertEquals("inStock", refused.field());
        assertEquals("Product", refused.itemType());
        assertTrue(refused.getMessage().contains("Product.Builder.inStock(...)"), refused.getMessage());
        ExtraFieldException nested = assertThrows(ExtraFieldException.class,
                () -> Product.Image.builder().putExtraField("sortOrder", "1"));
        assertEquals("Product.Image", nested.itemType());
        assertThrows(ExtraFieldException.class, () -> Price.builder().putExtraField("deleted", true));
        assertThrows(ExtraFieldException.class, () -> Price.builder().putExtraField(" ", 1));
    }

    @Test
    void anExtraFieldHoldsOnlyJsonValues() {
        ExtraFieldException refused = assertThrows(ExtraFieldException.class,
                () -> Product.builder().putExtraField("releasedAt", Instant.EPOCH));
        assertTrue(refused.getMessage().contains("'releasedAt'") && refused.getMessage().contains("RFC 3339"),
                refused.getMessage());
        assertThrows(ExtraFieldException.class, () -> Product.builder().putExtraField("ratio", Double.NaN));
    }

    @Test
    void extraFieldsAreCopiedSoTheItemStaysImmutable() {
        List<Object> tags = new ArrayList<>(List.of("a"));
        Product product = Product.builder().sku("MH01").storeViewCode("default").putExtraField("tags", tags).build();
        tags.add("b");
        assertEquals(List.of("a"), product.fields().get("tags"));
        assertThrows(UnsupportedOperationException.class, () -> product.extraFields().put("x", 1));
    }

    @Test
    void extraFieldsArePartOfTheContentHash() {
        Product plain = Product.builder().sku("MH01").storeViewCode("default").build();
        Product tagged = plain.toBuilder().putExtraField("brand", "Acme").build();
        ItemHasher hasher = new ItemHasher();
        assertNotEquals(hasher.contentHash(plain.fields()), hasher.contentHash(tagged.fields()));
        assertEquals(hasher.contentHash(tagged.fields()),
                hasher.contentHash(tagged.toBuilder().build().fields()), "toBuilder keeps the extra fields");
        assertEquals(hasher.contentHash(plain.fields()),
                hasher.contentHash(tagged.toBuilder().putExtraField("brand", null).build().fields()));
    }

    @Test
    void wrongValueTypeNamesTheField() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Category.fromFields(parse("{\"urlPath\":\"men\",\"level\":\"three\"}")));
        assertTrue(refused.getMessage().contains("'level'"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Category.fromFields(parse("{\"urlPath\":\"men\",\"createdAt\":\"yesterday\"}")));
    }

    @Test
    void discountNeedsExactlyOneOfPriceAndPercentage() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> Price.Discount.builder().code("both").price(BigDecimal.ONE).percentage(BigDecimal.TEN).build());
        assertTrue(both.getMessage().contains("exactly one of price and percentage, got both"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Price.TierPrice.builder().qty(BigDecimal.ONE).build());
        assertThrows(IllegalArgumentException.class, () -> Price.builder().regular(Double.NaN));
        assertEquals(new BigDecimal("10"), Price.Discount.percentage("spring", BigDecimal.TEN).percentage());
    }

    @Test
    void aNullElementOfAListIsRefusedNamingTheField() {
        List<Product.Link> links = new ArrayList<>();
        links.add(null);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Product.builder().links(links).build());
        assertTrue(refused.getMessage().contains("Product.links"), refused.getMessage());
    }

    @Test
    void builderCopiesAndChanges() {
        Product product = Product.builder().sku("MH01").storeViewCode("default")
                .addImage(Product.MediaResource.of("u", "l", "image"), "1")
                .addCategoryData("12", "men/tops", 1).addAttribute("color", "Red")
                .inventory(inventory -> inventory.qty(3).configuration(settings -> settings.manageStock(true)))
                .build();
        Product renamed = product.toBuilder().name("New").build();
        assertEquals("New", renamed.name());
        assertEquals(product.images(), renamed.images());
        assertEquals(product.categoryData(), renamed.categoryData());
        assertEquals(Boolean.TRUE, renamed.inventory().configuration().manageStock());
        assertEquals(product, renamed.toBuilder().name(null).build());
    }
}

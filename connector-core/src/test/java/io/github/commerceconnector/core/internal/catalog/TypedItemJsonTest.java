package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.commerceconnector.api.catalog.Category;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.ProductAttribute;
import io.github.commerceconnector.api.catalog.ScopeCustomerGroup;
import io.github.commerceconnector.api.catalog.ScopeWebsite;
import io.github.commerceconnector.api.catalog.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The typed feed items read and write exactly the JSON of PROTOCOL.md section 5. */
class TypedItemJsonTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final String PRODUCT = """
            {"sku":"MH01","storeViewCode":"default","storeCode":"main","websiteCode":"base","productId":"42",
             "name":"Chaz Hoodie","type":"configurable","status":"Enabled","visibility":"Catalog, Search",
             "urlKey":"chaz-hoodie","description":"<p>Warm</p>\\nand soft","shortDescription":"Warm",
             "metaTitle":"Chaz","metaDescription":"A hoodie","metaKeyword":"hoodie","taxClassId":"2",
             "weight":1.25,"weightUnit":"lbs","currency":"USD","displayable":true,"buyable":false,
             "attributes":[{"attributeCode":"color","value":["Red","Blue"]}],
             "categoryData":[{"categoryId":"12","categoryPath":"men/tops","productPosition":3}],
             "images":[{"resource":{"url":"https://cdn.example/mh01.jpg","label":"front","roles":["image","thumbnail"]},
                        "sortOrder":1}],
             "inventory":{"qty":17,"inStock":true},
             "createdAt":"2024-01-02T03:04:05Z","updatedAt":"2024-05-01T10:15:30Z","modifiedAt":"2024-05-01T10:15:31.5Z",
             "deleted":false}""";

    private static final String PRICE = """
            {"sku":"MH01","websiteCode":"base","customerGroupCode":"0","type":"SIMPLE","regular":52.00,
             "discounts":[{"code":"catalog_rule","price":45.5},{"code":"spring","percentage":10}],
             "tierPrices":[{"qty":5,"price":49.99},{"qty":10,"percentage":15.5}],
             "parents":[{"type":"configurable","sku":"MH"}],
             "updatedAt":"2024-05-01T10:15:30Z","deleted":false}""";

    private static final String CATEGORY = """
            {"categoryId":"12","storeViewCode":"default","storeCode":"main","websiteCode":"base","name":"Tops",
             "urlKey":"tops","urlPath":"men/tops","path":"1/2/12","level":3,"parentId":"2","position":1,
             "isActive":true,"includeInMenu":false,"description":"Tops for men","metaTitle":"Tops",
             "createdAt":"2024-01-02T03:04:05Z","updatedAt":"2024-05-01T10:15:30Z","modifiedAt":"2024-05-01T10:15:30Z",
             "deleted":true}""";

    private static final String ATTRIBUTE = """
            {"attributeCode":"color","storeViewCode":"default","storeCode":"main","websiteCode":"base",
             "attributeType":"select","label":"Color","dataType":"text","searchable":true,"filterable":true,
             "visibleInPLP":false,"deleted":false}""";

    private static final String VARIANT = """
            {"id":"MH/MH01-XS-Red","parentId":"41","productId":"43","parentSku":"MH","productSku":"MH01-XS-Red",
             "optionValues":["size:XS","color:Red"],"modifiedAt":"2024-05-01T10:15:30Z","deleted":false}""";

    private static final String WEBSITE = """
            {"websiteId":"1","websiteCode":"base","stores":[{"storeId":"1","storeCode":"main",
             "storeViews":[{"storeViewId":"1","storeViewCode":"default"},{"storeViewId":"2","storeViewCode":"fr"}]}],
             "deleted":false}""";

    private static final String CUSTOMER_GROUP = """
            {"customerGroupId":"1","customerGroupCode":"b6589fc6ab0dc82cf12099d1c2d40ab994e8410c",
             "websites":["base","eu"],"deleted":false}""";

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
    void productRoundTripsEveryProtocolField() throws Exception {
        assertRoundTrip(PRODUCT, Product::fromFields);
    }

    @Test
    void priceRoundTripsDiscountsTiersAndParents() throws Exception {
        assertRoundTrip(PRICE, Price::fromFields);
    }

    @Test
    void categoryRoundTripsEveryProtocolField() throws Exception {
        assertRoundTrip(CATEGORY, Category::fromFields);
    }

    @Test
    void productAttributeRoundTripsEveryProtocolField() throws Exception {
        assertRoundTrip(ATTRIBUTE, ProductAttribute::fromFields);
    }

    @Test
    void variantRoundTrips() throws Exception {
        assertRoundTrip(VARIANT, Variant::fromFields);
    }

    @Test
    void scopesRoundTrip() throws Exception {
        assertRoundTrip(WEBSITE, ScopeWebsite::fromFields);
        assertRoundTrip(CUSTOMER_GROUP, ScopeCustomerGroup::fromFields);
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
    void productCarriesNoPrice() throws Exception {
        Map<String, Object> withPrice = parse("{\"sku\":\"MH01\",\"storeViewCode\":\"default\",\"price\":52}");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Product.fromFields(withPrice));
        assertTrue(refused.getMessage().contains("'price'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("GenericItem"), refused.getMessage());
        assertFalse(Product.fromFields(parse(PRODUCT)).fields().containsKey("price"));
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
        assertThrows(IllegalArgumentException.class,
                () -> new Price.Discount("both", BigDecimal.ONE, BigDecimal.TEN));
        assertThrows(IllegalArgumentException.class, () -> new Price.TierPrice(BigDecimal.ONE, null, null));
        assertThrows(IllegalArgumentException.class, () -> Price.builder().regular(Double.NaN));
    }

    @Test
    void builderCopiesAndChanges() {
        Product product = Product.builder().sku("MH01").storeViewCode("default").addImage("u", "l", 1, "image")
                .addCategory("12", "men/tops", 1).addAttribute("color", "Red").build();
        Product renamed = product.toBuilder().name("New").build();
        assertEquals("New", renamed.name());
        assertEquals(product.images(), renamed.images());
        assertEquals(product.categoryData(), renamed.categoryData());
    }
}

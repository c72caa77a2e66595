package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.GenericItem;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Defective feed items: each is rejected on its own, with its identity (or, when the identity itself is the
 * defect, its position) and a reason, while the good items around it go to the gateway in the same request. Then
 * all of them at once, among a hundred good items.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DefectiveItemsTest {
    private SyncFixture fixture;

    @TempDir
    Path stateDirectory;

    /**
     * A defective item.
     *
     * @param name  what is wrong
     * @param item  makes it (identity {@code BAD / default} where it has one)
     * @param code  the code it is rejected with
     * @param keyed whether the rejection names its identity (else only its position)
     */
    record Defect(String name, Supplier<FeedItem> item, String code, boolean keyed) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void startGateway() {
        fixture = new SyncFixture();
    }

    @AfterEach
    void stopGateway() {
        fixture.close();
    }

    static List<Defect> defects() {
        List<Defect> defects = new ArrayList<>();
        defects.add(new Defect("null identity", () -> item(fields("sku", null)), "MISSING_IDENTITY", false));
        defects.add(new Defect("blank identity", () -> item(fields("sku", "   ")), "MISSING_IDENTITY", false));
        defects.add(new Defect("missing storeViewCode", () -> item(without(fields(), "storeViewCode")),
                "MISSING_IDENTITY", false));
        defects.add(new Defect("identity of the wrong type", () -> item(fields("sku", List.of("BAD"))),
                "INVALID_IDENTITY", false));
        defects.add(new Defect("identity of 2 KB", () -> item(fields("sku", "B".repeat(2048))), "IDENTITY_TOO_LONG",
                false));
        defects.add(new Defect("negative quantity", () -> Product.builder().sku("BAD").storeViewCode("default")
                .inStock(true).inventory(inventory -> inventory.qty(-3)).build(), "NEGATIVE_QUANTITY", true));
        defects.add(new Defect("NaN price", () -> item(fields("price", Double.NaN)), "NOT_FINITE", true));
        defects.add(new Defect("infinite weight", () -> item(fields("weight", Double.POSITIVE_INFINITY)),
                "NOT_FINITE", true));
        defects.add(new Defect("10 MB description", () -> item(fields("description", "x".repeat(10 << 20))),
                "VALUE_TOO_LONG", true));
        defects.add(new Defect("unpaired high surrogate", () -> item(fields("name", "Hoodie \uD83D")),
                "INVALID_UNICODE", true));
        defects.add(new Defect("unpaired low surrogate", () -> item(fields("name", "\uDC00 Hoodie")),
                "INVALID_UNICODE", true));
        defects.add(new Defect("NUL character", () -> item(fields("name", "Hoo\u0000die")), "CONTROL_CHARACTER", true));
        defects.add(new Defect("escape character in a nested attribute", () -> item(fields("attributes",
                List.of(Map.of("attributeCode", "color", "value", List.of("re\u001Bd"))))), "CONTROL_CHARACTER", true));
        defects.add(new Defect("custom attribute nested 100 deep", () -> item(fields("attributes", nested(100))),
                "TOO_DEEP", true));
        defects.add(new Defect("custom attribute nested 100,000 deep", () -> item(fields("attributes",
                nested(100_000))), "TOO_DEEP", true));
        defects.add(new Defect("attribute that contains itself", () -> item(fields("attributes", cyclic())),
                "TOO_DEEP", true));
        defects.add(new Defect("timestamp as an Instant", () -> item(fields("updatedAt", Instant.EPOCH)),
                "UNSUPPORTED_TYPE", true));
        defects.add(new Defect("object of no JSON type", () -> item(fields("extra", new StringBuilder("x"))),
                "UNSUPPORTED_TYPE", true));
        defects.add(new Defect("AtomicLong number", () -> item(fields("qty", new AtomicLong(3))), "UNSUPPORTED_TYPE",
                true));
        defects.add(new Defect("decimal beyond JSON's exponent", () -> item(fields("weight",
                new BigDecimal("1E+1000000000"))), "NUMBER_OUT_OF_RANGE", true));
        defects.add(new Defect("non-string field name", () -> item(fields("attributes", Map.of(7, "seven"))),
                "INVALID_FIELD_NAME", true));
        defects.add(new Defect("empty field name", () -> item(fields("", "nameless")), "INVALID_FIELD_NAME", true));
        defects.add(new Defect("field name with an unpaired surrogate", () -> item(fields("colo\uD800r", "red")),
                "INVALID_FIELD_NAME", true));
        defects.add(new Defect("item larger than a request", () -> item(fields(large())), "ITEM_TOO_LARGE", true));
        defects.add(new Defect("null item", () -> null, "INVALID_ITEM", false));
        defects.add(new Defect("fields() throws", () -> () -> {
            throw new IllegalStateException("broken item");
        }, "INVALID_ITEM", false));
        defects.add(new Defect("fields() returns null", () -> () -> null, "INVALID_ITEM", false));
        defects.add(new Defect("deleted flag of the wrong type (refused by the gateway)",
                () -> item(fields("deleted", "perhaps")), "INVALID_FIELD", true));
        return defects;
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sku", "BAD");
        fields.put("storeViewCode", "default");
        fields.put("name", "Defective");
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Map<String, Object> without(Map<String, Object> fields, String name) {
        fields.remove(name);
        return fields;
    }

    private static FeedItem item(Map<String, Object> fields) {
        return GenericItem.of(fields);
    }

    private static Map<String, Object> nested(int depth) {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> current = root;
        for (int i = 0; i < depth; i++) {
            Map<String, Object> next = new HashMap<>();
            current.put("child", next);
            current = next;
        }
        return root;
    }

    private static Map<String, Object> cyclic() {
        Map<String, Object> self = new HashMap<>();
        self.put("self", self);
        return self;
    }

    private static Object[] large() {
        Object[] pairs = new Object[40];
        for (int i = 0; i < 20; i++) {
            pairs[2 * i] = "chunk" + i;
            pairs[2 * i + 1] = "y".repeat(60_000);
        }
        return pairs;
    }

    private static FeedItem good(String sku) {
        return Product.builder().sku(sku).storeViewCode("default").name("Good " + sku).build();
    }

    private CommerceServicesClient client() {
        return fixture.client(fixture.builder(stateDirectory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void aDefectiveItemIsRejectedAloneAndItsBatchIsSent(Defect defect) {
        try (CommerceServicesClient open = client()) {
            List<FeedItem> batch = Arrays.asList(good("GOOD-A"), defect.item().get(), good("GOOD-B"));

            SyncReport report = open.catalog().upsert(Feed.PRODUCTS, batch);

            assertEquals(1, report.rejectedCount(), report.toString());
            assertEquals(2, report.sent(), report.toString());
            assertEquals(1, report.requests(), "the good items go in one request");
            RejectedItem rejected = report.rejected().get(0);
            assertEquals(defect.code(), rejected.code(), rejected.reason());
            assertEquals(1, rejected.position());
            if (defect.keyed()) {
                assertEquals(ItemKey.of(Feed.PRODUCTS, "BAD", "default"), rejected.key());
            } else {
                assertNull(rejected.key());
                assertTrue(rejected.reason().contains("position 1"), rejected.reason());
            }
            assertNotNull(rejected.reason());
            assertTrue(rejected.reason().length() < 1000, "a short reason: " + rejected.reason().length());
            assertEquals(Set.of("GOOD-A", "GOOD-B"), fixture.held(Feed.PRODUCTS).keySet());
        }
    }

    @Test
    void aDuplicateInOneCallIsRejectedAndTheFirstOccurrenceIsSent() {
        try (CommerceServicesClient open = client()) {
            FeedItem second = Product.builder().sku("GOOD-A").storeViewCode("default").name("Second copy").build();

            SyncReport report = open.catalog().upsert(Feed.PRODUCTS, List.of(good("GOOD-A"), second, good("GOOD-B")));

            assertEquals("DUPLICATE_IDENTITY", report.rejected().get(0).code());
            assertEquals(ItemKey.of(Feed.PRODUCTS, "GOOD-A", "default"), report.rejected().get(0).key());
            assertEquals(2, report.sent());
            assertEquals("Good GOOD-A", fixture.held(Feed.PRODUCTS).get("GOOD-A").get("name"));
        }
    }

    @Test
    void everyDefectAtOnceAmongAHundredGoodItems() {
        try (CommerceServicesClient open = client()) {
            List<Defect> defects = defects();
            List<FeedItem> items = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                items.add(good(String.format("GOOD-%03d", n)));
                if (n % 3 == 0 && n / 3 < defects.size()) {
                    Defect defect = defects.get(n / 3);
                    items.add(defect.keyed() ? keyedAs(defect, "BAD-" + n) : defect.item().get());
                }
            }

            SyncReport report = open.catalog().upsert(Feed.PRODUCTS, items);

            assertEquals(defects.size(), report.rejectedCount(), report.rejected().toString());
            assertEquals(100, report.sent());
            assertEquals(100, fixture.held(Feed.PRODUCTS).size());
            assertTrue(fixture.held(Feed.PRODUCTS).keySet().stream().allMatch(sku -> sku.startsWith("GOOD-")));
        }
    }

    /** The defect with another identity, so that many keyed defects can share one call. */
    private static FeedItem keyedAs(Defect defect, String sku) {
        FeedItem item = defect.item().get();
        Map<String, Object> fields = new LinkedHashMap<>(item.fields());
        fields.put("sku", sku);
        return item instanceof Product ? Product.builder().sku(sku).storeViewCode("default")
                .inStock(true).inventory(inventory -> inventory.qty(-3)).build() : GenericItem.of(fields);
    }
}

package io.github.commerceconnector.core.testsupport;

import io.github.commerceconnector.api.catalog.Category;
import io.github.commerceconnector.api.catalog.CategoryPermission;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.InventoryStockStatus;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.ProductAttribute;
import io.github.commerceconnector.api.catalog.ProductOverride;
import io.github.commerceconnector.api.catalog.RatingMetadata;
import io.github.commerceconnector.api.catalog.Review;
import io.github.commerceconnector.api.catalog.ScopeCustomerGroup;
import io.github.commerceconnector.api.catalog.ScopeWebsite;
import io.github.commerceconnector.api.catalog.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One item of each built-in feed, built with every setter of its builder and of the builders of the values it
 * nests: what a store that fills every field of the exporter's schema sends.
 */
public final class FullItems {
    private static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");
    private static final Instant CHANGED = Instant.parse("2024-05-01T10:15:30Z");

    private FullItems() {
    }

    /** One item per built-in feed, in the order of {@link Feed#builtIn()}. */
    public static Map<Feed, FeedItem> all() {
        Map<Feed, FeedItem> items = new LinkedHashMap<>();
        items.put(Feed.PRODUCTS, product());
        items.put(Feed.PRODUCT_ATTRIBUTES, productAttribute());
        items.put(Feed.CATEGORIES, category());
        items.put(Feed.PRICES, price());
        items.put(Feed.VARIANTS, variant());
        items.put(Feed.SCOPES_WEBSITE, website());
        items.put(Feed.SCOPES_CUSTOMER_GROUP, customerGroup());
        items.put(Feed.INVENTORY_STOCK_STATUS, stockStatus());
        items.put(Feed.REVIEWS, review());
        items.put(Feed.RATING_METADATA, ratingMetadata());
        items.put(Feed.PRODUCT_OVERRIDES, productOverride());
        items.put(Feed.CATEGORY_PERMISSIONS, categoryPermission());
        return items;
    }

    private static Product.MediaResource media(String url, String label, String... roles) {
        return Product.MediaResource.builder().url(url).label(label).roles(List.of(roles)).build();
    }

    /** A configurable product with every field. */
    public static Product product() {
        return Product.builder()
                .sku("MH01").storeViewCode("default").storeCode("main_website_store").websiteCode("base")
                .productId(42).name("Chaz Kangeroo Hoodie").type("configurable").productType("configurable")
                .status("Enabled").visibility("Catalog, Search").url("https://shop.example/chaz-kangeroo-hoodie.html")
                .urlKey("chaz-kangeroo-hoodie")
                .addUrlRewrite(rewrite -> rewrite.url("men/tops/chaz-kangeroo-hoodie.html")
                        .parameters(List.of(Product.UrlRewriteParameter.builder().name("id").value("42").build())))
                .description("<p>Ideal for cold-weather training.</p>").shortDescription("Warm and light")
                .metaTitle("Chaz Kangeroo Hoodie").metaDescription("A hoodie for cold mornings")
                .metaKeyword("hoodie, men").taxClassId("2").weight(new BigDecimal("1.25")).weightUnit("lbs")
                .weightType("fixed").currency("USD").priceView("price_range").displayable(true).buyable(true)
                .inStock(true).lowStock(false)
                .inventory(Product.Inventory.builder().qty(17).configuration(Product.InventorySettings.builder()
                        .status(true).manageStock(true).threshold(new BigDecimal("2")).productAvailable(true).build())
                        .build())
                .attributes(List.of(Product.Attribute.builder().attributeCode("material").value(List.of("Cotton"))
                        .valueId(List.of("33")).build()))
                .categoryData(List.of(Product.CategoryData.builder().categoryId("12").categoryPath("men/tops")
                        .productPosition(3).build()))
                .images(List.of(Product.Image.builder().resource(media("https://cdn.example/mh01.jpg", "front",
                        "image", "small_image", "thumbnail")).sortOrder("1").build()))
                .videos(List.of(Product.Video.builder()
                        .preview(media("https://cdn.example/mh01-video.jpg", "preview", "thumbnail"))
                        .video(Product.VideoItem.builder().mediaType("external-video").videoProvider("youtube")
                                .videoUrl("https://youtu.be/abc").videoTitle("On the trail")
                                .videoDescription("The hoodie on a cold morning").videoMetadata("{}").build())
                        .sortOrder("2").build()))
                .samples(List.of(Product.Sample.builder().resource(media("https://cdn.example/size-chart.pdf",
                        "Size chart", "sample")).sortOrder("1").build()))
                .samplesTitle("Samples").linksExist(false).linksPurchasedSeparately(false)
                .links(List.of(Product.Link.builder().sku("MH02").type("related").build()))
                .optionsV2(List.of(Product.ProductOption.builder().id("Y29uZmlndXJhYmxlLzkz").label("Color")
                        .type("configurable").renderType("swatch").swatchType("visual").required(true).sortOrder(0)
                        .values(List.of(Product.ProductOptionValue.builder().id("Y29uZmlndXJhYmxlLzkzLzU2")
                                .label("Red").sortOrder(1).isDefault(false).colorHex("#ff0000")
                                .customSwatchValue("red").imageUrl("https://cdn.example/red.png")
                                .infoUrl("https://shop.example/red").sku("MH01-Red").qty(new BigDecimal("1"))
                                .qtyMutability(false).price(new BigDecimal("0")).priceType("fixed").build()))
                        .build()))
                .shopperInputOptions(List.of(Product.ShopperInputOption.builder().id("Y3VzdG9tLW9wdGlvbi8x")
                        .label("Engraving").renderType("field").required(false).sortOrder(1)
                        .price(new BigDecimal("5.50")).sku("-engraved")
                        .range(Product.ValueRange.builder().from(BigDecimal.ZERO).to(new BigDecimal("20")).build())
                        .fileExtension("jpg, png").imageSizeX(800).imageSizeY(600).build()))
                .parents(List.of(Product.ParentProduct.builder().sku("MH-BUNDLE").productType("bundle").build()))
                .variants(List.of(Product.VariantSku.builder().sku("MH01-Red").build()))
                .createdAt(CREATED).updatedAt(CHANGED).modifiedAt(CHANGED).deletedAt(CHANGED).deleted(false)
                .build();
    }

    /** An attribute's metadata with every field. */
    public static ProductAttribute productAttribute() {
        return ProductAttribute.builder()
                .attributeCode("color").storeViewCode("default").storeCode("main_website_store").websiteCode("base")
                .id("93").label("Color").attributeType("catalog_product").frontendInput("select").dataType("int")
                .isBoolean(false).numeric(false).multi(false).required(false).unique(false).global(false)
                .systemAttribute(false).searchable(true).searchWeight(new BigDecimal("3")).filterable(true)
                .filterableInSearch(true).sortable(false).visible(true).visibleInListing(true).visibleInSearch(true)
                .visibleInCompareList(false).usedForRules(true).modifiedAt(CHANGED).deleted(false)
                .build();
    }

    /** A category with every field. */
    public static Category category() {
        return Category.builder()
                .categoryId("12").storeViewCode("default").storeCode("main_website_store").websiteCode("base")
                .name("Tops").urlKey("tops").urlPath("men/tops").path("1/2/11/12").level(3).parentId("11")
                .position(1).children(List.of("13", "14")).isActive(true).includeInMenu(true).isAnchor(true)
                .displayMode("PRODUCTS").description("Tops for men").image("https://cdn.example/tops.jpg")
                .metaTitle("Men's tops").metaKeywords("tops, men").metaDescription("Hoodies, jackets and tees")
                .availableSortBy(List.of("position", "name", "price")).defaultSortBy("position")
                .createdAt(CREATED).updatedAt(CHANGED).modifiedAt(CHANGED).deleted(false)
                .build();
    }

    /** A price with every field. */
    public static Price price() {
        return Price.builder()
                .sku("MH01-Red").websiteCode("base").customerGroupCode("0").productId(43).websiteId(1).type("SIMPLE")
                .regular(new BigDecimal("52.00"))
                .discounts(List.of(Price.Discount.builder().code("special_price").price(new BigDecimal("45.50"))
                        .build(), Price.Discount.builder().code("catalog_rule").percentage(BigDecimal.TEN).build()))
                .tierPrices(List.of(Price.TierPrice.builder().qty(new BigDecimal("5")).price(new BigDecimal("49"))
                        .build(), Price.TierPrice.builder().qty(BigDecimal.TEN).percentage(new BigDecimal("15"))
                        .build()))
                .parents(List.of(Price.Parent.builder().type("configurable").sku("MH01").build()))
                .updatedAt(CHANGED).deleted(false)
                .build();
    }

    /** A variant link with every field. */
    public static Variant variant() {
        return Variant.builder()
                .id("MH01/MH01-Red").parentSku("MH01").productSku("MH01-Red").parentId("42").productId("43")
                .optionValues(List.of(Variant.OptionValue.builder().attributeCode("color")
                        .uid("Y29uZmlndXJhYmxlLzkzLzU2").label("Red").build()))
                .modifiedAt(CHANGED).deleted(false)
                .build();
    }

    /** A website with every field. */
    public static ScopeWebsite website() {
        return ScopeWebsite.builder()
                .websiteId("1").websiteCode("base")
                .stores(List.of(ScopeWebsite.Store.builder().storeId("1").storeCode("main_website_store")
                        .storeViews(List.of(ScopeWebsite.StoreView.builder().storeViewId("1").storeViewCode("default")
                                .build()))
                        .build()))
                .deleted(false)
                .build();
    }

    /** A customer group with every field. */
    public static ScopeCustomerGroup customerGroup() {
        return ScopeCustomerGroup.builder()
                .customerGroupId("1").customerGroupCode("356a192b7913b04c54574d18c28d46e6395428ab")
                .websites(List.of("base")).deleted(false)
                .build();
    }

    /** A stock status with every field. */
    public static InventoryStockStatus stockStatus() {
        return InventoryStockStatus.builder()
                .stockId("1").sku("MH01-Red").productId(43).qty(new BigDecimal("17")).qtyForSale(new BigDecimal("15"))
                .isSalable(true).infiniteStock(false).lowStock(false).updatedAt(CHANGED).deleted(false)
                .build();
    }

    /** A review with every field. */
    public static Review review() {
        return Review.builder()
                .reviewId("7").productId(42).title("Warm").text("Warm and light, fits well.").nickname("Ann")
                .customerId("3").ratings(List.of(Review.Rating.builder().ratingId("1").value("5").build()))
                .visibility(List.of("default")).deleted(false)
                .build();
    }

    /** A rating's metadata with every field. */
    public static RatingMetadata ratingMetadata() {
        return RatingMetadata.builder()
                .ratingId("1").storeViewCode("default").name("Quality")
                .values(List.of(RatingMetadata.RatingValue.builder().valueId("5").value("5").position(5).build()))
                .deleted(false)
                .build();
    }

    /** A product override with every field. */
    public static ProductOverride productOverride() {
        return ProductOverride.builder()
                .sku("MH01").websiteCode("base").customerGroupCode("1").displayable(true).buyable(false)
                .priceDisplayable(true).updatedAt(CHANGED).deleted(false)
                .build();
    }

    /** A category permission with every field. */
    public static CategoryPermission categoryPermission() {
        return CategoryPermission.builder()
                .categoryId("12").websiteCode("base").customerGroupCode("1")
                .permission(grant -> grant.displayed(true).displayProductPrice(false).addToCart(false))
                .updatedAt(CHANGED).deleted(false)
                .build();
    }
}

package io.github.commerceconnector.examples;

import static io.github.commerceconnector.examples.CatalogText.NOUNS;
import static io.github.commerceconnector.examples.CatalogText.SENTENCES;
import static io.github.commerceconnector.examples.CatalogText.pick;

import io.github.commerceconnector.api.catalog.Category;
import io.github.commerceconnector.api.catalog.CategoryPermission;
import io.github.commerceconnector.api.catalog.ProductAttribute;
import io.github.commerceconnector.api.catalog.RatingMetadata;
import io.github.commerceconnector.api.catalog.Review;
import io.github.commerceconnector.api.catalog.ScopeCustomerGroup;
import io.github.commerceconnector.api.catalog.ScopeWebsite;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the store around the products: its website and customer groups, its categories, the metadata of the
 * attributes products carry, its ratings and the reviews of its products. Stateless.
 */
final class StoreMaker {
    /**
     * The attributes products carry: code, label, input type, and whether navigation filters by them ({@code
     * filter}), search alone uses them ({@code search}) or neither ({@code none}).
     */
    static final List<String[]> ATTRIBUTES = List.of(
            new String[] {"name", "Product Name", "text", "search"},
            new String[] {"sku", "SKU", "text", "search"},
            new String[] {"description", "Description", "textarea", "search"},
            new String[] {"price", "Price", "price", "filter"},
            new String[] {"color", "Color", "select", "filter"},
            new String[] {"size", "Size", "select", "filter"},
            new String[] {"material", "Material", "multiselect", "filter"},
            new String[] {"activity", "Activity", "multiselect", "filter"},
            new String[] {"style_general", "Style", "multiselect", "filter"},
            new String[] {"climate", "Climate", "multiselect", "filter"},
            new String[] {"pattern", "Pattern", "select", "filter"},
            new String[] {"eco_collection", "Eco Collection", "boolean", "filter"},
            new String[] {"country_of_manufacture", "Country of Manufacture", "select", "filter"},
            new String[] {"gift_message_available", "Allow Gift Message", "boolean", "none"},
            new String[] {"quantity_and_stock_status", "Quantity", "select", "none"},
            new String[] {"new", "New", "boolean", "filter"},
            new String[] {"sale", "Sale", "boolean", "filter"},
            new String[] {"erin_recommends", "Erin Recommends", "boolean", "filter"});
    /** The ratings reviews give values for. */
    static final List<String> RATINGS = List.of("Quality", "Value", "Price");
    /** The customer groups: NOT LOGGED IN (id 0), then the store's own. */
    static final List<String> CUSTOMER_GROUPS = List.of("NOT LOGGED IN", "General", "Wholesale", "Retailer");

    private final String storeViewCode;
    private final String websiteCode;

    StoreMaker(String storeViewCode, String websiteCode) {
        this.storeViewCode = storeViewCode;
        this.websiteCode = websiteCode;
    }

    ScopeWebsite website() {
        return ScopeWebsite.of("1", websiteCode, ScopeWebsite.Store.of("1", ProductMaker.STORE_CODE,
                ScopeWebsite.StoreView.of("1", storeViewCode)));
    }

    ScopeCustomerGroup customerGroup(int id) {
        return ScopeCustomerGroup.of(Integer.toString(id), customerGroupCode(id), websiteCode);
    }

    /**
     * The permissions of NOT LOGGED IN customers in the category at an index (Adobe Commerce): they see every
     * category, but not the prices in every fourth, where they cannot buy either.
     */
    CategoryPermission categoryPermission(int index) {
        boolean prices = index % 4 != 3;
        return CategoryPermission.builder()
                .categoryId(Integer.toString(index + 3))
                .websiteCode(websiteCode)
                .customerGroupCode(OfferMaker.NOT_LOGGED_IN)
                .permission(CategoryPermission.Grant.of(true, prices, prices))
                .updatedAt(ProductMaker.CREATED)
                .build();
    }

    /** {@code 0} for NOT LOGGED IN (as the prices feed codes it), else the SHA-1 of the id, as the exporter does. */
    static String customerGroupCode(int id) {
        if (id == 0) {
            return OfferMaker.NOT_LOGGED_IN;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(Integer.toString(id).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    Category category(int index) {
        String path = ProductMaker.categoryPath(index);
        String name = NOUNS[index % NOUNS.length] + "s " + (index / NOUNS.length + 1);
        return Category.builder()
                .categoryId(Integer.toString(index + 3))
                .storeViewCode(storeViewCode)
                .storeCode(ProductMaker.STORE_CODE)
                .websiteCode(websiteCode)
                .name(name)
                .urlKey(path.substring(path.lastIndexOf('/') + 1))
                .urlPath(path)
                .path("1/2/" + (index + 3))
                .level(2)
                .parentId("2")
                .position(index)
                .isActive(true)
                .includeInMenu(true)
                .isAnchor(true)
                .displayMode("PRODUCTS")
                .description("<p>" + name + " for every day, every trail and every season.</p>")
                .image(ProductMaker.MEDIA + "category/" + (index + 3) + ".jpg")
                .metaTitle(name)
                .metaDescription(name + ": " + SENTENCES[index % SENTENCES.length])
                .availableSortBy(List.of("position", "name", "price"))
                .defaultSortBy("position")
                .createdAt(ProductMaker.CREATED)
                .updatedAt(ProductMaker.CREATED)
                .build();
    }

    ProductAttribute attribute(int index) {
        String[] attribute = ATTRIBUTES.get(index);
        boolean filter = attribute[3].equals("filter");
        boolean select = attribute[2].endsWith("select") || attribute[2].equals("boolean");
        return ProductAttribute.builder()
                .attributeCode(attribute[0])
                .storeViewCode(storeViewCode)
                .storeCode(ProductMaker.STORE_CODE)
                .websiteCode(websiteCode)
                .id(Integer.toString(70 + index))
                .label(attribute[1])
                .attributeType("catalog_product")
                .frontendInput(attribute[2])
                .dataType(select ? "int" : attribute[2].equals("price") ? "decimal" : "varchar")
                .isBoolean(attribute[2].equals("boolean"))
                .numeric(attribute[2].equals("price"))
                .multi(attribute[2].equals("multiselect"))
                .required(index < 3)
                .unique(attribute[0].equals("sku"))
                .global(attribute[0].equals("price"))
                .systemAttribute(index < 4)
                .searchable(!attribute[3].equals("none"))
                .searchWeight(new BigDecimal(filter ? "1" : "5"))
                .filterable(filter)
                .filterableInSearch(filter)
                .sortable(index < 4)
                .visible(true)
                .visibleInListing(index < 6)
                .visibleInSearch(true)
                .visibleInCompareList(filter)
                .usedForRules(filter)
                .modifiedAt(ProductMaker.CREATED)
                .build();
    }

    RatingMetadata rating(int index) {
        RatingMetadata.Builder rating = RatingMetadata.builder().ratingId(Integer.toString(index + 1))
                .storeViewCode(storeViewCode).name(RATINGS.get(index));
        for (int value = 1; value <= 5; value++) {
            rating.addValue(Integer.toString(index * 5 + value), Integer.toString(value), value);
        }
        return rating.build();
    }

    /** Review number {@code index}: one of the reviews of the visible products, about every other one. */
    static Review review(CatalogProfile profile, int index) {
        SplittableRandom random = new SplittableRandom(index * 0xA0761D6478BD642FL);
        int product = reviewedProduct(profile, index);
        Review.Builder review = Review.builder()
                .reviewId(Integer.toString(index + 1))
                .productId(product + 1)
                .title(pick(random, new String[] {"Love it", "Great fit", "Does the job", "Not for me", "Warm"}))
                .text(pick(random, SENTENCES) + " " + pick(random, SENTENCES))
                .nickname(pick(random, new String[] {"Ann", "Bo", "Chen", "Dara", "Eli", "Fatima", "Gus"}))
                .addVisibility("default");
        if (index % 2 == 0) {
            review.customerId(Integer.toString(100 + index));
        }
        for (int rating = 1; rating <= RATINGS.size(); rating++) {
            review.addRating(Integer.toString(rating), Integer.toString(1 + random.nextInt(5)));
        }
        return review.build();
    }

    /** The product a review is about: the index-th product visible on its own, for every other such product. */
    static int reviewedProduct(CatalogProfile profile, int index) {
        if (profile == CatalogProfile.SMALL) {
            return index * 2;
        }
        int visiblePerGroup = 4;
        int visible = index * 2;
        int group = visible / visiblePerGroup;
        int nth = visible % visiblePerGroup;
        return group * CatalogShape.GROUP + (nth == 0 ? 0 : CatalogShape.COLORS * CatalogShape.SIZES + nth);
    }

    /** How many reviews the first {@code count} products have. */
    static int reviewCount(CatalogProfile profile, int count) {
        int reviews = 0;
        while (reviewedProduct(profile, reviews) < count) {
            reviews++;
        }
        return reviews;
    }
}

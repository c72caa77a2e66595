package io.github.commerceconnector.examples;

import io.github.commerceconnector.api.catalog.Category;
import io.github.commerceconnector.api.catalog.CategoryPermission;
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
import io.github.commerceconnector.examples.CatalogShape.Role;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Generates a deterministic catalog of any size, lazily, for every feed: products and what goes with them
 * (prices, stock statuses, variant links, reviews, what guests may do with them), and the store around them
 * (website, customer groups, categories and their permissions, attribute metadata, ratings). Nothing is held in
 * memory, so a million products stream through in constant space; each part is a {@link Collection} whose size is
 * known before it is read.
 *
 * <p>The {@linkplain CatalogProfile#REALISTIC realistic} profile (the default) fills what a real store sends:
 * one product in ten is configurable, with color and size options and six variants; every product visible on its
 * own has its URL, URL rewrites, stock, four attributes or more, two categories, three or four images and related
 * products. The {@linkplain CatalogProfile#SMALL small} profile makes the small simple products of earlier
 * benchmarks.
 *
 * <p>The same index always gives the same item. A <em>revision</em> above zero changes one product in a hundred
 * (those whose index is {@code 7 mod 100}, simple products in both profiles), as a day of catalog edits would.
 */
public final class CatalogGenerator {
    private final CatalogProfile profile;
    private final ProductMaker products;
    private final OfferMaker offers;
    private final StoreMaker store;

    /** A realistic catalog for the {@code default} store view of the {@code base} website. */
    public CatalogGenerator() {
        this(CatalogProfile.REALISTIC);
    }

    /** A catalog of a profile for the {@code default} store view of the {@code base} website. */
    public CatalogGenerator(CatalogProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.products = new ProductMaker(profile, "default", "base");
        this.offers = new OfferMaker(profile, "base");
        this.store = new StoreMaker("default", "base");
    }

    /** Its profile. */
    public CatalogProfile profile() {
        return profile;
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
    public Collection<Product> products(int count) {
        return products(count, 0);
    }

    /** {@code count} products; a revision above zero changes one product in a hundred. */
    public Collection<Product> products(int count, int revision) {
        return lazy(count, index -> true, count, index -> product(index, revision));
    }

    /** The product at an index, in a revision. */
    public Product product(int index, int revision) {
        return products.product(index, revision);
    }

    /** The prices of the first {@code count} products (configurable products have none of their own). */
    public Collection<Price> prices(int count) {
        IntPredicate priced = index -> CatalogShape.role(profile, index) != Role.CONFIGURABLE;
        return lazy(count, priced, count - CatalogShape.count(profile, count, Role.CONFIGURABLE), offers::price);
    }

    /** The stock statuses of the first {@code count} products, in the default stock. */
    public Collection<InventoryStockStatus> stockStatuses(int count) {
        return lazy(count, index -> true, count, offers::stockStatus);
    }

    /** What NOT LOGGED IN customers may do with each of the first {@code count} products. */
    public Collection<ProductOverride> productOverrides(int count) {
        return lazy(count, index -> true, count, offers::productOverride);
    }

    /** The permissions of NOT LOGGED IN customers in each category (Adobe Commerce). */
    public Collection<CategoryPermission> categoryPermissions() {
        return lazy(ProductMaker.CATEGORY_COUNT, index -> true, ProductMaker.CATEGORY_COUNT,
                store::categoryPermission);
    }

    /** The variant links of the variants among the first {@code count} products (none in the small profile). */
    public Collection<Variant> variants(int count) {
        IntPredicate child = index -> CatalogShape.role(profile, index) == Role.CHILD;
        return lazy(count, child, CatalogShape.count(profile, count, Role.CHILD), OfferMaker::variant);
    }

    /** The reviews of the first {@code count} products: one for every other product visible on its own. */
    public Collection<Review> reviews(int count) {
        int reviews = StoreMaker.reviewCount(profile, count);
        return lazy(reviews, index -> true, reviews, index -> StoreMaker.review(profile, index));
    }

    /** The categories the products are in. */
    public Collection<Category> categories() {
        return lazy(ProductMaker.CATEGORY_COUNT, index -> true, ProductMaker.CATEGORY_COUNT, store::category);
    }

    /** The metadata of the attributes the products carry. */
    public Collection<ProductAttribute> productAttributes() {
        int count = StoreMaker.ATTRIBUTES.size();
        return lazy(count, index -> true, count, store::attribute);
    }

    /** The website, with its store and store view. */
    public Collection<ScopeWebsite> websites() {
        return List.of(store.website());
    }

    /** The customer groups of the website. */
    public Collection<ScopeCustomerGroup> customerGroups() {
        int count = StoreMaker.CUSTOMER_GROUPS.size();
        return lazy(count, index -> true, count, store::customerGroup);
    }

    /** The ratings reviews give values for. */
    public Collection<RatingMetadata> ratingMetadata() {
        int count = StoreMaker.RATINGS.size();
        return lazy(count, index -> true, count, store::rating);
    }

    /**
     * The items made for the indexes below {@code limit} that {@code include} accepts, made as they are read.
     *
     * @param size how many indexes {@code include} accepts
     */
    private static <T> Collection<T> lazy(int limit, IntPredicate include, int size, IntFunction<T> item) {
        if (limit < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + limit);
        }
        return new AbstractCollection<>() {
            @Override
            public Iterator<T> iterator() {
                return new Iterator<>() {
                    private int next = skip(0);

                    private int skip(int from) {
                        int index = from;
                        while (index < limit && !include.test(index)) {
                            index++;
                        }
                        return index;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < limit;
                    }

                    @Override
                    public T next() {
                        if (next >= limit) {
                            throw new NoSuchElementException();
                        }
                        T value = item.apply(next);
                        next = skip(next + 1);
                        return value;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}

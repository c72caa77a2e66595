package io.github.commerceconnector.api.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The price of a product for one website and customer group, in the {@link Feed#PRICES prices} feed.
 * Identity: {@code sku} + {@code customerGroupCode} + {@code websiteCode}. Amounts are exact decimals.
 *
 * <pre>{@code
 * Price price = Price.builder().sku("MH01").websiteCode("base").customerGroupCode("0").type("SIMPLE")
 *         .regular(new BigDecimal("52.00")).addTierPrice(Price.TierPrice.price(new BigDecimal("5"), new BigDecimal("49.00")))
 *         .build();
 * }</pre>
 *
 * @param sku               the product's SKU; identity
 * @param websiteCode       the website; identity
 * @param customerGroupCode the customer group (a hash code or {@code 0} for NOT LOGGED IN); identity
 * @param type              the price type, e.g. {@code SIMPLE}
 * @param regular           the regular price
 * @param discounts         discounts, each a fixed price or a percentage (order carries no meaning)
 * @param tierPrices        quantity tiers, each a fixed price or a percentage (order carries no meaning)
 * @param parents           the configurable or bundle products it belongs to (order carries no meaning)
 * @param updatedAt         last change (ignored by change detection)
 * @param deleted           {@code true} to delete it from the data space
 */
public record Price(String sku, String websiteCode, String customerGroupCode, String type, BigDecimal regular,
        List<Discount> discounts, List<TierPrice> tierPrices, List<Parent> parents, Instant updatedAt,
        Boolean deleted) implements FeedItem {

    /** Copies the lists; absent lists stay {@code null}. */
    public Price {
        discounts = ItemFields.copyOrNull(discounts, "discounts");
        tierPrices = ItemFields.copyOrNull(tierPrices, "tierPrices");
        parents = ItemFields.copyOrNull(parents, "parents");
    }

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this price's fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a price from its JSON object.
     *
     * @throws IllegalArgumentException naming the field, when a value has the wrong type or a field is not
     *     a price field
     */
    public static Price fromFields(Map<String, ?> fields) {
        ItemFields.Reader in = new ItemFields.Reader(fields, "price");
        Price price = new Price(in.string("sku"), in.string("websiteCode"), in.string("customerGroupCode"),
                in.string("type"), in.decimal("regular"), in.objects("discounts", Discount::fromFields),
                in.objects("tierPrices", TierPrice::fromFields), in.objects("parents", Parent::fromFields),
                in.time("updatedAt"), in.bool("deleted"));
        in.finish();
        return price;
    }

    @Override
    public Map<String, Object> fields() {
        return new ItemFields().put("sku", sku).put("websiteCode", websiteCode)
                .put("customerGroupCode", customerGroupCode).put("type", type).put("regular", regular)
                .putObjects("discounts", discounts, Discount::fields)
                .putObjects("tierPrices", tierPrices, TierPrice::fields)
                .putObjects("parents", parents, Parent::fields)
                .putTime("updatedAt", updatedAt).put("deleted", deleted)
                .build();
    }

    private static void requireOneAmount(BigDecimal price, BigDecimal percentage, String what) {
        if ((price == null) == (percentage == null)) {
            throw new IllegalArgumentException(what + " needs exactly one of price and percentage, got "
                    + (price == null ? "neither" : "both"));
        }
    }

    /**
     * A discount: a fixed price or a percentage off.
     *
     * @param code       the discount code, e.g. {@code catalog_rule}
     * @param price      the discounted price, or {@code null} when a percentage is given
     * @param percentage the percentage off, or {@code null} when a price is given
     */
    public record Discount(String code, BigDecimal price, BigDecimal percentage) {

        /** Requires exactly one of price and percentage. */
        public Discount {
            requireOneAmount(price, percentage, "Discount " + code);
        }

        /** A fixed-price discount. */
        public static Discount price(String code, BigDecimal price) {
            return new Discount(code, price, null);
        }

        /** A percentage discount. */
        public static Discount percentage(String code, BigDecimal percentage) {
            return new Discount(code, null, percentage);
        }

        /** Reads one from its JSON object. */
        public static Discount fromFields(Map<String, ?> fields) {
            ItemFields.Reader in = new ItemFields.Reader(fields, "price discount");
            Discount discount = new Discount(in.string("code"), in.decimal("price"), in.decimal("percentage"));
            in.finish();
            return discount;
        }

        /** Its JSON object. */
        public Map<String, Object> fields() {
            return new ItemFields().put("code", code).put("price", price).put("percentage", percentage).build();
        }
    }

    /**
     * A quantity tier: from {@code qty} items on, a fixed price or a percentage off.
     *
     * @param qty        the minimum quantity
     * @param price      the tier price, or {@code null} when a percentage is given
     * @param percentage the percentage off, or {@code null} when a price is given
     */
    public record TierPrice(BigDecimal qty, BigDecimal price, BigDecimal percentage) {

        /** Requires exactly one of price and percentage. */
        public TierPrice {
            requireOneAmount(price, percentage, "Tier price for qty " + qty);
        }

        /** A fixed-price tier. */
        public static TierPrice price(BigDecimal qty, BigDecimal price) {
            return new TierPrice(qty, price, null);
        }

        /** A percentage tier. */
        public static TierPrice percentage(BigDecimal qty, BigDecimal percentage) {
            return new TierPrice(qty, null, percentage);
        }

        /** Reads one from its JSON object. */
        public static TierPrice fromFields(Map<String, ?> fields) {
            ItemFields.Reader in = new ItemFields.Reader(fields, "price tier");
            TierPrice tier = new TierPrice(in.decimal("qty"), in.decimal("price"), in.decimal("percentage"));
            in.finish();
            return tier;
        }

        /** Its JSON object. */
        public Map<String, Object> fields() {
            return new ItemFields().put("qty", qty).put("price", price).put("percentage", percentage).build();
        }
    }

    /**
     * A product this price's product belongs to.
     *
     * @param type the parent's type, e.g. {@code configurable}
     * @param sku  the parent's SKU
     */
    public record Parent(String type, String sku) {

        /** Reads one from its JSON object. */
        public static Parent fromFields(Map<String, ?> fields) {
            ItemFields.Reader in = new ItemFields.Reader(fields, "price parent");
            Parent parent = new Parent(in.string("type"), in.string("sku"));
            in.finish();
            return parent;
        }

        /** Its JSON object. */
        public Map<String, Object> fields() {
            return new ItemFields().put("type", type).put("sku", sku).build();
        }
    }

    /** Builds a {@link Price}; every field starts absent. Not thread-safe. */
    public static final class Builder {
        private String sku;
        private String websiteCode;
        private String customerGroupCode;
        private String type;
        private BigDecimal regular;
        private List<Discount> discounts;
        private List<TierPrice> tierPrices;
        private List<Parent> parents;
        private Instant updatedAt;
        private Boolean deleted;

        private Builder() {
        }

        private Builder(Price p) {
            sku = p.sku;
            websiteCode = p.websiteCode;
            customerGroupCode = p.customerGroupCode;
            type = p.type;
            regular = p.regular;
            discounts = p.discounts == null ? null : new ArrayList<>(p.discounts);
            tierPrices = p.tierPrices == null ? null : new ArrayList<>(p.tierPrices);
            parents = p.parents == null ? null : new ArrayList<>(p.parents);
            updatedAt = p.updatedAt;
            deleted = p.deleted;
        }

        /** Sets the SKU (identity). */
        public Builder sku(String value) {
            sku = value;
            return this;
        }

        /** Sets the website code (identity). */
        public Builder websiteCode(String value) {
            websiteCode = value;
            return this;
        }

        /** Sets the customer group code (identity). */
        public Builder customerGroupCode(String value) {
            customerGroupCode = value;
            return this;
        }

        /** Sets the price type. */
        public Builder type(String value) {
            type = value;
            return this;
        }

        /** Sets the regular price. */
        public Builder regular(BigDecimal value) {
            regular = value;
            return this;
        }

        /**
         * Sets the regular price from a double.
         *
         * @throws IllegalArgumentException for NaN or infinity
         */
        public Builder regular(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Regular price of " + sku + " is " + value
                        + ": give a finite amount");
            }
            regular = BigDecimal.valueOf(value);
            return this;
        }

        /** Replaces the discounts ({@code null} leaves the field out). */
        public Builder discounts(List<Discount> value) {
            discounts = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /** Adds a discount. */
        public Builder addDiscount(Discount value) {
            discounts = discounts == null ? new ArrayList<>() : discounts;
            discounts.add(value);
            return this;
        }

        /** Replaces the tier prices ({@code null} leaves the field out). */
        public Builder tierPrices(List<TierPrice> value) {
            tierPrices = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /** Adds a tier price. */
        public Builder addTierPrice(TierPrice value) {
            tierPrices = tierPrices == null ? new ArrayList<>() : tierPrices;
            tierPrices.add(value);
            return this;
        }

        /** Replaces the parents ({@code null} leaves the field out). */
        public Builder parents(List<Parent> value) {
            parents = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /** Adds a parent product. */
        public Builder addParent(String type, String sku) {
            parents = parents == null ? new ArrayList<>() : parents;
            parents.add(new Parent(type, sku));
            return this;
        }

        /** Sets the last change time. */
        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /** Marks the price deleted (or not). */
        public Builder deleted(Boolean value) {
            deleted = value;
            return this;
        }

        /** The price. */
        public Price build() {
            return new Price(sku, websiteCode, customerGroupCode, type, regular, discounts, tierPrices, parents,
                    updatedAt, deleted);
        }
    }
}

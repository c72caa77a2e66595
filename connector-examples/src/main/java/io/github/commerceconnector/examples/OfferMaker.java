package io.github.commerceconnector.examples;

import io.github.commerceconnector.api.catalog.InventoryStockStatus;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.ProductOverride;
import io.github.commerceconnector.api.catalog.Variant;
import io.github.commerceconnector.examples.CatalogShape.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * Makes what the store offers of the product at an index: its price, its stock status, what guests may do with
 * it and, for a variant, its link to its configurable product. Stateless.
 */
final class OfferMaker {
    /** The NOT LOGGED IN customer group, as the prices feed codes it. */
    static final String NOT_LOGGED_IN = "0";

    private final CatalogProfile profile;
    private final String websiteCode;

    OfferMaker(CatalogProfile profile, String websiteCode) {
        this.profile = profile;
        this.websiteCode = websiteCode;
    }

    /** The price of a product for the NOT LOGGED IN group; configurable products have none of their own. */
    Price price(int index) {
        SplittableRandom random = new SplittableRandom(index * 0xC2B2AE3D27D4EB4FL);
        BigDecimal regular = BigDecimal.valueOf(499 + random.nextInt(20_000), 2);
        Price.Builder price = Price.builder()
                .sku(CatalogGenerator.sku(index))
                .websiteCode(websiteCode)
                .customerGroupCode(NOT_LOGGED_IN)
                .type("SIMPLE")
                .regular(regular)
                .updatedAt(ProductMaker.CREATED);
        if (profile == CatalogProfile.SMALL) {
            return price.build();
        }
        price.productId(index + 1).websiteId(1);
        if (index % 5 == 2) {
            price.addDiscount(Price.Discount.price("special_price", regular.multiply(new BigDecimal("0.8"))
                    .setScale(2, RoundingMode.HALF_UP)));
        }
        if (index % 10 == 3) {
            price.addTierPrice(Price.TierPrice.percentage(new BigDecimal("5"), new BigDecimal("10")));
        }
        if (CatalogShape.role(profile, index) == Role.CHILD) {
            price.addParent("configurable", CatalogGenerator.sku(CatalogShape.parent(index)));
        }
        return price.build();
    }

    /** The stock status of a product in the default stock. */
    InventoryStockStatus stockStatus(int index) {
        boolean configurable = CatalogShape.role(profile, index) == Role.CONFIGURABLE;
        int qty = configurable ? 0 : ProductMaker.quantity(index);
        boolean salable = configurable || qty > 0;
        return InventoryStockStatus.builder()
                .stockId("1")
                .sku(CatalogGenerator.sku(index))
                .productId(index + 1)
                .qty(BigDecimal.valueOf(qty))
                .qtyForSale(BigDecimal.valueOf(Math.max(0, qty - index % 3)))
                .isSalable(salable)
                .infiniteStock(false)
                .lowStock(!configurable && qty <= 5)
                .updatedAt(ProductMaker.CREATED)
                .build();
    }

    /**
     * What NOT LOGGED IN customers may do with a product: every twentieth product is for logged-in customers
     * only (hidden from guests), and a configurable product is not bought itself (its variants are).
     */
    ProductOverride productOverride(int index) {
        boolean forGuests = index % 20 != 19;
        return ProductOverride.builder()
                .sku(CatalogGenerator.sku(index))
                .websiteCode(websiteCode)
                .customerGroupCode(NOT_LOGGED_IN)
                .displayable(forGuests)
                .buyable(forGuests && CatalogShape.role(profile, index) != Role.CONFIGURABLE)
                .priceDisplayable(forGuests)
                .updatedAt(ProductMaker.CREATED)
                .build();
    }

    /** The variant link of a child to its configurable product, with the color and size that select it. */
    static Variant variant(int index) {
        int parent = CatalogShape.parent(index);
        int color = CatalogShape.color(parent, CatalogShape.childColor(index));
        int size = CatalogShape.size(CatalogShape.childSize(index));
        return Variant.builder()
                .id(CatalogGenerator.sku(parent) + "/" + CatalogGenerator.sku(index))
                .parentSku(CatalogGenerator.sku(parent))
                .productSku(CatalogGenerator.sku(index))
                .parentId(Integer.toString(parent + 1))
                .productId(Integer.toString(index + 1))
                .addOptionValue("color", CatalogShape.uid(CatalogShape.COLOR_ATTRIBUTE,
                        CatalogShape.colorValueId(color)), CatalogText.COLORS[color])
                .addOptionValue("size", CatalogShape.uid(CatalogShape.SIZE_ATTRIBUTE, CatalogShape.sizeValueId(size)),
                        CatalogText.SIZES[size])
                .modifiedAt(ProductMaker.CREATED)
                .build();
    }
}

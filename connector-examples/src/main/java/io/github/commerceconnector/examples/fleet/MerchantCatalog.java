package io.github.commerceconnector.examples.fleet;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.util.Collection;
import java.util.List;

/**
 * What the fleet syncs for a merchant: its generated catalog's products, then their prices, in that order (one
 * data space's guardrail paces both). The same merchant always gives the same items, in every worker.
 */
public final class MerchantCatalog {
    /** The feeds synced for every merchant, in order. */
    public static final List<Feed> FEEDS = List.of(Feed.PRODUCTS, Feed.PRICES);

    private static final CatalogGenerator GENERATOR = new CatalogGenerator();

    private MerchantCatalog() {
    }

    /**
     * The items of one of a merchant's feeds, made as they are read.
     *
     * @param merchant the merchant
     * @param feed     one of {@link #FEEDS}
     * @return the items
     * @throws IllegalArgumentException for another feed
     */
    public static Collection<? extends FeedItem> items(Merchant merchant, Feed feed) {
        if (feed.equals(Feed.PRODUCTS)) {
            return GENERATOR.products(merchant.products(), merchant.revision());
        }
        if (feed.equals(Feed.PRICES)) {
            return GENERATOR.prices(merchant.products());
        }
        throw new IllegalArgumentException("The fleet syncs " + FEEDS.stream().map(Feed::name).toList()
                + ", not " + feed.name());
    }
}

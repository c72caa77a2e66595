package io.github.commerceconnector.testkit.internal.account;

import io.github.commerceconnector.api.catalog.Feed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The feeds an account accepts, by route. Several feeds may share a route ({@code feeds/scopes/v2}
 * carries both scope feeds): an item then belongs to the feed whose identity fields it carries, the
 * feed with more identity fields winning, and the feed registered first winning a tie. The customer
 * group scope feed is registered before the website one, so an item carrying both
 * {@code customerGroupCode} and {@code websiteCode} is a customer group scope. Not thread-safe: the
 * {@link AccountState} guards it.
 */
final class FeedRoutes {
    private final Map<String, Feed> byName = new LinkedHashMap<>();

    FeedRoutes() {
        for (Feed feed : List.of(Feed.PRODUCTS, Feed.PRODUCT_ATTRIBUTES, Feed.CATEGORIES, Feed.PRICES, Feed.VARIANTS,
                Feed.SCOPES_CUSTOMER_GROUP, Feed.SCOPES_WEBSITE, Feed.INVENTORY_STOCK_STATUS, Feed.REVIEWS,
                Feed.RATING_METADATA, Feed.PRODUCT_OVERRIDES, Feed.CATEGORY_PERMISSIONS)) {
            byName.put(feed.name(), feed);
        }
    }

    /** Adds a feed, replacing the one of the same name (a custom variants route, say). */
    void register(Feed feed) {
        byName.remove(feed.name());
        byName.put(feed.name(), Objects.requireNonNull(feed, "feed"));
    }

    /** The feeds served at a route, in registration order; empty when none. */
    List<Feed> atRoute(String route) {
        List<Feed> feeds = new ArrayList<>(2);
        for (Feed feed : byName.values()) {
            if (feed.route().equals(route)) {
                feeds.add(feed);
            }
        }
        return feeds;
    }

    /** Every registered feed. */
    List<Feed> all() {
        return List.copyOf(byName.values());
    }

    /** The feed an item at this route belongs to, or {@code null} when it lacks every feed's identity. */
    static Feed resolve(List<Feed> feeds, Map<String, Object> item) {
        Feed best = null;
        for (Feed feed : feeds) {
            if (carriesIdentity(feed, item) && (best == null
                    || feed.identityFields().size() > best.identityFields().size())) {
                best = feed;
            }
        }
        return best;
    }

    /** Whether an item carries a usable value (a non-blank string or a number) for an identity field. */
    static boolean hasIdentityValue(Map<String, Object> item, String field) {
        Object value = item.get(field);
        return (value instanceof String || value instanceof Number) && !value.toString().isBlank();
    }

    private static boolean carriesIdentity(Feed feed, Map<String, Object> item) {
        for (String field : feed.identityFields()) {
            if (!hasIdentityValue(item, field)) {
                return false;
            }
        }
        return true;
    }
}

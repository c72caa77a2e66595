package io.github.commerceconnector.api.catalog;

import java.util.List;
import java.util.Map;

/**
 * A website with its stores and store views, in the {@link Feed#SCOPES_WEBSITE scopesWebsite} feed.
 * Identity: {@code websiteCode}. Field names follow the exporter's scopes feed (an assumption of this
 * SDK: the feed's schema is not public).
 *
 * @param websiteId   the store's website id
 * @param websiteCode the website code, e.g. {@code base}; identity
 * @param stores      its stores (order carries no meaning)
 * @param deleted     {@code true} to delete it from the data space
 */
public record ScopeWebsite(String websiteId, String websiteCode, List<Store> stores, Boolean deleted)
        implements FeedItem {

    /** Copies the stores. */
    public ScopeWebsite {
        stores = ItemFields.copyOrNull(stores, "stores");
    }

    /** A website with its stores. */
    public static ScopeWebsite of(String websiteId, String websiteCode, Store... stores) {
        return new ScopeWebsite(websiteId, websiteCode, List.of(stores), null);
    }

    /**
     * Reads a website scope from its JSON object.
     *
     * @throws IllegalArgumentException naming the field, when a value has the wrong type or a field is not
     *     a website scope field
     */
    public static ScopeWebsite fromFields(Map<String, ?> fields) {
        ItemFields.Reader in = new ItemFields.Reader(fields, "website scope");
        ScopeWebsite website = new ScopeWebsite(in.string("websiteId"), in.string("websiteCode"),
                in.objects("stores", Store::fromFields), in.bool("deleted"));
        in.finish();
        return website;
    }

    @Override
    public Map<String, Object> fields() {
        return new ItemFields().put("websiteId", websiteId).put("websiteCode", websiteCode)
                .putObjects("stores", stores, Store::fields).put("deleted", deleted)
                .build();
    }

    /**
     * A store (group) of a website.
     *
     * @param storeId    the store id
     * @param storeCode  the store code
     * @param storeViews its store views (order carries no meaning)
     */
    public record Store(String storeId, String storeCode, List<StoreView> storeViews) {

        /** Copies the store views. */
        public Store {
            storeViews = ItemFields.copyOrNull(storeViews, "storeViews");
        }

        /** A store with its views. */
        public static Store of(String storeId, String storeCode, StoreView... storeViews) {
            return new Store(storeId, storeCode, List.of(storeViews));
        }

        /** Reads one from its JSON object. */
        public static Store fromFields(Map<String, ?> fields) {
            ItemFields.Reader in = new ItemFields.Reader(fields, "website scope store");
            Store store = new Store(in.string("storeId"), in.string("storeCode"),
                    in.objects("storeViews", StoreView::fromFields));
            in.finish();
            return store;
        }

        /** Its JSON object. */
        public Map<String, Object> fields() {
            return new ItemFields().put("storeId", storeId).put("storeCode", storeCode)
                    .putObjects("storeViews", storeViews, StoreView::fields).build();
        }
    }

    /**
     * A store view of a store.
     *
     * @param storeViewId   the store view id
     * @param storeViewCode the store view code, e.g. {@code default}
     */
    public record StoreView(String storeViewId, String storeViewCode) {

        /** Reads one from its JSON object. */
        public static StoreView fromFields(Map<String, ?> fields) {
            ItemFields.Reader in = new ItemFields.Reader(fields, "website scope store view");
            StoreView view = new StoreView(in.string("storeViewId"), in.string("storeViewCode"));
            in.finish();
            return view;
        }

        /** Its JSON object. */
        public Map<String, Object> fields() {
            return new ItemFields().put("storeViewId", storeViewId).put("storeViewCode", storeViewCode).build();
        }
    }
}

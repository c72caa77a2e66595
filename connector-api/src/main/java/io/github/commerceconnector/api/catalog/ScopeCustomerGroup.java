package io.github.commerceconnector.api.catalog;

import java.util.List;
import java.util.Map;

/**
 * A customer group and the websites it applies to, in the
 * {@link Feed#SCOPES_CUSTOMER_GROUP scopesCustomerGroup} feed. Identity: {@code customerGroupCode}.
 * Field names follow the exporter's scopes feed (an assumption of this SDK: the feed's schema is not
 * public).
 *
 * @param customerGroupId   the store's customer group id
 * @param customerGroupCode the group's code as the prices feed uses it; identity
 * @param websites          the website codes it applies to (order carries no meaning)
 * @param deleted           {@code true} to delete it from the data space
 */
public record ScopeCustomerGroup(String customerGroupId, String customerGroupCode, List<String> websites,
        Boolean deleted) implements FeedItem {

    /** Copies the website codes. */
    public ScopeCustomerGroup {
        websites = ItemFields.copyOrNull(websites, "websites");
    }

    /** A customer group for some websites. */
    public static ScopeCustomerGroup of(String customerGroupId, String customerGroupCode, String... websites) {
        return new ScopeCustomerGroup(customerGroupId, customerGroupCode, List.of(websites), null);
    }

    /**
     * Reads a customer group scope from its JSON object.
     *
     * @throws IllegalArgumentException naming the field, when a value has the wrong type or a field is not
     *     a customer group scope field
     */
    public static ScopeCustomerGroup fromFields(Map<String, ?> fields) {
        ItemFields.Reader in = new ItemFields.Reader(fields, "customer group scope");
        ScopeCustomerGroup group = new ScopeCustomerGroup(in.string("customerGroupId"),
                in.string("customerGroupCode"), in.strings("websites"), in.bool("deleted"));
        in.finish();
        return group;
    }

    @Override
    public Map<String, Object> fields() {
        return new ItemFields().put("customerGroupId", customerGroupId).put("customerGroupCode", customerGroupCode)
                .put("websites", websites).put("deleted", deleted)
                .build();
    }
}

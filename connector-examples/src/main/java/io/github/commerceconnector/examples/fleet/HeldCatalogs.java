package io.github.commerceconnector.examples.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares what a fake account holds for a merchant with the merchant's generated catalog, item by item, as JSON
 * (arrays as multisets and numbers by value, as the SDK sends them in a canonical form; without the times of change,
 * which alone do not make an item changed): the check that a fleet's syncs
 * ended exact.
 */
public final class HeldCatalogs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The top-level fields that only say when an item changed: the SDK does not send an item again for them alone
     * (an item whose other fields did not change is unchanged), so they are not compared.
     */
    private static final Set<String> CHANGE_TIMES = Set.of("updatedAt", "modifiedAt");

    private HeldCatalogs() {
    }

    /**
     * How many items of the merchant's feeds the data space does not hold exactly: missing, different, or held but
     * not in the catalog.
     *
     * @param account     the fake account behind the gateway
     * @param dataSpaceId the merchant's data space
     * @param merchant    the merchant, with its current revision
     * @return 0 when the data space holds exactly the catalog
     */
    public static long differences(FakeCommerceServices account, String dataSpaceId, Merchant merchant) {
        long differences = 0;
        for (Feed feed : MerchantCatalog.FEEDS) {
            Map<ItemKey, Object> held = new HashMap<>();
            for (Map<String, Object> item : account.items(dataSpaceId, feed)) {
                held.put(ItemKey.ofItem(feed, item), asJson(item));
            }
            for (FeedItem item : MerchantCatalog.items(merchant, feed)) {
                Object expected = asJson(item.fields());
                if (!expected.equals(held.remove(ItemKey.ofItem(feed, item.fields())))) {
                    differences++;
                }
            }
            differences += held.size();
        }
        return differences;
    }

    /**
     * The item as Jackson reads it back (the same types for the same JSON, whatever the item was made of), with each
     * array's elements in the order of their text and numbers by value: the SDK sends the arrays whose order carries
     * no meaning (attributes, images, ...) in a canonical order of its own, and {@code 5.00} as {@code 5}.
     */
    private static Object asJson(Map<String, Object> item) {
        Map<String, Object> compared = new HashMap<>(item);
        compared.keySet().removeAll(CHANGE_TIMES);
        try {
            return ordered(JSON.readValue(JSON.writeValueAsBytes(compared), Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("An item could not be written and read back as JSON: " + e.getMessage(),
                    e);
        }
    }

    private static Object ordered(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> sorted = new TreeMap<>();
            map.forEach((key, element) -> sorted.put(key, ordered(element)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(HeldCatalogs::ordered).sorted(Comparator.comparing(String::valueOf)).toList();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        return value;
    }
}

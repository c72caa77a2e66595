package io.github.commerceconnector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.internal.catalog.CanonicalJson;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The full-fidelity run: the SDK with its throughput settings syncs the catalog to a gateway that parses and
 * stores every item, then every product the gateway holds is compared field by field with the generated
 * catalog (numbers by value, so {@code 12.30} equals {@code 12.3}, and the elements of order-free arrays in any
 * order); then 1% of the products change, the catalog
 * is synced again and compared again: the changed products must be held in their new revision, the others as
 * first sent (a new revision also moves every product's {@code updatedAt}, which change detection ignores, so
 * those are rightly not resent).
 */
final class FidelityCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final CanonicalJson CANONICAL = new CanonicalJson();
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private FidelityCheck() {
    }

    /** Runs the check on {@code size} products. */
    static Figures run(CatalogGenerator catalog, int size) {
        Path state = Directories.create("bench-fidelity-");
        Figures figures = new Figures().put("items", size);
        try (BenchRig rig = BenchRig.start(false, 0);
                CommerceServicesClient client = rig.client(state, SdkScenarios.UNLIMITED, 0)) {
            SyncReport first = client.catalog().sync(Feed.PRODUCTS, catalog.products(size));
            figures.put("sent", first.sent());
            compare(catalog, rig, size, 0, figures, "");
            SyncReport second = client.catalog().sync(Feed.PRODUCTS, catalog.products(size, 1));
            figures.put("changedSent", second.sent()).put("expectedChanged", SdkScenarios.changedCount(size));
            compare(catalog, rig, size, 1, figures, "changed");
        } finally {
            Directories.deleteTree(state);
        }
        return figures;
    }

    private static void compare(CatalogGenerator catalog, BenchRig rig, int size, int revision, Figures figures,
            String prefix) {
        List<Map<String, Object>> held = rig.gateway().services().items(rig.dataSpaceId(0), Feed.PRODUCTS);
        Map<String, Map<String, Object>> bySku = new HashMap<>();
        for (Map<String, Object> item : held) {
            bySku.put((String) item.get("sku"), item);
        }
        long missing = 0;
        long different = 0;
        for (int index = 0; index < size; index++) {
            Map<String, Object> actual = bySku.get(CatalogGenerator.sku(index));
            if (actual == null) {
                missing++;
                continue;
            }
            int sent = revision > 0 && CatalogGenerator.changesInRevision(index) ? revision : 0;
            if (!same(catalog.product(index, sent).fields(), actual)) {
                different++;
            }
        }
        figures.put(name(prefix, "held"), held.size())
                .put(name(prefix, "missing"), missing)
                .put(name(prefix, "different"), different)
                .put(name(prefix, "extra"), held.size() - (size - missing))
                .put(name(prefix, "exact"), missing == 0 && different == 0 && held.size() == size ? 1 : 0);
    }

    /**
     * Whether the gateway holds an item as it was given: the same canonical text (every field, numbers by
     * value, the elements of order-free arrays in any order, as the SDK sends them in their canonical order)
     * and the same values of the fields change detection leaves out.
     */
    private static boolean same(Map<String, Object> expected, Map<String, Object> actual) {
        if (!CANONICAL.of(expected).equals(CANONICAL.of(actual))) {
            return false;
        }
        for (String field : CanonicalJson.IGNORED_FIELDS) {
            if (!MAPPER.valueToTree(expected.get(field)).equals(BY_VALUE, MAPPER.valueToTree(actual.get(field)))) {
                return false;
            }
        }
        return true;
    }

    private static String name(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

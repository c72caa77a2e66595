package io.github.commerceconnector.api.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A variant link of the {@link Feed#VARIANTS variants} feed: a simple product offered as an option of a
 * configurable one. Identity: {@code parentSku} + {@code productSku}. The variants feed is not public;
 * its field names follow the exporter's {@code productVariants} feed (an assumption of this SDK).
 *
 * @param id           the variant id, e.g. {@code parent-sku/child-sku}
 * @param parentId     the parent product's id
 * @param productId    the child product's id
 * @param parentSku    the configurable product's SKU; identity
 * @param productSku   the child product's SKU; identity
 * @param optionValues the option values selecting this child, e.g. {@code color:red} (order carries no
 *                     meaning)
 * @param modifiedAt   last export change (ignored by change detection)
 * @param deleted      {@code true} to delete it from the data space
 */
public record Variant(String id, String parentId, String productId, String parentSku, String productSku,
        List<String> optionValues, Instant modifiedAt, Boolean deleted) implements FeedItem {

    /** Copies the option values. */
    public Variant {
        optionValues = ItemFields.copyOrNull(optionValues, "optionValues");
    }

    /** A variant linking a child SKU to its parent, with its option values. */
    public static Variant of(String parentSku, String productSku, String... optionValues) {
        return new Variant(null, null, null, parentSku, productSku, List.of(optionValues), null, null);
    }

    /**
     * Reads a variant from its JSON object.
     *
     * @throws IllegalArgumentException naming the field, when a value has the wrong type or a field is not
     *     a variant field
     */
    public static Variant fromFields(Map<String, ?> fields) {
        ItemFields.Reader in = new ItemFields.Reader(fields, "variant");
        Variant variant = new Variant(in.string("id"), in.string("parentId"), in.string("productId"),
                in.string("parentSku"), in.string("productSku"), in.strings("optionValues"), in.time("modifiedAt"),
                in.bool("deleted"));
        in.finish();
        return variant;
    }

    @Override
    public Map<String, Object> fields() {
        return new ItemFields().put("id", id).put("parentId", parentId).put("productId", productId)
                .put("parentSku", parentSku).put("productSku", productSku).put("optionValues", optionValues)
                .putTime("modifiedAt", modifiedAt).put("deleted", deleted)
                .build();
    }
}

package io.github.commerceconnector.core.internal.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.commerceconnector.api.spi.TransportResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a feed request's {@code 200} reply: the optional {@code invalidFeedItems}, whose entries name an item
 * by {@code itemIndex} or by a {@code field} of the form {@code /<n>/<fieldName>}, {@code n} being its position
 * in the array sent. Items not listed were accepted.
 */
final class FeedReply {
    private static final Logger LOG = LoggerFactory.getLogger(FeedReply.class);

    private FeedReply() {
    }

    /**
     * Why the gateway refused one item.
     *
     * @param code    the gateway's code, or {@code null}
     * @param field   the field it named, or {@code null}
     * @param message its message
     */
    record Refusal(String code, String field, String message) {
    }

    /** The refused items of a reply to a batch of {@code size} items, by position in the batch. */
    static Map<Integer, Refusal> refusals(TransportResponse response, int size) {
        Map<Integer, Refusal> refused = new HashMap<>();
        if (response.body().length == 0) {
            return refused;
        }
        JsonNode root;
        try {
            root = FeedJson.read(response.body());
        } catch (IOException e) {
            LOG.warn("The gateway accepted a feed request with a reply that is not JSON; taking every item as "
                    + "accepted ({})", e.getClass().getSimpleName());
            return refused;
        }
        JsonNode entries = root == null ? null : root.get("invalidFeedItems");
        if (entries == null || !entries.isArray()) {
            return refused;
        }
        for (JsonNode entry : entries) {
            read(entry, size, refused);
        }
        return refused;
    }

    private static void read(JsonNode entry, int size, Map<Integer, Refusal> refused) {
        int index = -1;
        String field = null;
        if (entry.hasNonNull("itemIndex") && entry.get("itemIndex").canConvertToInt()) {
            index = entry.get("itemIndex").asInt();
        } else if (entry.hasNonNull("field")) {
            String pointer = entry.get("field").asText();
            String[] parts = pointer.startsWith("/") ? pointer.substring(1).split("/", 2) : new String[0];
            if (parts.length > 0 && parts[0].matches("\\d{1,9}")) {
                index = Integer.parseInt(parts[0]);
                field = parts.length > 1 ? parts[1] : null;
            }
        }
        if (index < 0 || index >= size) {
            LOG.warn("Ignoring an invalidFeedItems entry that names no item of the {} sent: {}", size,
                    entry.has("itemIndex") ? "itemIndex " + entry.get("itemIndex") : "field " + entry.get("field"));
            return;
        }
        String message = entry.hasNonNull("message") ? entry.get("message").asText() : "refused by the gateway";
        String code = entry.hasNonNull("code") ? entry.get("code").asText() : null;
        String text = field == null ? message : field + ": " + message;
        Refusal previous = refused.get(index);
        refused.put(index, previous == null ? new Refusal(code, field, text)
                : new Refusal(previous.code() == null ? code : previous.code(),
                        previous.field() == null ? field : previous.field(), previous.message() + "; " + text));
    }
}

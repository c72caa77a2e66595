package io.github.commerceconnector.core.internal.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Map;

/** The JSON of feed items and replies, on Jackson: items as compact UTF-8, decimals written plainly. */
public final class FeedJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private FeedJson() {
    }

    /**
     * An item's JSON object as UTF-8 bytes.
     *
     * @throws IllegalArgumentException if a value cannot be written as JSON (validate first)
     */
    public static byte[] write(Map<String, ?> fields) {
        try {
            return MAPPER.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Item cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a reply body.
     *
     * @throws IOException if it is not JSON
     */
    public static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }
}

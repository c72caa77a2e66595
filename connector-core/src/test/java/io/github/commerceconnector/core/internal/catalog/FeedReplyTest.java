package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.spi.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedReplyTest {

    private static Map<Integer, FeedReply.Refusal> refusals(String body, int size) {
        return FeedReply.refusals(new TransportResponse(200, Map.of(), body.getBytes(StandardCharsets.UTF_8)), size);
    }

    @Test
    void readsItemIndexAndFieldPointers() {
        Map<Integer, FeedReply.Refusal> refused = refusals("""
                {"invalidFeedItems":[{"itemIndex":0,"code":"E1","message":"bad sku"},
                                     {"field":"/2/images/0/url","message":"not a URL"}]}""", 3);
        assertEquals(new FeedReply.Refusal("E1", null, "bad sku"), refused.get(0));
        assertEquals(new FeedReply.Refusal(null, "images/0/url", "images/0/url: not a URL"), refused.get(2));
        assertEquals(2, refused.size());
    }

    @Test
    void mergesSeveralEntriesForOneItem() {
        Map<Integer, FeedReply.Refusal> refused = refusals("""
                {"invalidFeedItems":[{"field":"/1/name","message":"empty"},{"itemIndex":1,"code":"E2","message":"x"}]}""", 2);
        assertEquals("name: empty; x", refused.get(1).message());
        assertEquals("E2", refused.get(1).code());
    }

    @Test
    void anEmptyOrForeignBodyMeansEverythingWasAccepted() {
        assertTrue(refusals("", 3).isEmpty());
        assertTrue(refusals("{}", 3).isEmpty());
        assertTrue(refusals("OK", 3).isEmpty());
        assertTrue(refusals("{\"invalidFeedItems\":[{\"itemIndex\":7,\"message\":\"out of range\"},"
                + "{\"field\":\"sku\",\"message\":\"no index\"}]}", 3).isEmpty());
    }
}

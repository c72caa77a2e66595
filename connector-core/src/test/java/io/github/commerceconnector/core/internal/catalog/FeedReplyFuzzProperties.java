package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.testsupport.FuzzJson;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzes the reader of a feed request's {@code 200} reply ({@code invalidFeedItems}): whatever the body, it never
 * throws, and every refusal it returns names an item of the batch, with a message.
 */
class FeedReplyFuzzProperties {
    private static final List<String> KEYS = List.of("invalidFeedItems", "itemIndex", "field", "code", "message");
    private static final List<Object> VALUES = List.of(0, 1, 2, 7, 99, 100, -1, 2147483647, "3", "/0/sku", "/1/",
            "/12/name/0", "/x/y", "/", "", "MISSING_IDENTITY", "refused", 1.5, List.of());

    @Provide
    Arbitrary<byte[]> replies() {
        return FuzzJson.bodies(KEYS, VALUES);
    }

    @Property(tries = 600)
    void anyReplyGivesRefusalsOfItemsInTheBatchOnly(@ForAll("replies") byte[] body,
            @ForAll @IntRange(min = 1, max = 100) int batchSize) {
        Map<Integer, FeedReply.Refusal> refusals = FeedReply.refusals(new TransportResponse(200, Map.of(), body),
                batchSize);

        for (Map.Entry<Integer, FeedReply.Refusal> refusal : refusals.entrySet()) {
            assertTrue(refusal.getKey() >= 0 && refusal.getKey() < batchSize, "index " + refusal.getKey());
            assertNotNull(refusal.getValue().message());
        }
    }
}

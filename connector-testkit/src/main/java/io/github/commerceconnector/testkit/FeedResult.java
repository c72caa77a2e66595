package io.github.commerceconnector.testkit;

import java.util.List;

/**
 * What the fake account did with one batch of feed items.
 *
 * @param upserted     items stored (new, or replacing the item of the same identity)
 * @param deleted      items removed by {@code "deleted": true}
 * @param invalidItems items refused, in the order sent
 */
public record FeedResult(int upserted, int deleted, List<InvalidItem> invalidItems) {

    /** Copies the list. */
    public FeedResult {
        invalidItems = List.copyOf(invalidItems);
    }

    /** Whether every item was accepted. */
    public boolean allAccepted() {
        return invalidItems.isEmpty();
    }
}

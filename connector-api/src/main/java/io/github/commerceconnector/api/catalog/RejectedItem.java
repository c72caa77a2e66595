package io.github.commerceconnector.api.catalog;

/**
 * An item that was not accepted and will not be sent again until its content changes.
 *
 * @param key    its identity ({@code null} only when the identity itself was missing; see {@code position})
 * @param reason what is wrong, from the client's validation or the gateway's {@code invalidFeedItems}
 * @param code   the gateway's or the validator's code, e.g. {@code MISSING_IDENTITY}; may be {@code null}
 * @param field  the offending field, or {@code null}
 * @param position the item's 0-based position in the call's input, or {@code -1} when unknown
 */
public record RejectedItem(ItemKey key, String reason, String code, String field, long position) {
}

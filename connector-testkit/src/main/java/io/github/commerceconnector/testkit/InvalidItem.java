package io.github.commerceconnector.testkit;

import java.util.Objects;

/**
 * An item the fake account refused, as the gateway lists it in {@code invalidFeedItems}.
 *
 * @param itemIndex the item's 0-based position in the array sent
 * @param code      a short code: {@code NOT_AN_OBJECT}, {@code MISSING_IDENTITY} or {@code INVALID_FIELD}
 * @param message   what is wrong and what would be right
 */
public record InvalidItem(int itemIndex, String code, String message) {

    /** Checks the fields. */
    public InvalidItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}

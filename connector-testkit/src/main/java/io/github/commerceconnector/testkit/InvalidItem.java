package io.github.commerceconnector.testkit;

import java.util.Objects;

/**
 * An item the fake account refused, as the gateway lists it in {@code invalidFeedItems}: either by position
 * ({@code {"itemIndex": n, "code": "...", "message": "..."}}) or, for a field that does not fit the exporter's
 * schema ({@linkplain FakeGateway.Builder#checkSchema schema mode}), by field
 * ({@code {"field": "/<n>/<name>", "message": "..."}}).
 *
 * @param itemIndex the item's 0-based position in the array sent
 * @param code      a short code: {@code NOT_AN_OBJECT}, {@code MISSING_IDENTITY}, {@code INVALID_FIELD} or
 *                  {@code SCHEMA_MISMATCH} (the reply by field carries no code)
 * @param message   what is wrong and what would be right
 * @param field     the offending field as the gateway names it, {@code /<n>/<name>} (a JSON pointer into the
 *                  array sent), or {@code null} when the item is named by position
 */
public record InvalidItem(int itemIndex, String code, String message, String field) {

    /** Checks the fields. */
    public InvalidItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An item refused by position. */
    public InvalidItem(int itemIndex, String code, String message) {
        this(itemIndex, code, message, null);
    }
}

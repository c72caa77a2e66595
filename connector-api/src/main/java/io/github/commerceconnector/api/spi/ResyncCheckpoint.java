package io.github.commerceconnector.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * How far the resync of a feed that has not finished got, as {@link FeedSyncState} keeps it: the count of leading
 * items, in the caller's item order, whose outcome is final (accepted, refused, or rejected before sending), and
 * when the resync started (an item recorded as accepted or refused since then need not be sent again when the
 * resync is resumed). Stores may keep the start to the second.
 *
 * @param started        when the resync started
 * @param confirmedItems leading items whose outcome is final, at least 0
 */
public record ResyncCheckpoint(Instant started, long confirmedItems) {

    /** Checks the values. */
    public ResyncCheckpoint {
        Objects.requireNonNull(started, "started");
        if (confirmedItems < 0) {
            throw new IllegalArgumentException("A resync checkpoint counts 0 or more items, not " + confirmedItems);
        }
    }
}

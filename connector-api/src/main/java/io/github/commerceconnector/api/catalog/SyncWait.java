package io.github.commerceconnector.api.catalog;

import java.time.Duration;
import java.util.Objects;

/**
 * A catalog call is holding its requests back instead of giving up: the gateway throttled it, failed it, or the
 * endpoint's circuit breaker is open. The call goes on by itself once the wait is over; it ends only when the
 * gateway has failed continuously for longer than the sync deadline.
 *
 * @param feed          the feed being synced
 * @param reason        why it waits
 * @param expectedWait  how long it expects to wait before the next request (a best guess; the gateway decides)
 * @param failingFor    how long the gateway has failed this call without a single success; zero when throttled
 *                      only
 * @param patienceLeft  how much longer the call keeps trying before it ends (the sync deadline minus
 *                      {@code failingFor})
 */
public record SyncWait(Feed feed, Reason reason, Duration expectedWait, Duration failingFor, Duration patienceLeft) {

    /** Checks the values. */
    public SyncWait {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expectedWait, "expectedWait");
        Objects.requireNonNull(failingFor, "failingFor");
        Objects.requireNonNull(patienceLeft, "patienceLeft");
    }

    /** Why a catalog call waits. */
    public enum Reason {
        /** The gateway answered {@code 429}: no request leaves before its {@code Retry-After} has passed. */
        THROTTLED,
        /** The gateway failed requests ({@code 5xx}, {@code 408}, a reset, a timeout): the call backs off. */
        ENDPOINT_FAILING,
        /** The endpoint's circuit breaker is open: the call waits for it, then probes one request at a time. */
        BREAKER_OPEN
    }
}

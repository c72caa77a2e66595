package io.github.commerceconnector.api.observation;

/** The state of a gateway endpoint's circuit breaker, as an observer reads it. */
public enum BreakerState {
    /** Requests go through freely. */
    CLOSED,
    /** A few trial requests go through, one at a time; their outcome closes or opens the breaker again. */
    HALF_OPEN,
    /** The endpoint failed repeatedly: requests are refused without being sent, for the breaker's open period. */
    OPEN
}

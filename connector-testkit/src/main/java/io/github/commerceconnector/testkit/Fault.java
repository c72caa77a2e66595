package io.github.commerceconnector.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What an injected failure answers instead of the normal reply. The same fault drives the in-memory
 * clients (which throw the exception the real HTTP client would) and the {@link FakeGateway} (which
 * answers it on the wire).
 *
 * <pre>{@code
 * services.failures().next(2).respond(Fault.status(503));
 * services.failures().when(call -> call.isFeed(Feed.PRICES)).respond(Fault.throttle(Duration.ofSeconds(2)));
 * gateway.failures().next(1).respond(Fault.network(NetworkFault.CONNECTION_RESET));
 * }</pre>
 */
public sealed interface Fault permits Fault.Status, Fault.Throttle, Fault.Timeout, Fault.Network {

    /** An error reply with this status and a default message (e.g. {@code 503}). */
    static Fault status(int status) {
        return new Status(status, "Injected failure: HTTP " + status);
    }

    /** An error reply with this status and message, in the gateway's error shape. */
    static Fault status(int status, String message) {
        return new Status(status, message);
    }

    /** A {@code 429} with {@code Retry-After} (whole seconds, rounded up). */
    static Fault throttle(Duration retryAfter) {
        return new Throttle(retryAfter);
    }

    /**
     * No reply at all: the gateway holds the connection open, without applying the request, until the
     * client gives up or the gateway's hang limit passes. In memory: a retryable timeout.
     */
    static Fault timeout() {
        return new Timeout(null);
    }

    /** As {@link #timeout()}, holding the connection for at most {@code hold}. */
    static Fault timeout(Duration hold) {
        return new Timeout(hold);
    }

    /** A connection-level failure. */
    static Fault network(NetworkFault fault) {
        return new Network(fault, null);
    }

    /** A {@link NetworkFault#SLOW_BODY} spreading the reply body over {@code duration}. */
    static Fault slowBody(Duration duration) {
        return new Network(NetworkFault.SLOW_BODY, duration);
    }

    /**
     * An error reply.
     *
     * @param status  the HTTP status, 400 to 599
     * @param message the {@code message} field of the error body
     */
    record Status(int status, String message) implements Fault {
        /** Checks the status range. */
        public Status {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("Injected status " + status
                        + " is not an error: use 400 to 599");
            }
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A {@code 429} reply.
     *
     * @param retryAfter what {@code Retry-After} says; at least one second is sent
     */
    record Throttle(Duration retryAfter) implements Fault {
        /** Checks the duration. */
        public Throttle {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("Retry-After " + retryAfter + " is negative");
            }
        }

        /** The {@code Retry-After} value in whole seconds, rounded up, at least 1. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }

    /**
     * No reply.
     *
     * @param hold how long the gateway holds the connection, or {@code null} for the gateway's default
     */
    record Timeout(Duration hold) implements Fault {
    }

    /**
     * A connection-level failure.
     *
     * @param fault    which one
     * @param duration for {@link NetworkFault#SLOW_BODY}, how long the body takes; {@code null} for the
     *                 gateway's default
     */
    record Network(NetworkFault fault, Duration duration) implements Fault {
        /** Checks the fault. */
        public Network {
            Objects.requireNonNull(fault, "fault");
        }
    }
}

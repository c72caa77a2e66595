package io.github.commerceconnector.core.http;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.time.Duration;

/**
 * The three time limits of a gateway call, each independent of the others.
 *
 * <ul>
 *   <li>{@code connect}: opening a connection (TCP and TLS). Default {@value #DEFAULT_CONNECT_SECONDS} s.
 *       Applies to the default transport only; a custom {@code HttpTransport} sets its own.</li>
 *   <li>{@code attempt}: one attempt, from sending the request until the <em>whole</em> reply body has
 *       arrived (the JDK's own request timeout on Java 17 covers the headers only; the connector enforces
 *       the body part itself). Default {@value #DEFAULT_ATTEMPT_SECONDS} s.</li>
 *   <li>{@code call}: the whole call, every attempt and every wait between attempts included. No retry
 *       starts once it would end after this deadline. Default {@value #DEFAULT_CALL_SECONDS} s.</li>
 * </ul>
 *
 * @param connect the connect timeout; positive
 * @param attempt the per-attempt timeout (headers and body); positive
 * @param call    the whole-call deadline; positive and not shorter than {@code attempt}
 */
public record Timeouts(Duration connect, Duration attempt, Duration call) {

    /** Default connect timeout, in seconds. */
    public static final int DEFAULT_CONNECT_SECONDS = 10;
    /** Default per-attempt timeout, in seconds. */
    public static final int DEFAULT_ATTEMPT_SECONDS = 30;
    /** Default whole-call deadline, in seconds. */
    public static final int DEFAULT_CALL_SECONDS = 120;

    /**
     * Validates the limits.
     *
     * @throws ConfigurationException naming the limit that is missing, not positive, or inconsistent
     */
    public Timeouts {
        requirePositive(connect, "connect");
        requirePositive(attempt, "attempt");
        requirePositive(call, "call");
        if (call.compareTo(attempt) < 0) {
            throw new ConfigurationException("The call timeout (" + call + ") is shorter than the attempt timeout ("
                    + attempt + "): the call timeout covers every attempt, so make it at least as long.");
        }
    }

    /** The defaults: connect 10 s, attempt 30 s, call 120 s. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(DEFAULT_CONNECT_SECONDS), Duration.ofSeconds(DEFAULT_ATTEMPT_SECONDS),
                Duration.ofSeconds(DEFAULT_CALL_SECONDS));
    }

    /** A copy with another connect timeout. */
    public Timeouts withConnect(Duration value) {
        return new Timeouts(value, attempt, call);
    }

    /** A copy with another per-attempt timeout. */
    public Timeouts withAttempt(Duration value) {
        return new Timeouts(connect, value, call);
    }

    /** A copy with another whole-call deadline. */
    public Timeouts withCall(Duration value) {
        return new Timeouts(connect, attempt, value);
    }

    static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new ConfigurationException("The " + name + " timeout is " + (value == null ? "missing" : value)
                    + ": give a positive duration, e.g. Duration.ofSeconds(10).");
        }
    }
}

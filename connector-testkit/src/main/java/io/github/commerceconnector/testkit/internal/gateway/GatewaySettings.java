package io.github.commerceconnector.testkit.internal.gateway;

import io.github.commerceconnector.testkit.FeedChaos;
import java.time.Duration;

/**
 * The fake gateway's settings.
 *
 * @param rateLimit        feed requests per second allowed per data space; {@code 0} for no limit
 * @param sink             whether feed requests are only counted (signature checked, body read, {@code 200})
 * @param hangLimit        how long a {@code timeout} fault holds a connection at most
 * @param slowBodyDuration how long a {@code SLOW_BODY} reply takes to dribble out by default
 * @param clockSkew        tolerance when checking a JWT's {@code exp}, {@code iat} and {@code nbf}
 * @param requestLogLimit  how many requests the log keeps (the oldest are dropped)
 * @param maxBodyBytes     the largest request body read
 * @param retryAfter       the {@code Retry-After} the rate limit answers, or {@code null} for the time until a
 *                         request would be allowed, rounded up to whole seconds
 * @param feedChaos        the faults added to feed requests that pass the rate limit
 * @param latency          how long every request waits before it is answered (a network's round trip); zero for none
 * @param clockAhead       how far the clock that checks JWT times runs ahead of the account clock; zero for none
 */
public record GatewaySettings(double rateLimit, boolean sink, Duration hangLimit, Duration slowBodyDuration,
        Duration clockSkew, int requestLogLimit, int maxBodyBytes, Duration retryAfter, FeedChaos feedChaos,
        Duration latency, Duration clockAhead) {
}

package io.github.commerceconnector.core.internal.http;

import java.time.Instant;

/**
 * Where every attempt of a call waits before it leaves: for catalog feeds, the data space's rate limiter, which
 * also holds every request back while a {@code Retry-After} window runs. {@link HttpGatewayCaller} passes each
 * attempt through it, first attempts and retries alike, so a retry never jumps the data space's queue.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface RequestGate {

    /**
     * Waits until a request may leave, and not before {@code notBefore} (the end of a retry's backoff): the
     * later of the two, never their sum.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void enter(Instant notBefore) throws InterruptedException;
}

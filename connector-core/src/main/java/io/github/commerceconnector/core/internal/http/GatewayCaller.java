package io.github.commerceconnector.core.internal.http;

import io.github.commerceconnector.api.spi.TransportResponse;
import java.time.Duration;

/**
 * The one place where the connector's clients send a request to the gateway: it signs the request,
 * applies timeouts, retries and the circuit breaker, and maps failures to the exceptions of
 * {@code io.github.commerceconnector.api.exception}. Implementations are thread-safe.
 */
public interface GatewayCaller {

    /**
     * Sends a call and returns the successful ({@code 2xx}) reply.
     *
     * @throws io.github.commerceconnector.api.exception.ConnectorServiceException when the gateway
     *     answered with an error after the retries allowed for this call
     * @throws io.github.commerceconnector.api.exception.ConnectorClientException on I/O errors,
     *     timeouts or an open circuit breaker
     */
    TransportResponse call(GatewayCall call);

    /**
     * Whether calls to the endpoint of a path go through freely: its circuit breaker is closed. While it is
     * not, the breaker refuses calls or lets a few trial calls through; callers sending many requests then
     * send one at a time. The default says yes.
     */
    default boolean isHealthy(String path) {
        return true;
    }

    /**
     * How long the endpoint of a path still refuses calls without sending them (its circuit breaker is open);
     * zero when a call may go out now. The default says zero.
     */
    default Duration untilPermitted(String path) {
        return Duration.ZERO;
    }

    /**
     * Lets the next call to the endpoint of a path go out as a trial although its breaker's open period has not
     * ended: a caller that paces its own probes (a catalog sync at its data space's rate) decides when to try
     * again. Does nothing when the breaker is not open. The default does nothing.
     */
    default void allowTrial(String path) {
    }
}

package io.github.commerceconnector.core.internal.http;

import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import java.net.URI;
import java.util.Objects;

/**
 * Everything a {@link HttpGatewayCaller} needs to know besides its collaborators.
 *
 * @param endpoint  the gateway base URL, ending in {@code /}
 * @param userAgent the {@code User-Agent} sent with every request
 * @param timeouts  connect, per-attempt and whole-call limits
 * @param retry     retry and backoff settings
 * @param breaker   circuit breaker settings, one breaker per endpoint route
 */
public record GatewaySettings(URI endpoint, String userAgent, Timeouts timeouts, RetrySettings retry,
        CircuitBreakerSettings breaker) {

    /** Checks presence. */
    public GatewaySettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
    }
}

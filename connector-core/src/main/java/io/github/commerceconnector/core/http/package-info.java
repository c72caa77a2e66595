/**
 * Settings of the connector's HTTP layer: {@link io.github.commerceconnector.core.http.Timeouts},
 * {@link io.github.commerceconnector.core.http.RetrySettings} and
 * {@link io.github.commerceconnector.core.http.CircuitBreakerSettings}, given to
 * {@code CommerceServicesClient.builder()}. Immutable values with documented defaults.
 */
package io.github.commerceconnector.core.http;

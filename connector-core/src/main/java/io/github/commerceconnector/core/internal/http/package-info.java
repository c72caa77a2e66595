/**
 * Not public API: the one way to the gateway. {@link io.github.commerceconnector.core.internal.http.GatewayCaller}
 * signs, times out, retries and guards each call with a circuit breaker, and maps error replies to the API
 * exceptions; {@link io.github.commerceconnector.core.internal.http.JdkHttpTransport} moves the bytes.
 */
package io.github.commerceconnector.core.internal.http;

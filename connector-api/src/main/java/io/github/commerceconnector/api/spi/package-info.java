/**
 * Service provider interfaces: plug in your own HTTP stack
 * ({@link io.github.commerceconnector.api.spi.HttpTransport}), sync state storage
 * ({@link io.github.commerceconnector.api.spi.SyncStateStore}) and time
 * ({@link java.time.Clock} plus {@link io.github.commerceconnector.api.spi.Sleeper}).
 */
package io.github.commerceconnector.api.spi;

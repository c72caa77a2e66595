/**
 * Service provider interfaces: plug in your own HTTP stack
 * ({@link io.github.commerceconnector.api.spi.HttpTransport}), sync state storage
 * ({@link io.github.commerceconnector.api.spi.SyncStateStore}, with
 * {@link io.github.commerceconnector.api.spi.ItemIndex} to build one), the saved selection
 * ({@link io.github.commerceconnector.api.spi.SelectionStore}), the key material check of credential stores outside
 * core ({@link io.github.commerceconnector.api.spi.KeyMaterialCheck}) and time
 * ({@link java.time.Clock} plus {@link io.github.commerceconnector.api.spi.Sleeper}).
 */
package io.github.commerceconnector.api.spi;

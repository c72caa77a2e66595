/**
 * Catalog sync settings and the default sync state store:
 * {@link io.github.commerceconnector.core.catalog.CatalogSyncSettings} (batching, compression, requests in
 * flight, the adaptive rate limit, item limits), given to {@code CommerceServicesClient.builder().catalogSync(...)},
 * and {@link io.github.commerceconnector.core.catalog.FileSyncStateStore}, the crash-safe file store used
 * under the client's state directory.
 */
package io.github.commerceconnector.core.catalog;

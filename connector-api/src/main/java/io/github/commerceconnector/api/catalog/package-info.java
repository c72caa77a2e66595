/**
 * Catalog sync: feed descriptors ({@link io.github.commerceconnector.api.catalog.Feed}), typed feed
 * items, and the {@link io.github.commerceconnector.api.catalog.CatalogSyncClient} that sends only
 * what changed into the selected data space and reports per item
 * ({@link io.github.commerceconnector.api.catalog.SyncReport}).
 */
package io.github.commerceconnector.api.catalog;

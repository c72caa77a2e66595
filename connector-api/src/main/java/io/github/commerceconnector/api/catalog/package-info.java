/**
 * Catalog sync: feed descriptors ({@link io.github.commerceconnector.api.catalog.Feed}), the typed feed
 * items, and the {@link io.github.commerceconnector.api.catalog.CatalogSyncClient} that sends only what
 * changed into the selected data space and reports per item
 * ({@link io.github.commerceconnector.api.catalog.SyncReport}).
 *
 * <p>The typed items ({@link io.github.commerceconnector.api.catalog.Product},
 * {@link io.github.commerceconnector.api.catalog.Price}, ...) carry every non-deprecated field of the exporter's
 * schema, with its names and JSON types. They are generated from that schema by connector-codegen; fields the
 * SDK does not know yet go in by name ({@code putExtraField} on every builder, refused with an
 * {@link io.github.commerceconnector.api.catalog.ExtraFieldException} when the name is a typed field's).
 */
package io.github.commerceconnector.api.catalog;

/**
 * Catalog sync helpers for tests: {@link io.github.commerceconnector.testkit.catalog.InMemorySyncStateStore},
 * a sync state store in memory with the same contract as the connector's file store.
 */
package io.github.commerceconnector.testkit.catalog;

/**
 * State in PostgreSQL for fleets of workers, over plain JDBC on the user's {@link javax.sql.DataSource}:
 * {@link io.github.commerceconnector.jdbc.JdbcSyncStateStore} (the catalog sync state, with a lease and a fencing
 * token per data space and feed), {@link io.github.commerceconnector.jdbc.JdbcSelectionStore} (the selection of an
 * installation) and {@link io.github.commerceconnector.jdbc.JdbcCredentialStore} (key pairs encrypted with AES-GCM
 * under the caller's key). {@link io.github.commerceconnector.jdbc.JdbcStores} creates the schema; the versioned
 * SQL files in {@code db/migration/connector} serve Flyway and Liquibase. Depends on {@code connector-api} only.
 */
package io.github.commerceconnector.jdbc;

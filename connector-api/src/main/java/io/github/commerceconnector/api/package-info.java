/**
 * The public API of the Commerce Services connector: the {@link io.github.commerceconnector.api.CommerceServices}
 * facade, the value types every client shares ({@link io.github.commerceconnector.api.Environment},
 * {@link io.github.commerceconnector.api.Installation}, {@link io.github.commerceconnector.api.Edition},
 * {@link io.github.commerceconnector.api.CommerceService}) and the service readiness report.
 *
 * <p>This module has no third-party dependency. The default implementation lives in
 * {@code connector-core}; in-memory fakes for tests live in {@code connector-testkit}.
 */
package io.github.commerceconnector.api;

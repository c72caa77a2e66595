/**
 * Not public API: the data-space guard that keeps test data out of the production data space, shared by the
 * registry clients and catalog sync.
 */
package io.github.commerceconnector.core.internal.guard;

/**
 * Not public API: crash-safe file writes for state kept in the state directory.
 */
package io.github.commerceconnector.core.internal.io;

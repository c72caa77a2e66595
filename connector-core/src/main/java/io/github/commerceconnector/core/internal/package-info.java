/**
 * Not public API: how a {@code CommerceServicesClient} is assembled from its settings
 * ({@link io.github.commerceconnector.core.internal.ClientParts}) and what its parts share
 * ({@link io.github.commerceconnector.core.internal.ClientContext}).
 */
package io.github.commerceconnector.core.internal;

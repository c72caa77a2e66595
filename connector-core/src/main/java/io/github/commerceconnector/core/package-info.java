/**
 * The default implementation of the connector over HTTP:
 * {@link io.github.commerceconnector.core.CommerceServicesClient}, built with
 * {@code CommerceServicesClient.builder()}. Settings of the HTTP layer are in
 * {@code io.github.commerceconnector.core.http}, authentication in {@code io.github.commerceconnector.core.auth},
 * key stores in {@code io.github.commerceconnector.core.credentials}. Everything under {@code internal} may
 * change without notice.
 */
package io.github.commerceconnector.core;

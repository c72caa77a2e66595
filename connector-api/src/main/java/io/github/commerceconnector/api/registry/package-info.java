/**
 * SaaS projects and their data spaces in the merchant registry, the saved selection
 * ({@link io.github.commerceconnector.api.registry.SaasIdentity}) and the optional IMS organization
 * link. The registry calls a data space an <em>environment</em>; this API says data space throughout
 * to keep it apart from {@link io.github.commerceconnector.api.Environment}.
 */
package io.github.commerceconnector.api.registry;

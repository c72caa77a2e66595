/**
 * The license owner's API keys: {@link io.github.commerceconnector.api.credentials.ServiceCredentials}
 * (a public {@link io.github.commerceconnector.api.credentials.ApiKey} plus a PEM private key held
 * in a {@link io.github.commerceconnector.api.credentials.Secret}) per
 * {@link io.github.commerceconnector.api.Environment}, and the
 * {@link io.github.commerceconnector.api.credentials.CredentialStore} that holds them. No type here
 * ever prints key material.
 */
package io.github.commerceconnector.api.credentials;

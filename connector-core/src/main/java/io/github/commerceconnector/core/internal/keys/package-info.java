/**
 * Reading and checking the PEM private keys that sign the gateway's JWTs. Not public API: use
 * {@link io.github.commerceconnector.api.credentials.CredentialStore#put} to validate keys.
 */
package io.github.commerceconnector.core.internal.keys;

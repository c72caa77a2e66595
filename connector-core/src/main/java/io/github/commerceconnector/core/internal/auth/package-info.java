/**
 * Not public API: the built-in {@link io.github.commerceconnector.core.auth.Authenticator}s, a cached RS256 JWT
 * over the environment key pair and an Adobe IMS technical-account token.
 */
package io.github.commerceconnector.core.internal.auth;

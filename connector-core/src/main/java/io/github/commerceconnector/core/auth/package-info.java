/**
 * How requests to the gateway are authenticated: the {@link io.github.commerceconnector.core.auth.Authenticator}
 * seam and the fixed JWT claims ({@link io.github.commerceconnector.core.auth.JwtClaimSet}). The built-in
 * authenticators (JWT over the environment's key pair, Adobe IMS technical account) are chosen on the client
 * builder.
 */
package io.github.commerceconnector.core.auth;

/**
 * The fake gateway as a program of its own:
 * {@link io.github.commerceconnector.testkit.gateway.FakeGatewayMain}, the main class of
 * {@code connector-testkit-<version>-standalone.jar}.
 */
package io.github.commerceconnector.testkit.gateway;

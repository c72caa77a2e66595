/**
 * The testkit: what SDK users put in their own test suites instead of the real Commerce Services.
 * {@link io.github.commerceconnector.testkit.FakeCommerceServices} is an in-memory account with the
 * connector's clients over it; {@link io.github.commerceconnector.testkit.FakeGateway} serves the same
 * account over real HTTP on loopback, speaking PROTOCOL.md; {@link io.github.commerceconnector.testkit.Fault}s
 * injected through {@link io.github.commerceconnector.testkit.FailureInjector} drive both. Key material
 * is in {@code .keys}, the JUnit 5 extension in {@code .junit}, the contract suites every implementation
 * must pass in {@code .contract}.
 */
package io.github.commerceconnector.testkit;

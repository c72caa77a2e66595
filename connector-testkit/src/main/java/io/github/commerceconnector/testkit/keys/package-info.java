/**
 * Key material for tests: {@link io.github.commerceconnector.testkit.keys.TestKeys} hands out fresh
 * RSA-2048 pairs from a pool, API key ids and deliberately bad keys;
 * {@link io.github.commerceconnector.testkit.keys.TestKeyPair} gives the PEM forms users paste and
 * registers itself with a fake.
 */
package io.github.commerceconnector.testkit.keys;

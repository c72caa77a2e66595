/**
 * JUnit 5 support: {@link io.github.commerceconnector.testkit.junit.CommerceServicesTest} gives each test
 * a fresh fake account, gateway and keys as parameters.
 */
package io.github.commerceconnector.testkit.junit;

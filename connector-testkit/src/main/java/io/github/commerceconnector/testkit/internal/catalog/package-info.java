/**
 * The fake catalog sync client and readiness of {@code FakeCommerceServices}: the real client's rules, in
 * memory and synchronously, over the fake account.
 */
package io.github.commerceconnector.testkit.internal.catalog;

/** Not public API: the fake account's state and rules, shared by the in-memory clients and the fake gateway. */
package io.github.commerceconnector.testkit.internal.account;

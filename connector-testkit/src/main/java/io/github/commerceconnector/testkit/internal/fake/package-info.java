/** Not public API: the in-memory clients of the fake, the call gate, failure rules and the data-space guard. */
package io.github.commerceconnector.testkit.internal.fake;

/** Not public API: PEM reading and writing, and the pool of pre-generated RSA keys. */
package io.github.commerceconnector.testkit.internal.keys;

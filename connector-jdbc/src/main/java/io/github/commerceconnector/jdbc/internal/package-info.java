/**
 * How the JDBC stores work: leases and their renewal, the write function's call, the off-heap index's load, the
 * batches on their way, migrations and the cipher of the credential store. Not public API: it may change in any
 * release.
 */
package io.github.commerceconnector.jdbc.internal;

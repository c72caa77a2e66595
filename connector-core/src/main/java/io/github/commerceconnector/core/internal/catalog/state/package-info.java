/**
 * The file-backed sync state: an append-only log of checksummed records per feed, replayed into a compact
 * primitive hash table, a side file of retry payloads, and the locks that keep one sync per feed and data
 * space across processes.
 */
package io.github.commerceconnector.core.internal.catalog.state;

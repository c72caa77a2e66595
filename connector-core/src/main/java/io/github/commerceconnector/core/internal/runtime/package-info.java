/**
 * What a {@code CommerceServicesRuntime} owns and shares with the clients built on it: the transport, the
 * preparing and sending pools, the timer holding waiting requests, and the bound on requests in flight.
 */
package io.github.commerceconnector.core.internal.runtime;

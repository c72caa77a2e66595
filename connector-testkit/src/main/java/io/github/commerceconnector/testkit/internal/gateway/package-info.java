/** Not public API: the fake gateway's HTTP/1.1 server, request dispatch, signature check and rate limit. */
package io.github.commerceconnector.testkit.internal.gateway;

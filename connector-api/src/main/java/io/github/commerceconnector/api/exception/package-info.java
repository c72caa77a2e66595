/**
 * The connector's exceptions. All are unchecked and rooted at
 * {@link io.github.commerceconnector.api.exception.ConnectorException}:
 * {@link io.github.commerceconnector.api.exception.ConnectorClientException} when no usable answer
 * came back (I/O, timeout, configuration, key material) and
 * {@link io.github.commerceconnector.api.exception.ConnectorServiceException} when the gateway
 * answered with an error. Messages never contain secrets and say what to do next.
 */
package io.github.commerceconnector.api.exception;

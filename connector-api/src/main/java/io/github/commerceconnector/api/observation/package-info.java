/**
 * The connector's observation seam: {@link io.github.commerceconnector.api.observation.ConnectorObserver} is told
 * of every gateway request, every catalog call, the live state of the rate limiters and circuit breakers and the
 * client's close, so that metrics and traces (the {@code connector-micrometer} module) can be added without the
 * core knowing of them.
 * Everything it is given is free of secrets and has bounded values.
 */
package io.github.commerceconnector.api.observation;

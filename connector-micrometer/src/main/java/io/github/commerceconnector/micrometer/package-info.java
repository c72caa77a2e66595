/**
 * Metrics and traces of the connector through Micrometer: {@link
 * io.github.commerceconnector.micrometer.MicrometerConnectorObserver} turns what a client reports (its {@code
 * ConnectorObserver}) into observations, counters and gauges named in {@link
 * io.github.commerceconnector.micrometer.ConnectorMetrics}.
 */
package io.github.commerceconnector.micrometer;

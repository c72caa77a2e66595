/** How {@code MicrometerConnectorObserver} does its work; not public API. */
package io.github.commerceconnector.micrometer.internal;

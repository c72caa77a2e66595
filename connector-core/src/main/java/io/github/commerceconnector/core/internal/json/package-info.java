/**
 * Not public API: the connector's private, preconfigured Jackson mapper. No Jackson type leaves this module.
 */
package io.github.commerceconnector.core.internal.json;

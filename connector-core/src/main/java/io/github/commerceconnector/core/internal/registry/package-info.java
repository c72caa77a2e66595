/**
 * Not public API: the merchant registry over HTTP (projects, data spaces, the gateway key check), the saved
 * selection and the listener that tells catalog sync about selection changes.
 */
package io.github.commerceconnector.core.internal.registry;

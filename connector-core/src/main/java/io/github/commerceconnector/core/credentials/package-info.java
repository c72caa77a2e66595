/**
 * Where the connector keeps the license owner's API keys: in memory, in an owner-only JSON file, in
 * environment variables or system properties, or a chain of these. Start at
 * {@link io.github.commerceconnector.core.credentials.CredentialStores}.
 */
package io.github.commerceconnector.core.credentials;

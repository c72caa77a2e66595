package io.github.commerceconnector.api;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.net.URI;
import java.util.Locale;

/**
 * The Commerce Services environment a request goes to. It picks both the API key pair of the
 * license owner and the gateway's base URL.
 */
public enum Environment {
    /** The production gateway, {@code https://commerce.adobe.io/}, signed with the production keys. */
    PRODUCTION("production", URI.create("https://commerce.adobe.io/")),
    /** The sandbox gateway, {@code https://commerce-beta.adobe.io/}, signed with the sandbox keys. */
    SANDBOX("sandbox", URI.create("https://commerce-beta.adobe.io/"));

    private final String wireName;
    private final URI defaultEndpoint;

    Environment(String wireName, URI defaultEndpoint) {
        this.wireName = wireName;
        this.defaultEndpoint = defaultEndpoint;
    }

    /** The lower-case name used in configuration: {@code production} or {@code sandbox}. */
    public String wireName() {
        return wireName;
    }

    /** The gateway's base URL for this environment, ending in {@code /}. */
    public URI defaultEndpoint() {
        return defaultEndpoint;
    }

    /**
     * Parses a configuration value. Only {@code production} and {@code sandbox} are legal (case and
     * surrounding whitespace are ignored).
     *
     * @throws ConfigurationException naming the bad value and the legal ones
     */
    public static Environment fromName(String name) {
        if (name != null) {
            String normalized = name.trim().toLowerCase(Locale.ROOT);
            for (Environment environment : values()) {
                if (environment.wireName.equals(normalized)) {
                    return environment;
                }
            }
        }
        throw new ConfigurationException("Unknown environment '" + name
                + "': use 'production' or 'sandbox'.");
    }
}

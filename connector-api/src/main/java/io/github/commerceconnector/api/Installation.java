package io.github.commerceconnector.api;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.util.Locale;

/**
 * What kind of store installation this process is. It drives the data-space guard: a
 * {@link #NON_PRODUCTION} installation (staging, development, CI) can never select, sync to or
 * clean up a production data space, because test data sent there overwrites the live catalog.
 */
public enum Installation {
    /** The live store. May use every data space; selecting a testing one is logged as a warning. */
    PRODUCTION("production"),
    /** A staging, development or test installation. Production data spaces are refused. */
    NON_PRODUCTION("non-production");

    private final String configName;

    Installation(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration: {@code production} or {@code non-production}. */
    public String configName() {
        return configName;
    }

    /**
     * Parses {@code production} or {@code non-production} (also accepts {@code non_production}).
     *
     * @throws ConfigurationException naming the bad value and the legal ones
     */
    public static Installation fromName(String name) {
        if (name != null) {
            String normalized = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Installation installation : values()) {
                if (installation.configName.equals(normalized)) {
                    return installation;
                }
            }
        }
        throw new ConfigurationException("Unknown installation '" + name
                + "': use 'production' or 'non-production'.");
    }
}

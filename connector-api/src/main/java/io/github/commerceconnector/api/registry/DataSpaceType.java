package io.github.commerceconnector.api.registry;

import java.util.Locale;

/** Whether a data space holds live data or test data. The registry sends {@code Production} or {@code Testing}. */
public enum DataSpaceType {
    /** The data space the live storefront reads. Guarded: non-production installations cannot write to it. */
    PRODUCTION("Production"),
    /** A data space for staging and test installations. */
    TESTING("Testing");

    private final String wireName;

    DataSpaceType(String wireName) {
        this.wireName = wireName;
    }

    /** The registry's spelling: {@code Production} or {@code Testing}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses the registry's {@code environmentType} (case-insensitive).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static DataSpaceType fromWireName(String value) {
        if (value != null) {
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            for (DataSpaceType type : values()) {
                if (type.wireName.toLowerCase(Locale.ROOT).equals(normalized)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("Unknown data space type '" + value + "': expected Production or Testing");
    }
}

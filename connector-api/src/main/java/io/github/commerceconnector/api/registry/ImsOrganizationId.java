package io.github.commerceconnector.api.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Adobe IMS organization id: 24 hexadecimal characters followed by {@code @AdobeOrg}, for example
 * {@code 8E6307BF5D775FA00A495EF9@AdobeOrg}. The hex part is stored in upper case.
 *
 * @param value the id
 */
public record ImsOrganizationId(String value) {
    private static final Pattern FORM = Pattern.compile("[0-9A-Fa-f]{24}@AdobeOrg");

    /**
     * Validates the form.
     *
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public ImsOrganizationId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("IMS organization id is empty: expected 24 hexadecimal characters "
                    + "followed by @AdobeOrg, e.g. 8E6307BF5D775FA00A495EF9@AdobeOrg");
        }
        String trimmed = value.strip();
        if (!FORM.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an IMS organization id: expected 24 "
                    + "hexadecimal characters followed by @AdobeOrg, e.g. 8E6307BF5D775FA00A495EF9@AdobeOrg");
        }
        value = trimmed.substring(0, 24).toUpperCase(Locale.ROOT) + "@AdobeOrg";
    }

    /** Parses an id; same as the constructor. */
    public static ImsOrganizationId of(String value) {
        return new ImsOrganizationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

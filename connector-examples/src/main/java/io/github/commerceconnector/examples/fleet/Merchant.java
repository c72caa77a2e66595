package io.github.commerceconnector.examples.fleet;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A merchant of the fleet: its id (also the installation id of its keys, selection and sync state) and its
 * catalog, generated from the number of products and a revision.
 *
 * @param id       1 to 100 letters, digits, {@code -} and {@code _}
 * @param products how many products its catalog has
 * @param revision its catalog's revision: each one above zero changes one product in a hundred
 */
public record Merchant(String id, int products, int revision) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the bad value and what would be valid
     */
    public Merchant {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Merchant id '" + id + "' is not usable: give 1 to 100 letters, "
                    + "digits, '-' and '_', e.g. 'merchant-0042'");
        }
        if (products < 0 || revision < 0) {
            throw new IllegalArgumentException("Merchant " + id + ": products (" + products + ") and revision ("
                    + revision + ") must be 0 or more");
        }
    }
}

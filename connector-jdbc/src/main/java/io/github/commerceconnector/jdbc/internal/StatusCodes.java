package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.catalog.ItemStatus;

/**
 * The {@code status} codes of {@code sync_item} rows: fixed numbers, independent of the order of
 * {@link ItemStatus}'s constants.
 */
final class StatusCodes {
    /** {@link ItemStatus#ACCEPTED}. */
    static final short ACCEPTED = 0;
    /** {@link ItemStatus#REJECTED}. */
    static final short REJECTED = 1;
    /** {@link ItemStatus#RETRYABLE}. */
    static final short RETRYABLE = 2;
    /** {@link ItemStatus#UNCONFIRMED}. */
    static final short UNCONFIRMED = 3;

    private StatusCodes() {
    }

    /** The code of a status. */
    static short of(ItemStatus status) {
        return switch (status) {
            case ACCEPTED -> ACCEPTED;
            case REJECTED -> REJECTED;
            case RETRYABLE -> RETRYABLE;
            case UNCONFIRMED -> UNCONFIRMED;
        };
    }

    /**
     * The status of a code.
     *
     * @throws IllegalStateException for a code this version does not know (a row written by a newer version)
     */
    static ItemStatus status(int code) {
        return switch (code) {
            case ACCEPTED -> ItemStatus.ACCEPTED;
            case REJECTED -> ItemStatus.REJECTED;
            case RETRYABLE -> ItemStatus.RETRYABLE;
            case UNCONFIRMED -> ItemStatus.UNCONFIRMED;
            default -> throw new IllegalStateException("Unknown item status code " + code + " in the sync state: "
                    + "it was written by a newer version of connector-jdbc; upgrade this worker");
        };
    }
}

package io.github.commerceconnector.api.catalog;

/** Where an item stands with the gateway, as recorded in the sync state. */
public enum ItemStatus {
    /** The gateway accepted this content. Sent again only when the content changes. */
    ACCEPTED,
    /** Refused (by validation or the gateway) with a reason. Sent again only when the content changes. */
    REJECTED,
    /** Failed with a retryable outcome (I/O, timeout, 408, 413, 429, 5xx). Sent again by the next call. */
    RETRYABLE,
    /**
     * Sent, but no answer was recorded: the process stopped while the request was in flight. The gateway may
     * or may not hold it; the next full sync sends it again, or deletes it if it left the catalog.
     */
    UNCONFIRMED
}

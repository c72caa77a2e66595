package io.github.commerceconnector.api.spi;

/**
 * The JSON payload kept for an item left retryable, to be resent as it was.
 *
 * @param identityHash the hash of its identity values
 * @param contentHash  the content hash it is retryable for
 * @param json         the item's JSON object, UTF-8, uncompressed
 */
public record RetryPayload(long identityHash, long contentHash, byte[] json) {

    /** Shows the hashes and the size only. */
    @Override
    public String toString() {
        return "RetryPayload[" + Long.toHexString(identityHash) + ", " + json.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

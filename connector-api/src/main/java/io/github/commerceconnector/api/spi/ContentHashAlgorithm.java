package io.github.commerceconnector.api.spi;

/**
 * How the content hashes a {@link FeedSyncState} holds were taken. The client hashes each item's canonical JSON
 * with the algorithm of the state it syncs against, so that an unchanged item meets its own hash again; a state
 * keeps one algorithm for its whole life.
 *
 * <p>Both give 64 bits. A content hash is only ever compared with the hash the same item had before, so what
 * matters is the chance that one change leaves it equal: 2<sup>-64</sup> per changed item, about 1 in 18
 * billion billion, whatever the number of items.
 */
public enum ContentHashAlgorithm {
    /**
     * The first 64 bits of SHA-256: what every state written before the algorithm was kept per state holds, and
     * what a {@link FeedSyncState} that does not say otherwise is taken to hold.
     */
    SHA_256,
    /**
     * XXH3, 64 bits: a non-cryptographic hash about 8 times faster than SHA-256 on a product's 1.6 KB. The
     * connector's file and PostgreSQL stores take it for every state they create. ({@link InMemorySyncStateStore}
     * keeps SHA-256, which the testkit's in-memory catalog hashes with.)
     */
    XXH3_64
}

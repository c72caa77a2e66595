package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.StateChange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The two 64-bit hashes change detection needs: the identity hash over an item's identity values (each
 * length-prefixed, so {@code ("ab","c")} and {@code ("a","bc")} differ) and the content hash over its
 * {@link CanonicalJson canonical JSON}. Both are the first 64 bits of SHA-256, never 0 (0 is reserved).
 * With 64 bits, a million items collide with a probability near 3 in 100 million. Not thread-safe: one per
 * thread.
 */
public final class ItemHasher {
    private final MessageDigest digest;
    private final CanonicalJson canonical;

    /** A hasher with the default canonical form. */
    public ItemHasher() {
        this(new CanonicalJson());
    }

    /** A hasher with a given canonical form. */
    public ItemHasher(CanonicalJson canonical) {
        this.canonical = canonical;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The identity hash of a key. */
    public long identityHash(ItemKey key) {
        digest.reset();
        byte[] length = new byte[4];
        for (String value : key.values()) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            ByteBuffer.wrap(length).putInt(bytes.length);
            digest.update(length);
            digest.update(bytes);
        }
        return finish();
    }

    /** The content hash of an item's fields. */
    public long contentHash(Map<String, ?> fields) {
        digest.reset();
        digest.update(canonical.of(fields).getBytes(StandardCharsets.UTF_8));
        return finish();
    }

    private long finish() {
        long hash = ByteBuffer.wrap(digest.digest()).getLong();
        return hash == StateChange.DELETE_CONTENT ? 1 : hash;
    }
}

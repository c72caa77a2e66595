package io.github.commerceconnector.core.internal.catalog;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.WritesFields;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.StateChange;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The two 64-bit hashes change detection needs: the identity hash over an item's identity values (each
 * length-prefixed, so {@code ("ab","c")} and {@code ("a","bc")} differ) and the content hash. Both are 64 bits,
 * never 0 (0 is reserved). The identity hash is always the first 64 bits of SHA-256 over UTF-8 (with 64 bits, a
 * million items collide with a probability near 3 in 100 million); the content hash is taken with the {@link
 * ContentHashAlgorithm} of the state it is compared with: SHA-256's first 64 bits or XXH3's 64 bits over the
 * {@link CanonicalJson canonical JSON}, or XXH3 over the fields themselves ({@link FieldHasher}), which needs no
 * JSON written.
 *
 * <p>The canonical text is written straight as UTF-8 bytes into a buffer the hasher keeps and fed to the digest
 * from there (an unpaired surrogate becomes {@code ?}, as {@link String#getBytes} makes it), so hashing an item
 * allocates next to nothing. Not thread-safe: one per thread.
 */
public final class ItemHasher {
    private static final int CHUNK = 4096;

    private static final Hasher64 XXH3 = Hashing.xxh3_64();

    private final MessageDigest digest;
    private final CanonicalJson.Writer canonical;
    private final ContentHashAlgorithm contentHashes;
    private final boolean sha256Content;
    /** The walk that takes {@link ContentHashAlgorithm#FIELDS_XXH3_64} hashes, or {@code null} for the others. */
    private final FieldHasher fields;
    /** Whether the captured values of the last typed item are the field walk's ({@link #hashTyped}). */
    private boolean capturedByWalk;
    private final int maxStringBytes;
    private final int maxDepth;
    private final byte[] chunk = new byte[CHUNK + 4];
    private final byte[] result = new byte[32];
    private int jsonLength;

    /** A hasher with the default canonical form, whose content hashes are SHA-256's. */
    public ItemHasher() {
        this(ContentHashAlgorithm.SHA_256);
    }

    /** A hasher with the default canonical form and a content hash algorithm. */
    public ItemHasher(ContentHashAlgorithm contentHashes) {
        this(new CanonicalJson().writer(), contentHashes);
    }

    /** A hasher with a given canonical form, whose content hashes are SHA-256's. */
    public ItemHasher(CanonicalJson canonical) {
        this(canonical.writer(), ContentHashAlgorithm.SHA_256);
    }

    /** {@link #ItemHasher(int, int, ContentHashAlgorithm)} with SHA-256 content hashes. */
    public ItemHasher(int maxStringBytes, int maxDepth) {
        this(maxStringBytes, maxDepth, ContentHashAlgorithm.SHA_256);
    }

    /**
     * A hasher with the default canonical form that, while hashing, notices what an {@link ItemValidator} with
     * these limits may refuse ({@link #needsValidation()}).
     */
    public ItemHasher(int maxStringBytes, int maxDepth, ContentHashAlgorithm contentHashes) {
        this(new CanonicalJson().writer(maxStringBytes, maxDepth), contentHashes, maxStringBytes, maxDepth);
    }

    private ItemHasher(CanonicalJson.Writer canonical, ContentHashAlgorithm contentHashes) {
        this(canonical, contentHashes, -1, -1);
    }

    private ItemHasher(CanonicalJson.Writer canonical, ContentHashAlgorithm contentHashes, int maxStringBytes,
            int maxDepth) {
        this.canonical = canonical;
        this.maxStringBytes = maxStringBytes;
        this.maxDepth = maxDepth;
        this.contentHashes = contentHashes;
        this.sha256Content = contentHashes == ContentHashAlgorithm.SHA_256;
        this.fields = contentHashes == ContentHashAlgorithm.FIELDS_XXH3_64 ? new FieldHasher() : null;
        canonical.shadow(fields);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Whether this hasher is the one {@link #ItemHasher(int, int, ContentHashAlgorithm)} makes with these
     * arguments, so that a thread may keep one hasher across syncs of the same settings.
     */
    public boolean hasSettings(int maxStringBytes, int maxDepth, ContentHashAlgorithm contentHashes) {
        return this.maxStringBytes == maxStringBytes && this.maxDepth == maxDepth
                && this.contentHashes == contentHashes;
    }

    /** The identity hash of a key. */
    public long identityHash(ItemKey key) {
        digest.reset();
        int used = 0;
        for (String value : key.values()) {
            if (used >= CHUNK) {
                digest.update(chunk, 0, used);
                used = 0;
            }
            int length = utf8Length(value);
            chunk[used] = (byte) (length >>> 24);
            chunk[used + 1] = (byte) (length >>> 16);
            chunk[used + 2] = (byte) (length >>> 8);
            chunk[used + 3] = (byte) length;
            used = append(value, used + 4);
        }
        digest.update(chunk, 0, used);
        return finish();
    }

    /**
     * The content hash of an item's fields.
     *
     * @throws IllegalArgumentException for a value that is not JSON (validate first)
     */
    public long contentHash(Map<String, ?> fields) {
        return this.fields != null ? this.fields.hash(fields) : hash(canonical.write(fields), false);
    }

    /**
     * Writes an item's JSON as it is sent and takes its content hash in the same pass: the hash is the one {@link
     * #contentHash} gives, over the canonical text at the head of the JSON, or (for {@link
     * ContentHashAlgorithm#FIELDS_XXH3_64}) over the fields as the writer hands them to the {@link FieldHasher}. The
     * JSON is then {@link #json()}.
     *
     * @throws IllegalArgumentException for a value that is not JSON (validate first)
     */
    public long writeItem(Map<String, ?> fields) {
        if (this.fields == null) {
            jsonLength = canonical.writeItem(fields);
            return hashCanonicalPart();
        }
        this.fields.begin();
        jsonLength = canonical.writeItem(fields);
        return this.fields.finish();
    }

    /**
     * {@link #writeItem} for a typed item that gives all its fields ({@link WritesFields#writesAllFields()}),
     * without building its fields map: the same JSON and hash. The values of the top-level fields named in
     * {@code captured} are then {@link #captured(int)}.
     */
    public long writeItem(WritesFields item, List<String> captured) {
        capturedByWalk = false;
        if (fields == null) {
            jsonLength = canonical.writeTyped(item, captured);
            return hashCanonicalPart();
        }
        fields.begin();
        jsonLength = canonical.writeTyped(item, captured);
        return fields.finish();
    }

    /**
     * Whether this hasher takes an item's content hash from its fields alone ({@link
     * ContentHashAlgorithm#FIELDS_XXH3_64}), so that {@link #hashTyped} may come before any JSON is written.
     */
    public boolean hashesFields() {
        return fields != null;
    }

    /**
     * The content hash {@link #writeItem(WritesFields, List)} gives a typed item that gives all its fields, without
     * writing its JSON (or checking anything validation checks); only when {@link #hashesFields()}. The values of
     * the top-level fields named in {@code captured} are then {@link #captured(int)}.
     *
     * @throws IllegalArgumentException for a value that is not JSON
     * @throws IllegalStateException    when this hasher does not {@link #hashesFields()}
     */
    public long hashTyped(WritesFields item, List<String> captured) {
        if (fields == null) {
            throw new IllegalStateException("Content hashes of " + contentHashes + " are taken over the JSON");
        }
        capturedByWalk = true;
        return fields.hash(item, captured);
    }

    /**
     * Makes ready, before the first typed item, for items written with this {@code captured} list: the first
     * item then takes the path every later one takes, rather than one compiled code has not seen.
     */
    public void expectCaptured(List<String> captured) {
        canonical.expectCaptured(captured);
        if (fields != null) {
            fields.expectCaptured(captured);
        }
    }

    /** The value of the {@code index}th captured field of the typed item last written or hashed, or {@code null}. */
    public Object captured(int index) {
        return capturedByWalk ? fields.captured(index) : canonical.captured(index);
    }

    private long hashCanonicalPart() {
        return hash(canonical.canonicalEnd(), true);
    }

    /**
     * The content hash of the first {@code length} bytes of the canonical text, with each unpaired surrogate as
     * {@code ?} and, when {@code closed}, a {@code '}'} after them, by the state's algorithm.
     */
    private long hash(int length, boolean closed) {
        byte[] text = canonical.buffer();
        return sha256Content ? sha256(text, length, closed) : xxh3(text, length, closed);
    }

    private long sha256(byte[] text, int length, boolean closed) {
        digest.reset();
        if (canonical.hasUnpairedSurrogates()) {
            digest.update(Wtf8.replaceUnpairedSurrogates(text, length, closed ? (byte) '}' : -1));
        } else {
            digest.update(text, 0, length);
            if (closed) {
                digest.update((byte) '}');
            }
        }
        return finish();
    }

    /** The JSON of the item last given to {@link #writeItem}, UTF-8 (a copy). */
    public byte[] json() {
        return Arrays.copyOf(canonical.buffer(), jsonLength);
    }

    /**
     * The buffer whose first {@link #jsonLength()} bytes are the JSON of the item last given to {@link #writeItem}
     * (not a copy: valid until the next item).
     */
    byte[] buffer() {
        return canonical.buffer();
    }

    /** The length in bytes of the JSON of the item last given to {@link #writeItem}. */
    public int jsonLength() {
        return jsonLength;
    }

    /**
     * Whether the item last given to {@link #contentHash} or {@link #writeItem} holds something validation may
     * refuse, so that it must be validated; when not, the item is known to pass validation (of the limits this
     * hasher was built with).
     */
    public boolean needsValidation() {
        return canonical.suspect();
    }

    /**
     * XXH3 over the bytes {@link #sha256} is given, in one call: when {@code closed}, the closing brace is put in
     * place of the byte after the canonical text for the call and put back (that byte exists: the JSON's own
     * closing brace always follows the canonical text).
     */
    private long xxh3(byte[] text, int length, boolean closed) {
        if (canonical.hasUnpairedSurrogates()) {
            byte[] replaced = Wtf8.replaceUnpairedSurrogates(text, length, closed ? (byte) '}' : -1);
            return nonZero(XXH3.hashBytesToLong(replaced));
        }
        if (!closed) {
            return nonZero(XXH3.hashBytesToLong(text, 0, length));
        }
        byte after = text[length];
        text[length] = '}';
        try {
            return nonZero(XXH3.hashBytesToLong(text, 0, length + 1));
        } finally {
            text[length] = after;
        }
    }

    /**
     * Appends text as UTF-8 to the digest's chunk from {@code from} on, as {@link #utf8Length} counts it, handing
     * the chunk to the digest whenever it fills; returns how much of the chunk is used.
     */
    private int append(String text, int from) {
        int used = from;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (used >= CHUNK) {
                digest.update(chunk, 0, used);
                used = 0;
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                chunk[used++] = (byte) c;
            } else if (c < 0x800) {
                chunk[used++] = (byte) (0xC0 | (c >> 6));
                chunk[used++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    chunk[used++] = (byte) (0xF0 | (codePoint >> 18));
                    chunk[used++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    chunk[used++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    chunk[used++] = (byte) (0x80 | (codePoint & 0x3F));
                } else {
                    chunk[used++] = '?';
                }
            } else {
                chunk[used++] = (byte) (0xE0 | (c >> 12));
                chunk[used++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                chunk[used++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return used;
    }

    /** The UTF-8 length of text as {@link #append} writes it. */
    private static int utf8Length(String text) {
        int bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private long finish() {
        try {
            digest.digest(result, 0, result.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 did not fit 32 bytes", e);
        }
        long hash = 0;
        for (int i = 0; i < 8; i++) {
            hash = (hash << 8) | (result[i] & 0xFF);
        }
        return nonZero(hash);
    }

    private static long nonZero(long hash) {
        return hash == StateChange.DELETE_CONTENT ? 1 : hash;
    }
}

package io.github.commerceconnector.core.internal.catalog;

import java.util.Arrays;

/**
 * The written form of the field names a {@link CanonicalJson} writer met before ({@code "name":}, quoted,
 * escaped, UTF-8, with its colon), so that a name is encoded once rather than once per item: typed items give
 * their names as the same constants every time, maps mostly too. A fixed table, slot by the name's hash; a name
 * whose slot is taken by another keeps being encoded each time, so the table never churns. Only names the writer
 * found free of anything validation refuses are kept. Not thread-safe: one per writer.
 */
final class FieldNames {
    private static final int SLOTS = 512;

    private final String[] names = new String[SLOTS];
    private final byte[][] texts = new byte[SLOTS][];

    /** The written form of a name, or {@code null} when it was not kept. */
    byte[] find(String name) {
        int slot = name.hashCode() & (SLOTS - 1);
        String known = names[slot];
        if (known == name || (known != null && known.equals(name))) {
            return texts[slot];
        }
        return null;
    }

    /** Keeps {@code written[from, to)} as the written form of a name, unless its slot is taken. */
    void keep(String name, byte[] written, int from, int to) {
        int slot = name.hashCode() & (SLOTS - 1);
        if (names[slot] == null) {
            names[slot] = name;
            texts[slot] = Arrays.copyOfRange(written, from, to);
        }
    }
}

package io.github.commerceconnector.core.internal.catalog;

import java.util.Arrays;

/**
 * The written form of the field names a {@link CanonicalJson} writer met before ({@code "name":}, quoted,
 * escaped, UTF-8, with its colon), so that a name is encoded once rather than once per item: typed items give
 * their names as the same constants every time, maps mostly too. Only names the writer found free of anything
 * validation refuses are kept. Not thread-safe: one per writer.
 *
 * <p>Two fixed tables, so neither churns. Items of one type give the same names in the same order, so a name is
 * first looked for by its place among the item's names (0 for the first), by reference: without its hash or a
 * compare of its characters. Else by its hash, in a slot that the first name to take it keeps.
 */
final class FieldNames {
    private static final int SLOTS = 512;
    private static final int PLACES = 256;

    private final String[] names = new String[SLOTS];
    private final byte[][] texts = new byte[SLOTS][];
    private final String[] namesByPlace = new String[PLACES];
    private final byte[][] textsByPlace = new byte[PLACES][];

    /**
     * The written form of the name at a place among an item's names (0 for its first), or {@code null} when it
     * was not kept: by reference when the last item had the same name object at that place.
     */
    byte[] find(int place, String name) {
        if (place >= PLACES) {
            return find(name);
        }
        if (namesByPlace[place] == name) {
            return textsByPlace[place];
        }
        byte[] text = find(name);
        if (text != null) {
            namesByPlace[place] = name;
            textsByPlace[place] = text;
        }
        return text;
    }

    /** The written form of a name by its hash, or {@code null} when it was not kept. */
    private byte[] find(String name) {
        int slot = name.hashCode() & (SLOTS - 1);
        String known = names[slot];
        if (known == name || (known != null && known.equals(name))) {
            return texts[slot];
        }
        return null;
    }

    /**
     * Keeps {@code written[from, to)} as the written form of the name at a place among an item's names: by the
     * name's hash unless its slot is taken, and by its place in any case.
     */
    void keep(int place, String name, byte[] written, int from, int to) {
        int slot = name.hashCode() & (SLOTS - 1);
        boolean bySlot = names[slot] == null;
        if (!bySlot && place >= PLACES) {
            return;
        }
        byte[] text = Arrays.copyOfRange(written, from, to);
        if (bySlot) {
            names[slot] = name;
            texts[slot] = text;
        }
        if (place < PLACES) {
            namesByPlace[place] = name;
            textsByPlace[place] = text;
        }
    }
}

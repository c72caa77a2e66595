package io.github.commerceconnector.core.internal.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What a typed item's top-level fields are to a pass over it (the canonical writer's, or the {@link FieldHasher}'s
 * walk): left out of change detection ({@link CanonicalJson#IGNORED_FIELDS}), captured (the identity fields, then
 * {@code deleted}), or neither; and the values of the captured ones. A field's kind is remembered by its place among
 * the item's fields, so that items of one type, which give the same name constants in the same order, only compare
 * references. Not thread-safe: one per pass.
 */
final class TopLevelFields {
    /** The kind of a field left out of change detection (a captured one's is its index, any other's -1). */
    static final int LEFT_OUT = -2;

    private List<String> capturing = List.of();
    private Object[] captured = new Object[0];
    private final String[] names = new String[128];
    private final int[] kinds = new int[names.length];
    private int count;

    /** Starts an item whose top-level fields named in {@code capturingNames} are to be captured. */
    void start(List<String> capturingNames) {
        if (capturingNames != capturing) {
            Arrays.fill(names, null);
        }
        capturing = capturingNames;
        if (captured.length != capturingNames.size()) {
            captured = new Object[capturingNames.size()];
        }
        Arrays.fill(captured, null);
        count = 0;
    }

    /**
     * The kind of the item's next top-level field: {@link #LEFT_OUT}, its index among the captured ones (then its
     * value, a timestamp as its text, is {@link #captured}), or -1.
     */
    int next(String name, Object value) {
        int place = count++;
        int kind;
        if (place < names.length && names[place] == name) {
            kind = kinds[place];
        } else {
            kind = CanonicalJson.IGNORED_FIELDS.contains(name) ? LEFT_OUT : capturing.indexOf(name);
            if (place < names.length) {
                names[place] = name;
                kinds[place] = kind;
            }
        }
        if (kind >= 0) {
            captured[kind] = value instanceof Instant instant ? InstantText.text(instant) : value;
        }
        return kind;
    }

    /** The value of the {@code index}th captured field of the item, or {@code null}. */
    Object captured(int index) {
        return captured[index];
    }
}

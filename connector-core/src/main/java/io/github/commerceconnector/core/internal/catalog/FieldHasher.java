package io.github.commerceconnector.core.internal.catalog;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.github.commerceconnector.api.catalog.FieldWriter;
import io.github.commerceconnector.api.catalog.WritesFields;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.StateChange;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;

/**
 * The content hash of {@link ContentHashAlgorithm#FIELDS_XXH3_64}: XXH3 over an item's fields themselves, walked
 * once in name order, without writing their JSON. The same content gives the same hash whether it comes as a typed
 * item ({@link WritesFields}) or as its fields map, and change detection means what it means for the canonical JSON:
 * the top-level {@code modifiedAt} and {@code updatedAt} are left out, the elements of an order-free array (by its
 * field name, {@link CanonicalJson#ORDER_FREE_ARRAYS}) count in any order, numbers count by value ({@code 1},
 * {@code 1L} and {@code 1.0} alike), and a timestamp counts as its text.
 *
 * <p>The walk writes a compact encoding into a buffer it keeps and hashes the buffer once: a field is its name then
 * its value; a string is a tag, its length and its UTF-8 bytes (an unpaired surrogate as {@code ?}, as the canonical
 * JSON's hash has it), and a name the 64-bit hash of that encoding (kept by its place among an item's names); a
 * number is a tag and the text {@link CanonicalJson#canonicalNumber} gives, then the tag again; an object and an
 * ordered array are bracketed; an order-free array is its length and the sum of its elements' own hashes, so that
 * their order does not count and a repeated element does. Nothing of the encoding is ever stored or sent: only the
 * 64-bit hash, never 0 (0 is {@link StateChange#DELETE_CONTENT}). The encoding must never change: states keep the
 * hashes ({@code ContentHashGoldenTest} pins some).
 *
 * <p>The walk checks nothing that validation checks: it is taken ahead of validation, and an item whose hash
 * matches the state's was validated when it was sent. A value that is not JSON (a type no item holds, nesting
 * deeper than {@link CanonicalJson#MAX_DEPTH}) throws {@link IllegalArgumentException}. Not thread-safe: one per
 * thread.
 */
final class FieldHasher {
    private static final Hasher64 XXH3 = Hashing.xxh3_64();
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final int INITIAL_BUFFER_BYTES = 8 * 1024;
    /** The most buffer kept between items; an unusually large item's is let go. */
    private static final int KEPT_BUFFER_BYTES = 1 << 20;
    private static final int PLACES = 256;

    private static final byte STRING = 's';
    private static final byte NUMBER = 'n';
    private static final byte NULL = 'z';
    private static final byte TRUE = 't';
    private static final byte FALSE = 'f';
    private static final byte OBJECT = '{';
    private static final byte OBJECT_END = '}';
    private static final byte ARRAY = '[';
    private static final byte ARRAY_END = ']';
    private static final byte ORDER_FREE_ARRAY = '<';

    /** What the elements of an array are: anything, or (in a typed item) strings or typed objects. */
    private static final int ANY_ELEMENTS = 0;
    private static final int STRING_ELEMENTS = 1;
    private static final int OBJECT_ELEMENTS = 2;

    private final Set<String> orderFreeArrays;
    private final TypedWalk typed = new TypedWalk();
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    private int size;
    /** The hashes of the names by their place among an item's names, kept while items give the same names. */
    private final String[] namesByPlace = new String[PLACES];
    private final long[] nameHashesByPlace = new long[PLACES];
    private int namesWalked;
    /** Each nesting level's sorting room for the keys of a map. */
    private String[][] keysByDepth = new String[8][];

    /** A hasher with the default order-free arrays. */
    FieldHasher() {
        this(CanonicalJson.ORDER_FREE_ARRAYS);
    }

    /** A hasher with other order-free array names. */
    FieldHasher(Set<String> orderFreeArrays) {
        this.orderFreeArrays = Set.copyOf(orderFreeArrays);
    }

    /**
     * The content hash of a typed item that gives all its fields ({@link WritesFields#writesAllFields()}). The
     * values of the top-level fields named in {@code captured} are then {@link #captured(int)}.
     *
     * @throws IllegalArgumentException for a value that is not JSON
     */
    long hash(WritesFields item, List<String> captured) {
        begin();
        typed.start(captured);
        buffer[size++] = OBJECT;
        typed.depth = 0;
        item.writeFields(typed);
        ensure(1);
        buffer[size++] = OBJECT_END;
        return finish();
    }

    /**
     * The content hash of an item's fields.
     *
     * @throws IllegalArgumentException for a value that is not JSON
     */
    long hash(Map<String, ?> fields) {
        begin();
        walkMap(fields, 0);
        return finish();
    }

    /** Makes ready, before the first typed item, for items hashed with this {@code captured} list. */
    void expectCaptured(List<String> captured) {
        typed.start(captured);
    }

    /** The value of the {@code index}th captured field of the typed item last hashed, or {@code null}. */
    Object captured(int index) {
        return typed.top.captured(index);
    }

    /**
     * Starts an item given piece by piece, as the canonical writer gives it while it writes the item's JSON (the
     * pieces below), so that a sent item's hash comes from the writer's own pass: the same encoding, so the same
     * hash, as {@link #hash(WritesFields, List)} and {@link #hash(Map)} give.
     */
    void begin() {
        size = 0;
        namesWalked = 0;
        if (buffer.length > KEPT_BUFFER_BYTES) {
            buffer = new byte[INITIAL_BUFFER_BYTES];
        }
    }

    /** The hash of the item given since {@link #begin()}. */
    long finish() {
        long hash = XXH3.hashBytesToLong(buffer, 0, size);
        return hash == StateChange.DELETE_CONTENT ? 1 : hash;
    }

    /** A field's name. */
    void name(String name) {
        writeName(name);
    }

    /** A string value. */
    void text(String text) {
        writeText(text);
    }

    /** A string value whose bytes are known to be ASCII: {@code length} bytes from {@code from}, its UTF-8 bytes. */
    void ascii(byte[] bytes, int from, int length) {
        writeBytes(bytes, from, length);
    }

    /** A {@link InstantText#writable} timestamp, as its text. */
    void time(Instant value) {
        writeTime(value);
    }

    /** A number. */
    void number(Number value) {
        writeNumber(value);
    }

    /** A boolean. */
    void bool(boolean value) {
        ensure(1);
        buffer[size++] = value ? TRUE : FALSE;
    }

    /** A {@code null}. */
    void nul() {
        ensure(1);
        buffer[size++] = NULL;
    }

    /** The start of an object. */
    void beginObject() {
        ensure(1);
        buffer[size++] = OBJECT;
    }

    /** The end of an object. */
    void endObject() {
        ensure(1);
        buffer[size++] = OBJECT_END;
    }

    /** The start of an ordered array. */
    void beginArray() {
        ensure(1);
        buffer[size++] = ARRAY;
    }

    /** The end of an ordered array. */
    void endArray() {
        ensure(1);
        buffer[size++] = ARRAY_END;
    }

    /** Where the next element of an order-free array starts, for {@link #elementHash}. */
    int mark() {
        return size;
    }

    /** The hash of the element given since {@code mark}, which is then taken back out. */
    long elementHash(int mark) {
        long hash = XXH3.hashBytesToLong(buffer, mark, size - mark);
        size = mark;
        return hash;
    }

    /** An order-free array of {@code count} elements whose hashes add up to {@code sum}. */
    void orderFree(int count, long sum) {
        ensure(13);
        buffer[size] = ORDER_FREE_ARRAY;
        INTS.set(buffer, size + 1, count);
        LONGS.set(buffer, size + 5, sum);
        size += 13;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private static void checkDepth(int depth) {
        if (depth + 1 > CanonicalJson.MAX_DEPTH) {
            throw new IllegalArgumentException("Not JSON this SDK sends: the value nests deeper than "
                    + CanonicalJson.MAX_DEPTH + " levels (or contains itself)");
        }
    }

    /** Walks a map as an object: its fields in name order, at the top level without the ones left out. */
    private void walkMap(Map<?, ?> map, int depth) {
        checkDepth(depth);
        String[] keys = keys(depth, map.size());
        int count = 0;
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || count == keys.length) {
                walkMap(withTextKeys(map), depth);
                return;
            }
            if (depth > 0 || !CanonicalJson.IGNORED_FIELDS.contains(name)) {
                keys[count++] = name;
            }
        }
        Arrays.sort(keys, 0, count);
        ensure(1);
        buffer[size++] = OBJECT;
        for (int i = 0; i < count; i++) {
            String name = keys[i];
            keys[i] = null;
            writeName(name);
            walkValue(map.get(name), name, depth + 1);
        }
        ensure(1);
        buffer[size++] = OBJECT_END;
    }

    /**
     * A map whose keys are not all strings (or that holds more than its size said), with each key as its text and the
     * value the canonical writer takes for it: its own for a string key, else the map's value for the text (such an
     * item fails validation; its hash need only be taken as the writer's pass takes it).
     */
    private static Map<String, Object> withTextKeys(Map<?, ?> map) {
        Map<String, Object> named = new TreeMap<>();
        map.forEach((key, value) -> {
            String name = String.valueOf(key);
            named.put(name, key instanceof String ? value : map.get(name));
        });
        return named;
    }

    private String[] keys(int depth, int count) {
        if (depth >= keysByDepth.length) {
            keysByDepth = Arrays.copyOf(keysByDepth, Math.max(depth + 1, keysByDepth.length * 2));
        }
        String[] keys = keysByDepth[depth];
        if (keys == null || keys.length < count) {
            keys = new String[Math.max(count, 16)];
            keysByDepth[depth] = keys;
        }
        return keys;
    }

    private void walkValue(Object value, String fieldName, int depth) {
        if (value == null) {
            ensure(1);
            buffer[size++] = NULL;
        } else if (value instanceof String text) {
            writeText(text);
        } else if (value instanceof Boolean bool) {
            ensure(1);
            buffer[size++] = bool ? TRUE : FALSE;
        } else if (value instanceof Number number) {
            writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            walkMap(map, depth);
        } else if (value instanceof WritesFields object) {
            walkTyped(object, depth);
        } else if (value instanceof Collection<?> list) {
            walkArray(list, fieldName != null && orderFreeArrays.contains(fieldName), depth, ANY_ELEMENTS);
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private void walkTyped(WritesFields object, int depth) {
        checkDepth(depth);
        ensure(1);
        buffer[size++] = OBJECT;
        int outer = typed.depth;
        typed.depth = depth;
        object.writeFields(typed);
        typed.depth = outer;
        ensure(1);
        buffer[size++] = OBJECT_END;
    }

    /**
     * Walks an array: an ordered one bracketed, an order-free one as its length and the sum of its elements'
     * hashes (each element is encoded, hashed and taken back out of the buffer).
     *
     * @param elements what its elements are: {@link #ANY_ELEMENTS}, {@link #STRING_ELEMENTS} (a typed item's strings)
     *                 or {@link #OBJECT_ELEMENTS} (a typed item's objects)
     */
    private void walkArray(Collection<?> list, boolean orderFree, int depth, int elements) {
        checkDepth(depth);
        if (!orderFree) {
            ensure(1);
            buffer[size++] = ARRAY;
            if (list instanceof List<?> indexed && list instanceof RandomAccess) {
                for (int i = 0; i < indexed.size(); i++) {
                    walkElement(indexed.get(i), depth, elements);
                }
            } else {
                for (Object element : list) {
                    walkElement(element, depth, elements);
                }
            }
            ensure(1);
            buffer[size++] = ARRAY_END;
            return;
        }
        long sum = 0;
        int count = 0;
        if (list instanceof List<?> indexed && list instanceof RandomAccess) {
            for (int i = 0; i < indexed.size(); i++) {
                sum += elementHash(indexed.get(i), depth, elements);
                count++;
            }
        } else {
            for (Object element : list) {
                sum += elementHash(element, depth, elements);
                count++;
            }
        }
        orderFree(count, sum);
    }

    private long elementHash(Object element, int depth, int elements) {
        int mark = size;
        walkElement(element, depth, elements);
        return elementHash(mark);
    }

    /**
     * Walks an element as {@link #walkValue} would, straight to its kind's walk when it is of the array's kind (a
     * list of raw type may hold anything).
     */
    private void walkElement(Object element, int depth, int elements) {
        if (element == null) {
            ensure(1);
            buffer[size++] = NULL;
        } else if (elements == STRING_ELEMENTS && element instanceof String text) {
            writeText(text);
        } else if (elements == OBJECT_ELEMENTS && element instanceof WritesFields object) {
            walkTyped(object, depth + 1);
        } else {
            walkValue(element, null, depth + 1);
        }
    }

    /**
     * Writes a field's name as the 64-bit hash of its encoding: as the same name had it at this place in the last
     * item, or taken anew. (Two names of one item type with the same 64-bit hash are as unlikely as two contents.)
     */
    private void writeName(String name) {
        int place = namesWalked++;
        String known = place < PLACES ? namesByPlace[place] : null;
        long hash;
        if (known == name || (known != null && known.equals(name))) {
            hash = nameHashesByPlace[place];
        } else {
            int start = size;
            writeText(name);
            hash = XXH3.hashBytesToLong(buffer, start, size - start);
            size = start;
            if (place < PLACES) {
                namesByPlace[place] = name;
                nameHashesByPlace[place] = hash;
            }
        }
        ensure(Long.BYTES);
        LONGS.set(buffer, size, hash);
        size += Long.BYTES;
    }

    /**
     * Writes a string: its tag, its length in UTF-8 bytes and those bytes, as {@link String#getBytes} gives them (an
     * unpaired surrogate as {@code ?}; a plain copy for the common string, one the JDK holds as ASCII).
     */
    private void writeText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeBytes(utf8, 0, utf8.length);
    }

    private void writeBytes(byte[] utf8, int from, int length) {
        ensure(length + 5);
        buffer[size] = STRING;
        INTS.set(buffer, size + 1, length);
        System.arraycopy(utf8, from, buffer, size + 5, length);
        size += length + 5;
    }

    /** Writes a timestamp as the string of its text. */
    private void writeTime(Instant value) {
        ensure(InstantText.MAX_LENGTH + 5);
        int start = size;
        int end = InstantText.write(value, buffer, start + 5);
        buffer[start] = STRING;
        INTS.set(buffer, start + 1, end - start - 5);
        size = end;
    }

    /** Writes a number: its tag and its canonical text, then a tag that ends it. */
    private void writeNumber(Number number) {
        ensure(NumberText.MAX_LENGTH + 2);
        buffer[size++] = NUMBER;
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            size = NumberText.writeLong(number.longValue(), buffer, size);
        } else {
            int end = number instanceof BigDecimal decimal ? NumberText.writeShortDecimal(decimal, buffer, size) : -1;
            if (end >= 0) {
                size = end;
            } else {
                String text = CanonicalJson.canonicalNumber(number);
                ensure(text.length() + 1);
                for (int i = 0; i < text.length(); i++) {
                    buffer[size++] = (byte) text.charAt(i);
                }
            }
        }
        buffer[size++] = NUMBER;
    }

    /**
     * The {@link FieldWriter} a typed item writes to: each field's name then its value; at the top level, the fields
     * change detection leaves out are skipped and the captured fields noted, by place as the canonical writer does.
     */
    private final class TypedWalk implements FieldWriter {
        private int depth;
        private final TopLevelFields top = new TopLevelFields();

        void start(List<String> names) {
            top.start(names);
        }

        @Override
        public void string(String name, String value) {
            if (begin(name, value)) {
                if (value == null) {
                    buffer[size++] = NULL;
                } else {
                    writeText(value);
                }
            }
        }

        @Override
        public void time(String name, Instant value) {
            if (value == null || !InstantText.writable(value)) {
                FieldWriter.super.time(name, value);
                return;
            }
            if (begin(name, value)) {
                writeTime(value);
            }
        }

        @Override
        public void number(String name, Number value) {
            if (begin(name, value)) {
                if (value == null) {
                    buffer[size++] = NULL;
                } else {
                    writeNumber(value);
                }
            }
        }

        @Override
        public void bool(String name, boolean value) {
            if (begin(name, value)) {
                buffer[size++] = value ? TRUE : FALSE;
            }
        }

        @Override
        public void object(String name, WritesFields value) {
            if (begin(name, value)) {
                if (value == null) {
                    buffer[size++] = NULL;
                } else {
                    walkTyped(value, depth + 1);
                }
            }
        }

        @Override
        public void strings(String name, List<String> values) {
            list(name, values, STRING_ELEMENTS);
        }

        @Override
        public void objects(String name, List<? extends WritesFields> values) {
            list(name, values, OBJECT_ELEMENTS);
        }

        private void list(String name, List<?> values, int elements) {
            if (begin(name, values)) {
                if (values == null) {
                    buffer[size++] = NULL;
                } else {
                    walkArray(values, orderFreeArrays.contains(name), depth + 1, elements);
                }
            }
        }

        /**
         * Starts a field: at the top level, skips a left-out one (then {@code false}) and notes a captured one (a
         * timestamp as its text); else writes its name, with room for a one-byte value after it.
         */
        private boolean begin(String name, Object value) {
            if (depth == 0 && top.next(name, value) == TopLevelFields.LEFT_OUT) {
                return false;
            }
            writeName(name);
            ensure(1);
            return true;
        }
    }
}

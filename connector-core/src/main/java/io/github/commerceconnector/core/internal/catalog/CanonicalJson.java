package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.FieldWriter;
import io.github.commerceconnector.api.catalog.WritesFields;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The canonical JSON text of a feed item, the input of its content hash: object keys sorted, the
 * elements of order-free arrays (images, category data, ...) sorted by their own canonical text, numbers
 * in one form ({@code 5}, {@code 5.0} and {@code 5.00} are the same), and the top-level fields that only
 * say when something changed ({@code modifiedAt}, {@code updatedAt}) left out. So an unchanged item
 * always has the same text, and a changed one a different text. Keys and elements are ordered as
 * {@link String#compareTo} orders their text.
 */
public final class CanonicalJson {

    /**
     * Arrays whose element order carries no meaning, by field name: sets, and lists whose elements carry their own
     * position ({@code sortOrder}, {@code position}), in the exporter's records.
     */
    public static final Set<String> ORDER_FREE_ARRAYS = Set.of("images", "categoryData", "attributes", "links",
            "parents", "discounts", "tierPrices", "optionValues", "roles", "stores", "storeViews", "websites",
            "videos", "samples", "optionsV2", "values", "shopperInputOptions", "variants", "urlRewrites",
            "parameters", "children", "availableSortBy", "ratings", "visibility");

    /** Top-level fields left out of change detection. */
    public static final Set<String> IGNORED_FIELDS = Set.of("modifiedAt", "updatedAt");

    /**
     * The deepest nesting written; deeper (or cyclic) values are refused rather than overflowing the stack. Above
     * the deepest nesting item validation allows (256).
     */
    public static final int MAX_DEPTH = 512;

    private final Set<String> orderFreeArrays;

    /** The canonical form with the default order-free arrays. */
    public CanonicalJson() {
        this(ORDER_FREE_ARRAYS);
    }

    /** The canonical form with other order-free array names. */
    public CanonicalJson(Set<String> orderFreeArrays) {
        this.orderFreeArrays = Set.copyOf(orderFreeArrays);
    }

    /**
     * The canonical text of an item's fields.
     *
     * @throws IllegalArgumentException for a value that is not JSON, or nests deeper than {@value #MAX_DEPTH} levels
     *     (validate first)
     */
    public String of(Map<String, ?> fields) {
        Writer writer = writer();
        int length = writer.write(fields);
        return Wtf8.decode(writer.buffer(), length);
    }

    /** A reusable writer of this canonical form, for one thread, that checks nothing. */
    Writer writer() {
        return writer(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * A reusable writer of this canonical form, for one thread, that also notices what {@link ItemValidator}
     * with these limits may refuse ({@link Writer#suspect()}).
     */
    Writer writer(int maxStringBytes, int maxDepth) {
        return new Writer(orderFreeArrays, maxStringBytes, maxDepth);
    }

    /**
     * Writes the canonical text straight as bytes into one buffer it keeps: UTF-8, except that an unpaired
     * UTF-16 surrogate (only in items validation rejects) is kept as its own three-byte sequence so that
     * ordering stays exact ({@link Wtf8}). Key orders are remembered per shape of object, and sorting scratch
     * is kept per nesting level, so that after the first items of a shape nothing is allocated.
     *
     * <p>While it writes, it notices everything {@link ItemValidator} refuses (a control character, an
     * unpaired surrogate, a string that may be too long, nesting too deep, a field name that is not a
     * non-empty string, a number of an odd type or a negative {@code qty}, a field it leaves out that is not a
     * string or a typed item's timestamp), and some things it accepts (tab, line feed and carriage return
     * excepted): an item it does not call {@link #suspect()} needs no validation walk of its own. Not thread-safe.
     */
    static final class Writer {
        private final Set<String> orderFreeArrays;
        private final int maxStringBytes;
        private final int maxDepth;
        /**
         * Scratch per nesting level, the levels a catalog item nests made up front: a level first made in the
         * middle of a sync would take a branch that compiled code has never seen, and the JIT would throw the
         * whole compiled item path away to recompile it.
         */
        private Level[] levels = newLevels(PREPARED_LEVELS);
        private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
        private int size;
        private int unpairedSurrogates;
        private boolean suspect;
        private boolean leftOutWritten;
        private int canonicalEnd;
        private int namesWritten;
        private final TypedFields fields = new TypedFields();
        private final FieldNames names = new FieldNames();
        /** What is given every field and value as it is written, or {@code null}: {@link #shadow}. */
        private FieldHasher shadow;
        /** Whether the shadow is given what is written now: not the fields left out of the canonical text. */
        private boolean shadowing;

        private Writer(Set<String> orderFreeArrays, int maxStringBytes, int maxDepth) {
            this.orderFreeArrays = orderFreeArrays;
            this.maxStringBytes = maxStringBytes;
            this.maxDepth = maxDepth;
        }

        /**
         * Writes the canonical text of an item's fields into {@link #buffer()}, valid until the next call.
         *
         * @return its length in bytes
         * @throws IllegalArgumentException for a value that is not JSON (validate first)
         */
        int write(Map<String, ?> fields) {
            return write(fields, false);
        }

        /**
         * Writes an item's JSON as it is sent into {@link #buffer()}: its canonical text, with the fields left
         * out of it put back, in name order, just before the closing brace. The canonical text is the
         * first {@link #canonicalEnd()} bytes followed by that brace, so one pass gives both the content hash's
         * input and the request's bytes.
         *
         * @return its length in bytes
         * @throws IllegalArgumentException for a value that is not JSON (validate first)
         */
        int writeItem(Map<String, ?> fields) {
            return write(fields, true);
        }

        private int write(Map<String, ?> fields, boolean withLeftOut) {
            begin();
            leftOutWritten = withLeftOut;
            writeObject(fields, true, 0);
            return size;
        }

        /**
         * Writes a typed item's JSON as sent, as {@link #writeItem} writes its fields map (the same bytes), from
         * its own fields given in name order: no map is built. Notes the values of the top-level fields named in
         * {@code captured} ({@link #captured(int)}).
         *
         * @return its length in bytes
         */
        int writeTyped(WritesFields item, List<String> captured) {
            begin();
            fields.start(captured);
            ensure(1);
            buffer[size++] = '{';
            if (shadowing) {
                shadow.beginObject();
            }
            fields.enter(0);
            item.writeFields(fields);
            canonicalEnd = size;
            boolean shadowed = shadowing;
            shadowing = false;
            fields.writeLeftOut();
            shadowing = shadowed;
            endObject();
            return size;
        }

        /**
         * Has a {@link FieldHasher} given each field and value of the canonical text (so not the fields it leaves
         * out) as it is written, so that an item's field hash comes from the same pass as its JSON.
         */
        void shadow(FieldHasher hasher) {
            shadow = hasher;
        }

        /**
         * Starts a new text; lets go of a buffer an unusually large item grew, as a thread may keep its writer for
         * its whole life.
         */
        private void begin() {
            shadowing = shadow != null;
            size = 0;
            namesWritten = 0;
            unpairedSurrogates = 0;
            suspect = false;
            if (buffer.length > KEPT_BUFFER_BYTES) {
                buffer = new byte[INITIAL_BUFFER_BYTES];
            }
        }

        /**
         * Makes ready for typed items whose top-level fields named in {@code captured} are to be noted, before the
         * first one: so that the first item written takes the path every later one takes.
         */
        void expectCaptured(List<String> captured) {
            fields.start(captured);
        }

        /** The value of the {@code index}th captured top-level field of the last typed item, or {@code null}. */
        Object captured(int index) {
            return fields.top.captured(index);
        }

        /** Writes a typed object nested at {@code depth}. */
        private void writeTypedObject(WritesFields object, int depth) {
            checkDepth(depth);
            if (depth + 1 > maxDepth) {
                suspect = true;
            }
            ensure(1);
            buffer[size++] = '{';
            if (shadowing) {
                shadow.beginObject();
            }
            int outerDepth = fields.depth;
            boolean outerFirst = fields.first;
            fields.enter(depth);
            object.writeFields(fields);
            fields.depth = outerDepth;
            fields.first = outerFirst;
            endObject();
        }

        private void endObject() {
            ensure(1);
            buffer[size++] = '}';
            if (shadowing) {
                shadow.endObject();
            }
        }

        /** Where the canonical text of the last item ends, its closing brace excepted. */
        int canonicalEnd() {
            return canonicalEnd;
        }

        /** The buffer holding the last text written. */
        byte[] buffer() {
            return buffer;
        }

        /** Whether the last text holds unpaired surrogates (in their {@link Wtf8} form). */
        boolean hasUnpairedSurrogates() {
            return unpairedSurrogates > 0;
        }

        /** Whether the last item written holds something validation may refuse. */
        boolean suspect() {
            return suspect || unpairedSurrogates > 0;
        }

        private Level level(int depth) {
            if (depth >= levels.length) {
                Level[] grown = newLevels(depth + 1);
                System.arraycopy(levels, 0, grown, 0, levels.length);
                levels = grown;
            }
            return levels[depth];
        }

        private void writeObject(Map<?, ?> map, boolean topLevel, int depth) {
            checkDepth(depth);
            if (depth + 1 > maxDepth) {
                suspect = true;
            }
            Level level = level(depth);
            int count = level.collect(map, topLevel);
            if (level.oddKeys()) {
                suspect = true;
            }
            String[] keys = level.keys();
            Object[] values = level.values();
            if (topLevel) {
                level.checkLeftOut(this);
            }
            int[] order = level.order(keys, count);
            ensure(1);
            buffer[size++] = '{';
            if (shadowing) {
                shadow.beginObject();
            }
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    ensure(1);
                    buffer[size++] = ',';
                }
                int index = order[i];
                writeName(keys[index]);
                writeValue(values[index], keys[index], depth + 1);
            }
            if (topLevel) {
                canonicalEnd = size;
                boolean shadowed = shadowing;
                shadowing = false;
                level.takeLeftOut(this, leftOutWritten, count > 0);
                shadowing = shadowed;
            }
            endObject();
            Arrays.fill(values, 0, count, null);
        }

        /** Writes a field left out of the canonical text, after the others. */
        void writeLeftOut(String name, Object value, boolean comma) {
            ensure(1);
            if (comma) {
                buffer[size++] = ',';
            }
            writeName(name);
            writeValue(value, name, 1);
        }

        /** Writes a timestamp field left out of the canonical text, after the others. */
        private void writeLeftOutTime(String name, Instant value, boolean comma) {
            ensure(1);
            if (comma) {
                buffer[size++] = ',';
            }
            writeName(name);
            writeTime(value);
        }

        /** Writes a {@link InstantText#writable} timestamp as a JSON string. */
        private void writeTime(Instant value) {
            if (shadowing) {
                shadow.time(value);
            }
            ensure(InstantText.MAX_LENGTH + 2);
            buffer[size++] = '"';
            size = InstantText.write(value, buffer, size);
            buffer[size++] = '"';
        }

        /** Refuses nesting beyond {@link #MAX_DEPTH} (the top-level object is depth 0 here). */
        private static void checkDepth(int depth) {
            if (depth + 1 > MAX_DEPTH) {
                throw new IllegalArgumentException("Not JSON this SDK sends: the value nests deeper than " + MAX_DEPTH
                        + " levels (or contains itself)");
            }
        }

        /** Notices a left-out field that validation may refuse: anything but a plain, short string. */
        void checkLeftOut(Object value) {
            if (value instanceof String text) {
                if (text.length() > maxStringBytes / 3) {
                    suspect = true;
                }
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)) {
                        suspect = true;
                    }
                }
            } else if (value != null) {
                suspect = true;
            }
        }

        private void writeValue(Object value, String fieldName, int depth) {
            if (value == null) {
                writeNull();
            } else if (value instanceof String text) {
                writeText(text);
            } else if (value instanceof Boolean bool) {
                writeBool(bool);
            } else if (value instanceof Number number) {
                writeNumber(number, fieldName);
            } else if (value instanceof Map<?, ?> map) {
                writeObject(map, false, depth);
            } else if (value instanceof WritesFields typed) {
                writeTypedObject(typed, depth);
            } else if (value instanceof Collection<?> list) {
                writeArray(list, orderFree(fieldName), depth);
            } else {
                throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
            }
        }

        private boolean orderFree(String fieldName) {
            return fieldName != null && orderFreeArrays.contains(fieldName);
        }

        private void writeNull() {
            writeAscii("null");
            if (shadowing) {
                shadow.nul();
            }
        }

        private void writeBool(boolean value) {
            writeAscii(value ? "true" : "false");
            if (shadowing) {
                shadow.bool(value);
            }
        }

        /** Writes a string value, noticing one that may be too long. */
        private void writeText(String text) {
            if (text.length() > maxStringBytes / 3) {
                suspect = true;
            }
            int start = size;
            byte[] plain = writeString(text, false);
            if (shadowing) {
                if (plain != null) {
                    shadow.ascii(plain, 0, plain.length);
                } else if (size - start == text.length() + 2) {
                    shadow.ascii(buffer, start + 1, text.length());
                } else {
                    shadow.text(text);
                }
            }
        }

        /**
         * Writes a field name and its colon ({@code "name":}), from {@link FieldNames} when the name was met
         * before, else written and kept there if validation has nothing to say about it.
         */
        private void writeName(String name) {
            if (shadowing) {
                shadow.name(name);
            }
            int place = namesWritten++;
            byte[] known = names.find(place, name);
            if (known != null) {
                ensure(known.length);
                System.arraycopy(known, 0, buffer, size, known.length);
                size += known.length;
                return;
            }
            int start = size;
            boolean suspectBefore = suspect;
            int unpairedBefore = unpairedSurrogates;
            suspect = false;
            writeString(name, true);
            ensure(1);
            buffer[size++] = ':';
            if (!suspect && unpairedSurrogates == unpairedBefore) {
                names.keep(place, name, buffer, start, size);
            }
            suspect |= suspectBefore;
        }

        private void writeNumber(Number number, String fieldName) {
            if (shadowing) {
                shadow.number(number);
            }
            if (number instanceof Integer || number instanceof Long || number instanceof Short
                    || number instanceof Byte) {
                long value = number.longValue();
                if (value < 0 && "qty".equals(fieldName)) {
                    suspect = true;
                }
                writeLong(value);
                return;
            }
            if (number instanceof BigDecimal decimal && writeShortDecimal(decimal)) {
                if (decimal.signum() < 0 && "qty".equals(fieldName)) {
                    suspect = true;
                }
                return;
            }
            String text = canonicalNumber(number);
            if (!(number instanceof BigDecimal || number instanceof BigInteger || number instanceof Double
                    || number instanceof Float) || ("qty".equals(fieldName) && text.startsWith("-"))
                    || (number instanceof BigDecimal decimal
                            && Math.abs((long) decimal.scale()) > ItemValidator.MAX_DECIMAL_SCALE)) {
                suspect = true;
            }
            writeAscii(text);
        }

        private void writeArray(Collection<?> list, boolean sorted, int depth) {
            checkDepth(depth);
            if (depth + 1 > maxDepth) {
                suspect = true;
            }
            ensure(1);
            buffer[size++] = '[';
            if (sorted) {
                writeSorted(list, depth);
                ensure(1);
                buffer[size++] = ']';
                return;
            }
            if (shadowing) {
                shadow.beginArray();
            }
            if (list instanceof List<?> indexed && list instanceof RandomAccess) {
                for (int i = 0; i < indexed.size(); i++) {
                    if (i > 0) {
                        ensure(1);
                        buffer[size++] = ',';
                    }
                    writeValue(indexed.get(i), null, depth + 1);
                }
            } else {
                boolean first = true;
                for (Object element : list) {
                    if (!first) {
                        ensure(1);
                        buffer[size++] = ',';
                    }
                    first = false;
                    writeValue(element, null, depth + 1);
                }
            }
            ensure(1);
            buffer[size++] = ']';
            if (shadowing) {
                shadow.endArray();
            }
        }

        /**
         * Writes the elements as they come, with commas, then sorts them by their text where they are; only when
         * they were out of order is the run copied aside and rewritten in order. When {@link #shadow shadowed}, they
         * stay as they came: the content hash is the shadow's, which takes them in any order, so the JSON need not be
         * canonical.
         */
        private void writeSorted(Collection<?> list, int depth) {
            Level level = level(depth);
            int start = size;
            int count = 0;
            long hashes = 0;
            if (list instanceof List<?> indexed && list instanceof RandomAccess) {
                for (int i = 0; i < indexed.size(); i++) {
                    hashes += writeElement(indexed.get(i), depth, level, count++);
                }
            } else {
                for (Object element : list) {
                    hashes += writeElement(element, depth, level, count++);
                }
            }
            if (shadowing) {
                shadow.orderFree(count, hashes);
                return;
            }
            if (count < 2) {
                return;
            }
            int[] sorted = level.sortElements(buffer, count);
            if (Level.inOrder(sorted, count)) {
                return;
            }
            int length = size - start;
            byte[] run = level.scratch(length);
            System.arraycopy(buffer, start, run, 0, length);
            size = start;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    buffer[size++] = ',';
                }
                int element = sorted[i];
                int from = level.start(element);
                int elementLength = level.end(element) - from;
                System.arraycopy(run, from - start, buffer, size, elementLength);
                size += elementLength;
            }
        }

        /** Writes an element of an order-free array; returns its hash when shadowed ({@link #shadow}), else 0. */
        private long writeElement(Object element, int depth, Level level, int index) {
            if (index > 0) {
                ensure(1);
                buffer[size++] = ',';
            }
            int before = unpairedSurrogates;
            int elementStart = size;
            int mark = shadowing ? shadow.mark() : 0;
            writeValue(element, null, depth + 1);
            level.element(index, elementStart, size, unpairedSurrogates != before);
            return shadowing ? shadow.elementHash(mark) : 0;
        }

        /**
         * Writes a string; {@code name} when it is a field name (where validation refuses line breaks too). The
         * common string, plain ASCII, is written here; from the first character that needs more, {@link
         * #writeRest} writes the rest, out of the way of the JIT's inlining.
         *
         * @return the string's bytes when it was a plain ASCII string of {@link PlainAscii#bytesOf}, else {@code null}
         */
        private byte[] writeString(String text, boolean name) {
            int length = text.length();
            if (length >= PLAIN_CHECKED_LENGTH) {
                byte[] plain = PlainAscii.bytesOf(text);
                if (plain != null) {
                    ensure(length + 2);
                    buffer[size++] = '"';
                    System.arraycopy(plain, 0, buffer, size, length);
                    size += length;
                    buffer[size++] = '"';
                    return plain;
                }
            }
            ensure(length * 3 + 2);
            byte[] out = buffer;
            int at = size;
            out[at++] = '"';
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                    size = at;
                    writeRest(text, i, name);
                    return null;
                }
                out[at++] = (byte) c;
            }
            out[at++] = '"';
            size = at;
            return null;
        }

        /** Writes a string's characters from {@code from} on, escaped and encoded, and its closing quote. */
        private void writeRest(String text, int from, boolean name) {
            int length = text.length();
            byte[] out = buffer;
            int at = size;
            for (int i = from; i < length; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    if (c >= 0x20 && c != '"' && c != '\\') {
                        out[at++] = (byte) c;
                    } else if (c >= 0x20) {
                        out[at++] = '\\';
                        out[at++] = (byte) c;
                    } else {
                        if (name || (c != '\t' && c != '\n' && c != '\r')) {
                            suspect = true;
                        }
                        size = at;
                        writeControl(c, length - i);
                        out = buffer;
                        at = size;
                    }
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | (c >> 6));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    out[at++] = (byte) (0xF0 | (codePoint >> 18));
                    out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (codePoint & 0x3F));
                } else {
                    if (Character.isSurrogate(c)) {
                        unpairedSurrogates++;
                    }
                    out[at++] = (byte) (0xE0 | (c >> 12));
                    out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            out[at++] = '"';
            size = at;
        }

        /** Writes {@code \}{@code u00XX} for a control character, keeping room for the rest of the string. */
        private void writeControl(char c, int charsLeft) {
            ensure(6 + charsLeft * 3 + 1);
            buffer[size++] = '\\';
            buffer[size++] = 'u';
            buffer[size++] = '0';
            buffer[size++] = '0';
            buffer[size++] = HEX[c >> 4];
            buffer[size++] = HEX[c & 0xF];
        }

        private void writeAscii(String text) {
            int length = text.length();
            ensure(length);
            for (int i = 0; i < length; i++) {
                buffer[size++] = (byte) text.charAt(i);
            }
        }

        /**
         * Writes a decimal as {@link NumberText#writeShortDecimal} does; {@code false}, nothing written, for one it
         * does not write.
         */
        private boolean writeShortDecimal(BigDecimal decimal) {
            ensure(NumberText.MAX_LENGTH);
            int end = NumberText.writeShortDecimal(decimal, buffer, size);
            if (end < 0) {
                return false;
            }
            size = end;
            return true;
        }

        private void writeLong(long value) {
            ensure(NumberText.MAX_LENGTH);
            size = NumberText.writeLong(value, buffer, size);
        }

        /**
         * The {@link FieldWriter} a typed item writes to: each field after a comma but the first of its object, its
         * value as {@link #writeValue} writes a value of its kind; at the top level, the fields change detection
         * leaves out are held back to be written last, and the captured fields noted. What a top-level field is
         * (left out, captured or neither) is remembered by its place among the item's fields, so that items of
         * one type, which give the same name constants in the same order, only compare references.
         */
        private final class TypedFields implements FieldWriter {
            private int depth;
            private boolean first;
            private final TopLevelFields top = new TopLevelFields();
            private final String[] leftOutNames = new String[IGNORED_FIELDS.size()];
            private final Object[] leftOutValues = new Object[IGNORED_FIELDS.size()];
            private int leftOutCount;

            void start(List<String> names) {
                top.start(names);
                leftOutCount = 0;
            }

            void enter(int objectDepth) {
                depth = objectDepth;
                first = true;
            }

            @Override
            public void string(String name, String value) {
                if (begin(name, value)) {
                    if (value == null) {
                        writeNull();
                    } else {
                        writeText(value);
                    }
                }
            }

            /**
             * Writes a timestamp's text straight into the buffer; one of a year {@link InstantText} does not write
             * goes as its text, as {@link FieldWriter#time} gives it. A left-out timestamp is held back as it is.
             */
            @Override
            public void time(String name, Instant value) {
                if (value == null || !InstantText.writable(value)) {
                    FieldWriter.super.time(name, value);
                    return;
                }
                if (maxStringBytes / 3 < InstantText.MAX_LENGTH && InstantText.length(value) > maxStringBytes / 3) {
                    suspect = true;
                }
                if (begin(name, value)) {
                    writeTime(value);
                }
            }

            @Override
            public void number(String name, Number value) {
                if (begin(name, value)) {
                    if (value == null) {
                        writeNull();
                    } else {
                        writeNumber(value, name);
                    }
                }
            }

            @Override
            public void bool(String name, boolean value) {
                if (begin(name, value)) {
                    writeBool(value);
                }
            }

            @Override
            public void object(String name, WritesFields value) {
                if (begin(name, value)) {
                    if (value == null) {
                        writeNull();
                    } else {
                        writeTypedObject(value, depth + 1);
                    }
                }
            }

            @Override
            public void strings(String name, List<String> values) {
                list(name, values);
            }

            @Override
            public void objects(String name, List<? extends WritesFields> values) {
                list(name, values);
            }

            private void list(String name, List<?> values) {
                if (begin(name, values)) {
                    if (values == null) {
                        writeNull();
                    } else {
                        writeArray(values, orderFree(name), depth + 1);
                    }
                }
            }

            /**
             * Starts a field: at the top level, holds a left-out field back (then {@code false}: nothing to
             * write now) and notes a captured one (a timestamp as its text); else writes its comma and name. A
             * timestamp {@link #time} lets through is plain and short: a left-out one needs no check.
             */
            private boolean begin(String name, Object value) {
                if (depth == 0 && top.next(name, value) == TopLevelFields.LEFT_OUT) {
                    if (!(value instanceof Instant)) {
                        checkLeftOut(value);
                    }
                    leftOutNames[leftOutCount] = name;
                    leftOutValues[leftOutCount++] = value;
                    return false;
                }
                ensure(1);
                if (!first) {
                    buffer[size++] = ',';
                }
                first = false;
                writeName(name);
                return true;
            }

            /** Writes the held-back top-level fields, in name order (as they came). */
            void writeLeftOut() {
                for (int i = 0; i < leftOutCount; i++) {
                    if (leftOutValues[i] instanceof Instant instant) {
                        writeLeftOutTime(leftOutNames[i], instant, !first || i > 0);
                    } else {
                        Writer.this.writeLeftOut(leftOutNames[i], leftOutValues[i], !first || i > 0);
                    }
                    leftOutValues[i] = null;
                }
            }
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                grow(more);
            }
        }

        /** Out of {@link #ensure}'s way, so that the check inlines everywhere. */
        private void grow(int more) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    /** A writer's buffer to begin with: more than most items' JSON. */
    private static final int INITIAL_BUFFER_BYTES = 4096;

    /** The length from which a string is first tested whole for {@link PlainAscii plain ASCII}. */
    private static final int PLAIN_CHECKED_LENGTH = 16;

    /** The largest buffer a writer keeps from one item to the next; one an item grew beyond it is let go. */
    private static final int KEPT_BUFFER_BYTES = 1 << 20;

    /** The nesting levels a writer makes when it is made: deeper than the typed items nest their lists. */
    private static final int PREPARED_LEVELS = 8;

    private static Level[] newLevels(int count) {
        Level[] levels = new Level[count];
        for (int i = 0; i < count; i++) {
            levels[i] = new Level();
        }
        return levels;
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * Scratch space of one nesting level: key and value slots, the key orders of the object shapes seen
     * (by key identity, as typed items reuse their key constants), and the element ranges of a sorted array.
     */
    private static final class Level {
        private static final int SHAPES = 8;

        private String[] keys = new String[32];
        private Object[] values = new Object[32];
        private Object[] leftOut = new Object[4];
        private String[] leftOutNames = new String[4];
        private int count;
        private int leftOutCount;
        private boolean topLevel;
        private boolean oddKeys;
        private Map<?, ?> map;
        private final BiConsumer<Object, Object> collector = this::take;
        private final String[][] shapeKeys = new String[SHAPES][];
        private final int[][] shapeOrders = new int[SHAPES][];
        private int nextShape;
        private int[] starts = new int[8];
        private int[] ends = new int[8];
        private boolean[] unpaired = new boolean[8];
        private int[] sorted = new int[8];
        private byte[] scratch = new byte[1024];

        /**
         * Takes the keys and values of an object (without the left-out fields at the top level) into this
         * level's slots, in the map's order; returns how many.
         */
        int collect(Map<?, ?> object, boolean top) {
            int size = object.size();
            if (keys.length < size) {
                keys = new String[Math.max(size, keys.length * 2)];
                values = new Object[keys.length];
            }
            map = object;
            topLevel = top;
            oddKeys = false;
            count = 0;
            leftOutCount = 0;
            object.forEach(collector);
            map = null;
            return count;
        }

        private void take(Object key, Object value) {
            String name;
            Object taken = value;
            if (key instanceof String text && !text.isEmpty()) {
                name = text;
            } else {
                oddKeys = true;
                name = String.valueOf(key);
                taken = key instanceof String ? value : map.get(name);
            }
            if (topLevel && IGNORED_FIELDS.contains(name)) {
                if (leftOutCount == leftOut.length) {
                    leftOut = Arrays.copyOf(leftOut, leftOutCount * 2);
                    leftOutNames = Arrays.copyOf(leftOutNames, leftOutCount * 2);
                }
                leftOutNames[leftOutCount] = name;
                leftOut[leftOutCount++] = value;
                return;
            }
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            keys[count] = name;
            values[count++] = taken;
        }

        /** Whether the last object had a field name that is not a non-empty string. */
        boolean oddKeys() {
            return oddKeys;
        }

        /** Has the writer check the fields the last (top-level) object left out. */
        void checkLeftOut(Writer writer) {
            for (int i = 0; i < leftOutCount; i++) {
                writer.checkLeftOut(leftOut[i]);
            }
        }

        /**
         * Has the writer write the fields the last (top-level) object left out, when asked, and lets go of them.
         *
         * @param afterOthers whether fields were written before them (so a comma comes first)
         */
        void takeLeftOut(Writer writer, boolean write, boolean afterOthers) {
            for (int i = 1; i < leftOutCount; i++) {
                for (int j = i; j > 0 && leftOutNames[j - 1].compareTo(leftOutNames[j]) > 0; j--) {
                    String name = leftOutNames[j];
                    leftOutNames[j] = leftOutNames[j - 1];
                    leftOutNames[j - 1] = name;
                    Object value = leftOut[j];
                    leftOut[j] = leftOut[j - 1];
                    leftOut[j - 1] = value;
                }
            }
            for (int i = 0; i < leftOutCount; i++) {
                if (write) {
                    writer.writeLeftOut(leftOutNames[i], leftOut[i], afterOthers || i > 0);
                }
                leftOut[i] = null;
                leftOutNames[i] = null;
            }
        }

        String[] keys() {
            return keys;
        }

        Object[] values() {
            return values;
        }

        /** The sorted order of the first {@code count} keys, remembered per sequence of key objects. */
        int[] order(String[] current, int count) {
            for (int shape = 0; shape < SHAPES; shape++) {
                String[] known = shapeKeys[shape];
                if (known != null && known.length == count && sameKeys(known, current, count)) {
                    return shapeOrders[shape];
                }
            }
            Integer[] boxed = new Integer[count];
            for (int i = 0; i < count; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> current[a].compareTo(current[b]));
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = boxed[i];
            }
            int shape = nextShape;
            nextShape = (nextShape + 1) % SHAPES;
            shapeKeys[shape] = Arrays.copyOf(current, count);
            shapeOrders[shape] = order;
            return order;
        }

        private static boolean sameKeys(String[] known, String[] current, int count) {
            for (int i = 0; i < count; i++) {
                if (!known[i].equals(current[i])) {
                    return false;
                }
            }
            return true;
        }

        void element(int index, int start, int end, boolean hasUnpaired) {
            if (index >= starts.length) {
                int grown = starts.length * 2;
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
                unpaired = Arrays.copyOf(unpaired, grown);
                sorted = Arrays.copyOf(sorted, grown);
            }
            starts[index] = start;
            ends[index] = end;
            unpaired[index] = hasUnpaired;
        }

        int start(int element) {
            return starts[element];
        }

        int end(int element) {
            return ends[element];
        }

        /** Room for {@code length} bytes; kept for the next array unless beyond what a writer keeps. */
        byte[] scratch(int length) {
            if (length > KEPT_BUFFER_BYTES) {
                return new byte[length];
            }
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, Math.min(scratch.length * 2, KEPT_BUFFER_BYTES))];
            }
            return scratch;
        }

        /** Whether a sorted order leaves every element where it is. */
        static boolean inOrder(int[] order, int count) {
            for (int i = 0; i < count; i++) {
                if (order[i] != i) {
                    return false;
                }
            }
            return true;
        }

        /** Sorts the elements written in {@code run} by their text (insertion sort: arrays here are short). */
        int[] sortElements(byte[] run, int count) {
            for (int i = 0; i < count; i++) {
                int element = i;
                int j = i - 1;
                while (j >= 0 && compare(run, sorted[j], element) > 0) {
                    sorted[j + 1] = sorted[j];
                    j--;
                }
                sorted[j + 1] = element;
            }
            return sorted;
        }

        private int compare(byte[] run, int a, int b) {
            if (unpaired[a] || unpaired[b]) {
                return Wtf8.decode(run, starts[a], ends[a]).compareTo(Wtf8.decode(run, starts[b], ends[b]));
            }
            return Wtf8.compareAsUtf16(run, starts[a], ends[a], starts[b], ends[b]);
        }
    }

    /**
     * One text per numeric value: plain decimal, no trailing zeros.
     *
     * @throws IllegalArgumentException for a decimal whose plain form would run beyond {@link
     *     ItemValidator#MAX_DECIMAL_SCALE} digits of exponent (validation refuses those first)
     */
    static String canonicalNumber(Number number) {
        BigDecimal decimal;
        if (number instanceof BigDecimal big) {
            decimal = big;
        } else if (number instanceof BigInteger big) {
            return big.toString();
        } else if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Not a finite number: " + value);
            }
            decimal = new BigDecimal(number.toString());
        } else if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte) {
            return Long.toString(number.longValue());
        } else {
            decimal = new BigDecimal(number.toString());
        }
        if (decimal.signum() == 0) {
            return "0";
        }
        if (Math.abs((long) decimal.scale()) + decimal.precision() > ItemValidator.MAX_DECIMAL_SCALE) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            if (Math.abs((long) stripped.scale()) > ItemValidator.MAX_DECIMAL_SCALE) {
                throw new IllegalArgumentException("Not a number JSON carries plainly: its exponent is beyond "
                        + ItemValidator.MAX_DECIMAL_SCALE + " (scale " + stripped.scale() + ")");
            }
            return stripped.toPlainString();
        }
        String plain = decimal.toPlainString();
        if (decimal.scale() <= 0 || plain.charAt(plain.length() - 1) != '0') {
            return plain;
        }
        int end = plain.length();
        while (plain.charAt(end - 1) == '0') {
            end--;
        }
        return plain.substring(0, plain.charAt(end - 1) == '.' ? end - 1 : end);
    }
}

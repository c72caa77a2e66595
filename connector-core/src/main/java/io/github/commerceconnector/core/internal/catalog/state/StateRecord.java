package io.github.commerceconnector.core.internal.catalog.state;

import io.github.commerceconnector.api.catalog.ItemKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One record of a feed's state log, and its binary form. Every record is self-contained (it repeats the
 * item's identity values) so that the latest record of an item tells everything about it, and carries a
 * CRC-32C so that a torn or corrupt tail is recognised and ignored.
 *
 * <pre>
 * u16 length of the whole record | u8 kind | u64 identity hash | u64 content hash | u32 epoch seconds
 * | per identity field: u16 length + UTF-8 (item kinds only) | u16 length + UTF-8 reason (REJECTED only)
 * | u32 CRC-32C of everything before it
 * </pre>
 *
 * @param kind         what the record says
 * @param identityHash the item's identity hash (0 for {@link Kind#FULL_SYNC} and {@link Kind#CHECKPOINT})
 * @param contentHash  the content hash concerned
 * @param epochSeconds when it happened
 * @param key          the identity values, or {@code null} for removals and full syncs
 * @param reason       the rejection reason, or {@code null}
 */
record StateRecord(Kind kind, long identityHash, long contentHash, long epochSeconds, ItemKey key, String reason) {

    /** Bytes before the variable part. */
    static final int FIXED = 2 + 1 + 8 + 8 + 4;
    /** Bytes of the trailing checksum. */
    static final int CRC = 4;
    /** The longest identity value, in UTF-8 bytes. */
    static final int MAX_VALUE_BYTES = 1024;
    /** Rejection reasons are cut to this many UTF-8 bytes. */
    static final int MAX_REASON_BYTES = 1024;

    /** What a record says. */
    enum Kind {
        /** The item is accepted with this content. */
        ACCEPTED(1),
        /** The item is rejected with this content, for a reason. */
        REJECTED(2),
        /** The item is retryable with this content. */
        RETRYABLE(3),
        /** The item is forgotten. */
        REMOVED(4),
        /** A full sync finished at this time. */
        FULL_SYNC(5),
        /** The item is about to be sent with this content; no answer is recorded yet. */
        UNCONFIRMED(6),
        /**
         * The checkpoint of a running resync (format 2): the content hash holds the count of leading items
         * confirmed, or -1 once the resync finished; the time is when the resync started.
         */
        CHECKPOINT(7);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind of(int code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            return null;
        }

        boolean hasKey() {
            return this == ACCEPTED || this == REJECTED || this == RETRYABLE || this == UNCONFIRMED;
        }
    }

    /** The record's binary form. */
    byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(maxLength());
        int length = encodeInto(buffer, new CRC32C());
        byte[] bytes = new byte[length];
        System.arraycopy(buffer.array(), 0, bytes, 0, length);
        return bytes;
    }

    /** The most bytes {@link #encodeInto} may write for this record. */
    int maxLength() {
        int length = FIXED + CRC;
        if (kind.hasKey()) {
            for (String value : key.values()) {
                length += 2 + 3 * Math.min(value.length(), MAX_VALUE_BYTES);
            }
        }
        if (kind == Kind.REJECTED) {
            length += 2 + MAX_REASON_BYTES;
        }
        return length;
    }

    /**
     * Appends the record's binary form to a heap buffer with room for {@link #maxLength()} bytes, checksummed with
     * a checksum object to reuse.
     *
     * @return its length
     */
    int encodeInto(ByteBuffer buffer, CRC32C crc) {
        int start = buffer.position();
        buffer.position(start + 2);
        buffer.put((byte) kind.code).putLong(identityHash).putLong(contentHash).putInt((int) epochSeconds);
        if (kind.hasKey()) {
            for (String value : key.values()) {
                putText(buffer, value);
            }
        }
        if (kind == Kind.REJECTED) {
            byte[] reasonBytes = truncate(reason == null ? "" : reason);
            buffer.putShort((short) reasonBytes.length).put(reasonBytes);
        }
        int length = buffer.position() - start + CRC;
        buffer.putShort(start, (short) length);
        crc.reset();
        crc.update(buffer.array(), buffer.arrayOffset() + start, length - CRC);
        buffer.putInt((int) crc.getValue());
        return length;
    }

    /** Writes an identity value as u16 length + UTF-8, refusing one over {@link #MAX_VALUE_BYTES}. */
    private void putText(ByteBuffer buffer, String value) {
        if (value.length() > MAX_VALUE_BYTES) {
            throw tooLong(value.getBytes(StandardCharsets.UTF_8).length);
        }
        int lengthAt = buffer.position();
        buffer.position(lengthAt + 2);
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                byte[] rest = value.substring(i).getBytes(StandardCharsets.UTF_8);
                if (bytes + rest.length > MAX_VALUE_BYTES) {
                    throw tooLong(bytes + rest.length);
                }
                buffer.put(rest);
                bytes += rest.length;
                break;
            }
            buffer.put((byte) c);
            bytes++;
        }
        buffer.putShort(lengthAt, (short) bytes);
    }

    private IllegalArgumentException tooLong(int bytes) {
        return new IllegalArgumentException("Identity value of " + key + " is " + bytes
                + " bytes long: the sync state keeps at most " + MAX_VALUE_BYTES);
    }

    private static byte[] truncate(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return bytes;
        }
        int end = MAX_REASON_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        byte[] cut = new byte[end];
        System.arraycopy(bytes, 0, cut, 0, end);
        return cut;
    }

    /** The total length announced by a record's first two bytes. */
    static int lengthOf(byte[] buffer, int offset) {
        return ((buffer[offset] & 0xFF) << 8) | (buffer[offset + 1] & 0xFF);
    }

    /**
     * Whether {@code length} bytes at {@code offset} form an intact record: a sane length, a known kind and
     * a matching checksum.
     */
    static boolean isIntact(byte[] buffer, int offset, int length) {
        return isIntact(buffer, offset, length, new CRC32C());
    }

    /** As {@link #isIntact(byte[], int, int)}, with a checksum to reuse. */
    static boolean isIntact(byte[] buffer, int offset, int length, CRC32C crc) {
        if (length < FIXED + CRC || Kind.of(buffer[offset + 2]) == null) {
            return false;
        }
        crc.reset();
        crc.update(buffer, offset, length - CRC);
        return intAt(buffer, offset + length - CRC) == (int) crc.getValue();
    }

    /** The kind of an intact record, read in place. */
    static Kind kindOf(byte[] buffer, int offset) {
        return Kind.of(buffer[offset + 2]);
    }

    /** The identity hash of an intact record, read in place. */
    static long identityHashOf(byte[] buffer, int offset) {
        return longAt(buffer, offset + 3);
    }

    /** The content hash of an intact record, read in place. */
    static long contentHashOf(byte[] buffer, int offset) {
        return longAt(buffer, offset + 11);
    }

    /** The epoch seconds of an intact record, read in place. */
    static long epochSecondsOf(byte[] buffer, int offset) {
        return Integer.toUnsignedLong(intAt(buffer, offset + 19));
    }

    private static int intAt(byte[] buffer, int at) {
        return ((buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16) | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }

    private static long longAt(byte[] buffer, int at) {
        return ((long) intAt(buffer, at) << 32) | (intAt(buffer, at + 4) & 0xFFFF_FFFFL);
    }

    /**
     * Decodes an intact record.
     *
     * @param identityFields the feed's identity field names, to rebuild the key
     * @param withText       whether to decode the key and reason (replay does not need them)
     */
    static StateRecord decode(byte[] buffer, int offset, List<String> identityFields, boolean withText) {
        ByteBuffer in = ByteBuffer.wrap(buffer, offset, lengthOf(buffer, offset));
        in.getShort();
        Kind kind = Kind.of(in.get());
        long identityHash = in.getLong();
        long contentHash = in.getLong();
        long seconds = Integer.toUnsignedLong(in.getInt());
        ItemKey key = null;
        String reason = null;
        if (withText && kind.hasKey()) {
            key = readKey(in, kind, identityFields);
            if (kind == Kind.REJECTED) {
                reason = readText(in);
            }
        }
        return new StateRecord(kind, identityHash, contentHash, seconds, key, reason);
    }

    /**
     * Rebuilds a record from the part a snapshot keeps of it (its time, identity values and reason: what follows
     * the hashes), given what the index holds.
     *
     * @param offset where the time starts in {@code text}
     */
    static StateRecord fromText(Kind kind, long identityHash, long contentHash, byte[] text, int offset,
            List<String> identityFields) {
        ByteBuffer in = ByteBuffer.wrap(text, offset, text.length - offset);
        long seconds = Integer.toUnsignedLong(in.getInt());
        return new StateRecord(kind, identityHash, contentHash, seconds, readKey(in, kind, identityFields),
                kind == Kind.REJECTED ? readText(in) : null);
    }

    private static ItemKey readKey(ByteBuffer in, Kind kind, List<String> identityFields) {
        if (!kind.hasKey()) {
            return null;
        }
        List<String> values = new ArrayList<>(identityFields.size());
        for (int i = 0; i < identityFields.size(); i++) {
            values.add(readText(in));
        }
        return new ItemKey(identityFields, values);
    }

    private static String readText(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}

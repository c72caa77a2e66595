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
 * @param identityHash the item's identity hash (0 for {@link Kind#FULL_SYNC})
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
        UNCONFIRMED(6);

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
        List<byte[]> values = new ArrayList<>();
        int length = FIXED + CRC;
        if (kind.hasKey()) {
            for (String value : key.values()) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                if (bytes.length > MAX_VALUE_BYTES) {
                    throw new IllegalArgumentException("Identity value of " + key + " is " + bytes.length
                            + " bytes long: the sync state keeps at most " + MAX_VALUE_BYTES);
                }
                values.add(bytes);
                length += 2 + bytes.length;
            }
        }
        byte[] reasonBytes = null;
        if (kind == Kind.REJECTED) {
            reasonBytes = truncate(reason == null ? "" : reason);
            length += 2 + reasonBytes.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        buffer.putShort((short) length).put((byte) kind.code).putLong(identityHash).putLong(contentHash)
                .putInt((int) epochSeconds);
        for (byte[] value : values) {
            buffer.putShort((short) value.length).put(value);
        }
        if (reasonBytes != null) {
            buffer.putShort((short) reasonBytes.length).put(reasonBytes);
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, length - CRC);
        buffer.putInt((int) crc.getValue());
        return buffer.array();
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
        if (length < FIXED + CRC || Kind.of(buffer[offset + 2]) == null) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer, offset, length - CRC);
        int stored = ByteBuffer.wrap(buffer, offset + length - CRC, CRC).getInt();
        return stored == (int) crc.getValue();
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
            List<String> values = new ArrayList<>(identityFields.size());
            for (int i = 0; i < identityFields.size(); i++) {
                values.add(readText(in));
            }
            key = new ItemKey(identityFields, values);
            if (kind == Kind.REJECTED) {
                reason = readText(in);
            }
        }
        return new StateRecord(kind, identityHash, contentHash, seconds, key, reason);
    }

    private static String readText(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}

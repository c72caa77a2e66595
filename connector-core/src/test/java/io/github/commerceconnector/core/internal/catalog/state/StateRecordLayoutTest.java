package io.github.commerceconnector.core.internal.catalog.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Records are written in the documented layout, byte for byte, so logs written before stay readable. */
class StateRecordLayoutTest {

    private static byte[] documented(int kind, long identity, long content, long seconds, String reason,
            String... values) {
        ByteBuffer out = ByteBuffer.allocate(4096);
        out.putShort((short) 0).put((byte) kind).putLong(identity).putLong(content).putInt((int) seconds);
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.putShort((short) bytes.length).put(bytes);
        }
        if (reason != null) {
            byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
            out.putShort((short) bytes.length).put(bytes);
        }
        int length = out.position() + 4;
        out.putShort(0, (short) length);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, length - 4);
        out.putInt((int) crc.getValue());
        byte[] record = new byte[length];
        System.arraycopy(out.array(), 0, record, 0, length);
        return record;
    }

    @Test
    void acceptedAndRejectedRecordsHaveTheDocumentedLayout() {
        ItemKey ascii = ItemKey.of(Feed.PRODUCTS, "SKU-00000042", "default");
        ItemKey accented = ItemKey.of(Feed.PRODUCTS, "Kühlschrank-€-\ud83d\ude00", "de_de");
        assertArrayEquals(documented(1, 7, 9, 1_700_000_000L, null, "SKU-00000042", "default"),
                new StateRecord(StateRecord.Kind.ACCEPTED, 7, 9, 1_700_000_000L, ascii, null).encode());
        assertArrayEquals(documented(2, -7, 11, 5, "too long: äö", "Kühlschrank-€-\ud83d\ude00", "de_de"),
                new StateRecord(StateRecord.Kind.REJECTED, -7, 11, 5, accented, "too long: äö").encode());
        assertArrayEquals(documented(5, 0, 0, 99, null), new StateRecord(StateRecord.Kind.FULL_SYNC, 0, 0, 99, null,
                null).encode());
    }

    @Test
    void aRecordReadsBackInPlace() {
        byte[] record = new StateRecord(StateRecord.Kind.UNCONFIRMED, 123, 456, 789,
                ItemKey.of(Feed.PRODUCTS, "A", "b"), null).encode();
        assertEquals(StateRecord.Kind.UNCONFIRMED, StateRecord.kindOf(record, 0));
        assertEquals(123, StateRecord.identityHashOf(record, 0));
        assertEquals(456, StateRecord.contentHashOf(record, 0));
        assertEquals(789, StateRecord.epochSecondsOf(record, 0));
        assertEquals(ItemKey.of(Feed.PRODUCTS, "A", "b"), StateRecord.decode(record, 0, Feed.PRODUCTS.identityFields(),
                true).key());
    }

    @Test
    void anIdentityValueOverTheLimitIsRefusedWhateverItsCharacters() {
        for (String value : new String[] {"x".repeat(1025), "é".repeat(513), "a".repeat(1000) + "€".repeat(9)}) {
            StateRecord record = new StateRecord(StateRecord.Kind.ACCEPTED, 1, 2, 3,
                    ItemKey.of(Feed.PRODUCTS, value, "default"), null);
            assertThrows(IllegalArgumentException.class, record::encode, value.length() + " characters");
        }
        assertEquals(2 + 1 + 8 + 8 + 4 + 2 + 1024 + 2 + 7 + 4, new StateRecord(StateRecord.Kind.ACCEPTED, 1, 2, 3,
                ItemKey.of(Feed.PRODUCTS, "y".repeat(1024), "default"), null).encode().length);
    }
}

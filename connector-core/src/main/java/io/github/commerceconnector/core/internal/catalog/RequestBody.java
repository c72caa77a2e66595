package io.github.commerceconnector.core.internal.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes a batch as the request body: a JSON array of the items, gzip-compressed when asked. The array is
 * laid out in one buffer and deflated in one pass, by a {@link Deflater} and buffers kept per thread and level,
 * so a batch costs no native set-up and few JNI calls. Written by hand (the gzip framing, RFC 1952) because
 * {@link java.util.zip.GZIPOutputStream} neither takes a level nor lets its deflater be reused. Thread-safe.
 */
public final class RequestBody {
    private static final int GZIP_HEADER = 10;
    private static final int GZIP_TRAILER = 8;
    private static final ThreadLocal<Encoder> ENCODERS = new ThreadLocal<>();

    private RequestBody() {
    }

    /** The body of a batch. */
    static byte[] encode(List<BatchItem> items, boolean gzip, int level) {
        return encoder(level).encode(items.size(), index -> items.get(index).json(), gzip);
    }

    /**
     * An encoder of the caller's own, for one thread at a time and not kept per thread, whose native memory
     * {@link Encoder#close} frees: for threads the connector does not own.
     */
    static Encoder ownEncoder(int level) {
        return new Encoder(level);
    }

    /**
     * The body of a JSON array of items, each given as its JSON object in UTF-8.
     *
     * @param gzip  whether to compress
     * @param level the deflate level, 1 to 9
     */
    public static byte[] encodeJson(List<byte[]> items, boolean gzip, int level) {
        return encoder(level).encode(items.size(), items::get, gzip);
    }

    private static Encoder encoder(int level) {
        Encoder encoder = ENCODERS.get();
        if (encoder == null || encoder.level != level) {
            if (encoder != null) {
                encoder.deflater.end();
            }
            encoder = new Encoder(level);
            ENCODERS.set(encoder);
        }
        return encoder;
    }

    /** A deflater and its buffers, used by one thread at a time. */
    static final class Encoder implements AutoCloseable {
        private final int level;
        private final Deflater deflater;
        private final CRC32 crc = new CRC32();
        private byte[] json = new byte[64 * 1024];
        private byte[] compressed = new byte[16 * 1024];

        Encoder(int level) {
            this.level = level;
            this.deflater = new Deflater(level, true);
        }

        /** The body of a batch. */
        byte[] encode(List<BatchItem> items, boolean gzip) {
            return encode(items.size(), index -> items.get(index).json(), gzip);
        }

        /** Frees the deflater's native memory; the encoder is not used again. */
        @Override
        public void close() {
            deflater.end();
        }

        byte[] encode(int count, IntFunction<byte[]> item, boolean gzip) {
            int size = 2 + Math.max(0, count - 1);
            for (int i = 0; i < count; i++) {
                size += item.apply(i).length;
            }
            if (json.length < size) {
                json = new byte[Math.max(size, json.length * 2)];
            }
            int at = 0;
            json[at++] = '[';
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    json[at++] = ',';
                }
                byte[] bytes = item.apply(i);
                System.arraycopy(bytes, 0, json, at, bytes.length);
                at += bytes.length;
            }
            json[at++] = ']';
            return gzip ? gzip(size) : Arrays.copyOf(json, size);
        }

        private byte[] gzip(int size) {
            deflater.reset();
            deflater.setInput(json, 0, size);
            deflater.finish();
            int at = GZIP_HEADER;
            while (!deflater.finished()) {
                if (compressed.length - at < 64) {
                    compressed = Arrays.copyOf(compressed, compressed.length * 2);
                }
                at += deflater.deflate(compressed, at, compressed.length - at - GZIP_TRAILER);
            }
            crc.reset();
            crc.update(json, 0, size);
            byte[] body = Arrays.copyOf(compressed, at + GZIP_TRAILER);
            body[0] = 0x1f;
            body[1] = (byte) 0x8b;
            body[2] = Deflater.DEFLATED;
            Arrays.fill(body, 3, 9, (byte) 0);
            body[9] = (byte) 0xff;
            littleEndian(body, at, (int) crc.getValue());
            littleEndian(body, at + 4, size);
            return body;
        }

        private static void littleEndian(byte[] out, int at, int value) {
            out[at] = (byte) value;
            out[at + 1] = (byte) (value >>> 8);
            out[at + 2] = (byte) (value >>> 16);
            out[at + 3] = (byte) (value >>> 24);
        }
    }
}

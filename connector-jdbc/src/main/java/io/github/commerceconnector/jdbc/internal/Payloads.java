package io.github.commerceconnector.jdbc.internal;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The payloads of retryable items as stored: zlib-compressed (RFC 1950, any zlib tool reads them), since item
 * JSON shrinks to a fraction and retryable items can be a whole catalog when the gateway is down.
 */
final class Payloads {

    private Payloads() {
    }

    /** Compresses a payload. */
    static byte[] compress(byte[] json) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, json.length / 4));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Decompresses a stored payload.
     *
     * @throws IllegalStateException if the stored bytes are not zlib data
     */
    static byte[] decompress(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("A stored retry payload is cut short: the sync state was "
                            + "changed outside the connector");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (DataFormatException damaged) {
            throw new IllegalStateException("A stored retry payload is not zlib data (" + damaged.getMessage()
                    + "): the sync state was changed outside the connector", damaged);
        } finally {
            inflater.end();
        }
    }
}

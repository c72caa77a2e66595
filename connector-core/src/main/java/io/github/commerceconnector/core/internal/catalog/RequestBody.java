package io.github.commerceconnector.core.internal.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Encodes a batch as the request body: a JSON array of the items, gzip-compressed when asked. */
final class RequestBody {

    private RequestBody() {
    }

    /** The uncompressed size of a batch's JSON array. */
    static int jsonSize(List<BatchItem> items) {
        int size = 2 + Math.max(0, items.size() - 1);
        for (BatchItem item : items) {
            size += item.json().length;
        }
        return size;
    }

    /**
     * The body bytes.
     *
     * @param gzip  whether to compress
     * @param level the deflate level
     */
    static byte[] encode(List<BatchItem> items, boolean gzip, int level) {
        int size = jsonSize(items);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(gzip ? size / 4 + 64 : size);
        try (OutputStream out = gzip ? new LeveledGzip(bytes, level) : bytes) {
            out.write('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(items.get(i).json());
            }
            out.write(']');
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** A gzip stream at a chosen level (the JDK's takes the default level only). */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out, int level) throws IOException {
            super(out, 1 << 14);
            def.setLevel(level);
        }
    }
}

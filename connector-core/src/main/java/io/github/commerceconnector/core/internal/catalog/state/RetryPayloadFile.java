package io.github.commerceconnector.core.internal.catalog.state;

import io.github.commerceconnector.api.spi.RetryPayload;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The side file holding the JSON payloads of retryable items, so that {@code retryFailed} can resend them
 * without the caller's input. Append-only; each record is
 * {@code u32 length | u64 identity hash | u64 content hash | payload | u32 CRC-32C}. A torn tail is cut off
 * when the file is opened. Whether a payload is still wanted is decided by the state, not by this file.
 */
final class RetryPayloadFile implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(RetryPayloadFile.class);
    private static final int HEADER = 4 + 8 + 8;
    private static final int CRC = 4;

    private final Path path;
    private final FileChannel channel;

    private RetryPayloadFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens (or creates) the file and cuts off a torn tail. */
    static RetryPayloadFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        RetryPayloadFile file = new RetryPayloadFile(path, channel);
        try {
            long end = file.scan(channel.size(), payload -> true);
            if (end < channel.size()) {
                LOG.warn("Ignoring {} bytes of a torn tail in {}", channel.size() - end, path);
                channel.truncate(end);
                channel.force(true);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return file;
    }

    /** Appends payloads and forces them to disk. */
    void append(List<RetryPayload> payloads) throws IOException {
        int length = 0;
        for (RetryPayload payload : payloads) {
            length += HEADER + payload.json().length + CRC;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        CRC32C crc = new CRC32C();
        for (RetryPayload payload : payloads) {
            int start = buffer.position();
            buffer.putInt(HEADER + payload.json().length + CRC).putLong(payload.identityHash())
                    .putLong(payload.contentHash()).put(payload.json());
            crc.reset();
            crc.update(buffer.array(), start, buffer.position() - start);
            buffer.putInt((int) crc.getValue());
        }
        buffer.flip();
        long position = channel.size();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(false);
    }

    /** The current size of the file. */
    long size() throws IOException {
        return channel.size();
    }

    /**
     * Reads the intact records in the first {@code limit} bytes, in order, while the visitor returns true.
     *
     * @return the offset after the last intact record read
     */
    long scan(long limit, Predicate<RetryPayload> visitor) throws IOException {
        long offset = 0;
        DataInputStream in = new DataInputStream(new BufferedInputStream(new PositionalStream(channel), 1 << 16));
        CRC32C crc = new CRC32C();
        while (offset + HEADER + CRC <= limit) {
            int length;
            byte[] record;
            try {
                length = in.readInt();
                if (length < HEADER + CRC || offset + length > limit) {
                    return offset;
                }
                record = new byte[length];
                ByteBuffer.wrap(record).putInt(length);
                in.readFully(record, 4, length - 4);
            } catch (EOFException e) {
                return offset;
            }
            crc.reset();
            crc.update(record, 0, length - CRC);
            ByteBuffer view = ByteBuffer.wrap(record);
            if (view.getInt(length - CRC) != (int) crc.getValue()) {
                return offset;
            }
            byte[] json = new byte[length - HEADER - CRC];
            System.arraycopy(record, HEADER, json, 0, json.length);
            offset += length;
            if (!visitor.test(new RetryPayload(view.getLong(4), view.getLong(12), json))) {
                return offset;
            }
        }
        return offset;
    }

    /**
     * Reads the file from its start at a position of its own, leaving the channel's position alone: scans of one file
     * may run at once (two threads, or a visitor that scans again) without reading each other's bytes.
     */
    private static final class PositionalStream extends InputStream {
        private final FileChannel channel;
        private long position;

        PositionalStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int read = channel.read(ByteBuffer.wrap(bytes, offset, length), position);
            if (read > 0) {
                position += read;
            }
            return read;
        }
    }

    /** Empties the file. */
    void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
    }

    /** The file's path. */
    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

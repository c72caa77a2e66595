package io.github.commerceconnector.core.internal.catalog.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/** Reads the intact {@link StateRecord}s of a state log in order, stopping at the first torn or corrupt one. */
final class LogScanner {
    private static final int CHUNK = 1 << 20;
    /**
     * The longest record there can be: its length is a u16. (A feed's eight identity values and a reason at their
     * limits come to about 9 KiB.) The buffer is refilled whenever less than this is left in it, so a record that
     * does not fit what is left is never taken for a torn one while the file holds the rest of it.
     */
    private static final int MAX_RECORD = 0xFFFF;

    private LogScanner() {
    }

    /** Receives each intact record. */
    @FunctionalInterface
    interface Visitor {
        /**
         * One record.
         *
         * @param buffer   holds the record (reused: copy what must be kept)
         * @param offset   where the record starts in the buffer
         * @param length   its length
         * @param position where it starts in the file
         * @return whether to go on
         */
        boolean visit(byte[] buffer, int offset, int length, long position) throws IOException;
    }

    /**
     * Scans the log from {@code start} to its end, reading it in large chunks and checking each record's
     * checksum in place.
     *
     * @return the file position after the last intact record visited
     */
    static long scan(FileChannel log, long start, Visitor visitor) throws IOException {
        long size = log.size();
        byte[] buffer = new byte[CHUNK];
        CRC32C crc = new CRC32C();
        long bufferStart = start;
        int filled = 0;
        int at = 0;
        while (bufferStart + at + 2 <= size) {
            if (filled - at < MAX_RECORD && bufferStart + filled < size) {
                System.arraycopy(buffer, at, buffer, 0, filled - at);
                bufferStart += at;
                filled -= at;
                at = 0;
                filled += readInto(log, buffer, filled, bufferStart + filled);
            }
            long position = bufferStart + at;
            int length = StateRecord.lengthOf(buffer, at);
            if (length < StateRecord.FIXED + StateRecord.CRC || position + length > size || at + length > filled) {
                return position;
            }
            if (!StateRecord.isIntact(buffer, at, length, crc)) {
                return position;
            }
            if (!visitor.visit(buffer, at, length, position)) {
                return position + length;
            }
            at += length;
        }
        return bufferStart + at;
    }

    /** Reads from {@code filePosition} into {@code buffer[from..]} until it is full or the file ends. */
    private static int readInto(FileChannel log, byte[] buffer, int from, long filePosition) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, from, buffer.length - from);
        long next = filePosition;
        while (target.hasRemaining()) {
            int read = log.read(target, next);
            if (read <= 0) {
                break;
            }
            next += read;
        }
        return (int) (next - filePosition);
    }
}

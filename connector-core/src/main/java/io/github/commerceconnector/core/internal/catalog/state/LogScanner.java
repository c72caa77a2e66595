package io.github.commerceconnector.core.internal.catalog.state;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/** Reads the intact {@link StateRecord}s of a state log in order, stopping at the first torn or corrupt one. */
final class LogScanner {

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
     * Scans the log from {@code start} to its end.
     *
     * @return the file position after the last intact record visited
     */
    static long scan(FileChannel log, long start, Visitor visitor) throws IOException {
        long size = log.size();
        long position = start;
        byte[] buffer = new byte[1 << 16];
        DataInputStream in = new DataInputStream(new BufferedInputStream(
                Channels.newInputStream(log.position(start)), 1 << 16));
        while (position + 2 <= size) {
            int length;
            try {
                length = in.readUnsignedShort();
                if (length < StateRecord.FIXED + StateRecord.CRC || position + length > size) {
                    return position;
                }
                buffer[0] = (byte) (length >>> 8);
                buffer[1] = (byte) length;
                in.readFully(buffer, 2, length - 2);
            } catch (EOFException e) {
                return position;
            }
            if (!StateRecord.isIntact(buffer, 0, length)) {
                return position;
            }
            if (!visitor.visit(buffer, 0, length, position)) {
                return position + length;
            }
            position += length;
        }
        return position;
    }
}

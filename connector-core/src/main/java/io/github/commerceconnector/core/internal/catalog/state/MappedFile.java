package io.github.commerceconnector.core.internal.catalog.state;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A read-only memory map of a file's first bytes, for reading many short records at scattered positions without a
 * system call each (the snapshot's writer reads the latest record of every item this way). Mapped in segments of
 * 1 GiB that overlap by 64 KiB, so a record shorter than that is whole in the segment it starts in.
 */
final class MappedFile {
    private static final long SEGMENT = 1L << 30;
    private static final int OVERLAP = 1 << 16;

    private final MappedByteBuffer[] segments;
    private final long size;

    private MappedFile(MappedByteBuffer[] segments, long size) {
        this.segments = segments;
        this.size = size;
    }

    /** Maps the first {@code size} bytes of a file. */
    static MappedFile map(FileChannel channel, long size) throws IOException {
        MappedByteBuffer[] segments = new MappedByteBuffer[(int) ((size + SEGMENT - 1) / SEGMENT)];
        for (int i = 0; i < segments.length; i++) {
            long start = i * SEGMENT;
            segments[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(size - start, SEGMENT + OVERLAP));
        }
        return new MappedFile(segments, size);
    }

    /** How many bytes are mapped. */
    long size() {
        return size;
    }

    /** The unsigned 16-bit big-endian value at a position. */
    int u16(long position) {
        return Short.toUnsignedInt(segments[(int) (position / SEGMENT)].getShort((int) (position % SEGMENT)));
    }

    /** Copies {@code length} bytes (at most 64 KiB) from a position. */
    void get(long position, byte[] target, int offset, int length) {
        segments[(int) (position / SEGMENT)].get((int) (position % SEGMENT), target, offset, length);
    }
}

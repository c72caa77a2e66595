package io.github.commerceconnector.api.spi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * A fixed number of longs, all 0 at first, kept outside the Java heap in direct buffers of at most 16 Mi longs
 * each (so the count is not limited by a buffer's 2 GiB). The memory goes back to the system once the array is
 * no longer reachable. Not thread-safe.
 */
final class OffHeapLongs {
    private static final int SEGMENT_BITS = 24;
    private static final int SEGMENT_MASK = (1 << SEGMENT_BITS) - 1;
    /** Zeros copied over a table to clear it: a bulk copy, many times faster than a loop of single stores. */
    private static final long[] ZEROS = new long[8192];

    private final LongBuffer[] segments;
    private final long length;

    /** An array of {@code length} zeros. */
    OffHeapLongs(long length) {
        this.length = length;
        int count = (int) ((length + SEGMENT_MASK) >>> SEGMENT_BITS);
        this.segments = new LongBuffer[Math.max(1, count)];
        for (int i = 0; i < segments.length; i++) {
            int longs = (int) Math.min(1 << SEGMENT_BITS, length - ((long) i << SEGMENT_BITS));
            segments[i] = ByteBuffer.allocateDirect(Math.max(0, longs) * Long.BYTES).order(ByteOrder.nativeOrder())
                    .asLongBuffer();
        }
    }

    /** The value at an index. */
    long get(long index) {
        return segments[(int) (index >>> SEGMENT_BITS)].get((int) index & SEGMENT_MASK);
    }

    /** Sets the value at an index. */
    void set(long index, long value) {
        segments[(int) (index >>> SEGMENT_BITS)].put((int) index & SEGMENT_MASK, value);
    }

    /** Sets every long to 0. */
    void zero() {
        for (LongBuffer segment : segments) {
            int limit = segment.capacity();
            for (int at = 0; at < limit; at += ZEROS.length) {
                segment.put(at, ZEROS, 0, Math.min(ZEROS.length, limit - at));
            }
        }
    }

    /** How many longs it holds. */
    long length() {
        return length;
    }

    /** The bytes it takes outside the heap. */
    long bytes() {
        return length * Long.BYTES;
    }
}

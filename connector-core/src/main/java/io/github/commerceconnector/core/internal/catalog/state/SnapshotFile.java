package io.github.commerceconnector.core.internal.catalog.state;

import static io.github.commerceconnector.core.internal.catalog.state.FileIo.readFully;
import static io.github.commerceconnector.core.internal.catalog.state.FileIo.writeFully;

import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.spi.ItemIndex;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The snapshot of a feed's state (format 3): every held item as a fixed-size entry, read into the index in one
 * sequential sweep when the state opens, and each item's identity values, time and reason as a <em>text</em> read
 * only when asked for. The log then holds only the records appended since the snapshot (its tail).
 *
 * <pre>
 * header (64 bytes): "CCSS" | u8 version | 3 bytes 0 | u64 feed fingerprint | u64 items | u64 where the texts start
 *   | i64 last full sync, epoch seconds (-1: none) | i64 checkpoint's start, epoch seconds (-1: none)
 *   | i64 checkpoint's confirmed items | u32 CRC-32C of the entries | u32 CRC-32C of the header before it
 * entries, in the index's slot order: per item u64 identity hash | u64 content hash
 *   | u64 status ordinal &lt;&lt; 48 | file offset of its text
 * texts: per item u16 length | u32 epoch seconds | per identity field u16 length + UTF-8
 *   | u16 length + UTF-8 reason (rejected only) | u32 CRC-32C of what precedes it
 * </pre>
 *
 * <p>A text is the middle of the item's latest log record (from its time to its checksum), so both are copied
 * without decoding. A snapshot is written whole to a temporary file, forced, then renamed over the previous one:
 * a crash leaves the previous snapshot or the new one, never a part.
 */
final class SnapshotFile {
    /** Marks an index position as the offset of a text in the snapshot rather than of a record in the log. */
    static final long IN_SNAPSHOT = 1L << 47;
    static final int VERSION = 3;
    private static final byte[] MAGIC = {'C', 'C', 'S', 'S'};
    private static final int HEADER = 64;
    private static final int ENTRY = 24;
    private static final int TEXT_OVERHEAD = 2 + 4;
    private static final int STATUS_SHIFT = 48;
    private static final long OFFSET_MASK = (1L << STATUS_SHIFT) - 1;
    private static final ItemStatus[] STATUSES = ItemStatus.values();
    /** Bytes of the log record before the part a text copies: length, kind, identity and content hashes. */
    private static final int RECORD_HEAD = 2 + 1 + 8 + 8;

    private SnapshotFile() {
    }

    /** What a snapshot's header holds besides the items. */
    record Markers(Instant lastFullSync, ResyncCheckpoint checkpoint) {
    }

    /** A snapshot that cannot be believed: another feed's, torn or damaged. */
    static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * Reads a snapshot into an empty index: each item with its status, its content hash and, as position, its
     * text's offset marked {@link #IN_SNAPSHOT}.
     *
     * @throws Unreadable if the header or the entries do not check out
     */
    static Markers load(FileChannel snapshot, long fingerprint, ItemIndex table) throws IOException {
        long size = snapshot.size();
        if (size < HEADER) {
            throw new Unreadable("shorter than its header (" + size + " bytes)");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(snapshot, header, 0);
        header.flip();
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, HEADER - 4);
        for (byte b : MAGIC) {
            if (header.get() != b) {
                throw new Unreadable("not a snapshot");
            }
        }
        if (header.getInt(HEADER - 4) != (int) crc.getValue() || header.get(4) != VERSION
                || header.getLong(8) != fingerprint) {
            throw new Unreadable("a damaged header, another version or another feed's identity");
        }
        long items = header.getLong(16);
        long textsStart = header.getLong(24);
        if (items < 0 || items > Integer.MAX_VALUE || textsStart != HEADER + items * ENTRY
                || size < textsStart) {
            throw new Unreadable("a size that does not match its file");
        }
        table.reserve((int) items);
        ByteBuffer chunk = ByteBuffer.allocate(ENTRY * 43_690);
        crc.reset();
        long position = HEADER;
        long lastText = -1;
        while (position < textsStart) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), textsStart - position));
            readFully(snapshot, chunk, position);
            crc.update(chunk.array(), 0, chunk.limit());
            for (int at = 0; at < chunk.limit(); at += ENTRY) {
                long meta = chunk.getLong(at + 16);
                int status = (int) (meta >>> STATUS_SHIFT);
                if (status >= STATUSES.length || chunk.getLong(at) == 0) {
                    throw new Unreadable("an entry with an unknown status or identity hash 0");
                }
                long text = meta & OFFSET_MASK;
                if (text < textsStart) {
                    throw new Unreadable("an entry whose text is not among the texts");
                }
                lastText = Math.max(lastText, text);
                table.put(chunk.getLong(at), chunk.getLong(at + 8), STATUSES[status], IN_SNAPSHOT | text, false);
            }
            position += chunk.limit();
        }
        if ((int) crc.getValue() != header.getInt(56) || table.size() != items) {
            throw new Unreadable("damaged entries");
        }
        if (lastText >= 0 && !holdsText(snapshot, lastText, size)) {
            throw new Unreadable("texts cut short: the file ends at " + size);
        }
        long fullSync = header.getLong(32);
        long checkpointStart = header.getLong(40);
        return new Markers(fullSync < 0 ? null : Instant.ofEpochSecond(fullSync),
                checkpointStart < 0 ? null : new ResyncCheckpoint(Instant.ofEpochSecond(checkpointStart),
                        header.getLong(48)));
    }

    /**
     * Whether the file holds the whole text at {@code offset}: the texts follow one another, so the one at the
     * largest offset ending within the file means none is cut short.
     */
    private static boolean holdsText(FileChannel snapshot, long offset, long size) throws IOException {
        if (offset + 2 > size) {
            return false;
        }
        ByteBuffer length = ByteBuffer.allocate(2);
        readFully(snapshot, length, offset);
        return offset + Short.toUnsignedInt(length.getShort(0)) <= size;
    }

    /**
     * Reads the latest record of an item from its text.
     *
     * @param position the item's index position (marked {@link #IN_SNAPSHOT})
     * @throws Unreadable if the text's checksum does not match
     */
    static StateRecord read(FileChannel snapshot, long position, StateRecord.Kind kind, long identityHash,
            long contentHash, List<String> identityFields) throws IOException {
        long offset = position & ~IN_SNAPSHOT;
        ByteBuffer length = ByteBuffer.allocate(2);
        readFully(snapshot, length, offset);
        byte[] text = new byte[Short.toUnsignedInt(length.getShort(0))];
        readFully(snapshot, ByteBuffer.wrap(text), offset);
        CRC32C crc = new CRC32C();
        if (text.length < TEXT_OVERHEAD + 4) {
            throw new Unreadable("a text too short at " + offset);
        }
        crc.update(text, 0, text.length - 4);
        if (ByteBuffer.wrap(text).getInt(text.length - 4) != (int) crc.getValue()) {
            throw new Unreadable("a damaged text at " + offset);
        }
        return StateRecord.fromText(kind, identityHash, contentHash, text, 2, identityFields);
    }

    /**
     * Writes the snapshot of an index to a new file, forced to disk: one entry and one text per item, the text
     * copied from where the item's position points (the previous snapshot or the log).
     *
     * @param previous the previous snapshot mapped, or {@code null} when none is referred to
     * @param log      the log mapped
     */
    static void write(Path target, long fingerprint, ItemIndex table, MappedFile previous, MappedFile log,
            Markers markers) throws IOException {
        long items = table.size();
        long textsStart = HEADER + items * ENTRY;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            Writer writer = new Writer(out, textsStart, previous, log);
            for (ItemStatus status : STATUSES) {
                IOException[] failure = {null};
                table.forEachEntry(status, (identity, content, position) -> {
                    try {
                        writer.add(identity, content, status, position);
                        return true;
                    } catch (IOException e) {
                        failure[0] = e;
                        return false;
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
            writer.finish();
            if (writer.count != items) {
                throw new IOException("the snapshot wrote " + writer.count + " of " + items + " items");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            header.put(MAGIC).put((byte) VERSION).position(8);
            header.putLong(fingerprint).putLong(items).putLong(textsStart)
                    .putLong(markers.lastFullSync() == null ? -1 : markers.lastFullSync().getEpochSecond())
                    .putLong(markers.checkpoint() == null ? -1 : markers.checkpoint().started().getEpochSecond())
                    .putLong(markers.checkpoint() == null ? 0 : markers.checkpoint().confirmedItems())
                    .putInt(writer.entriesCrc());
            CRC32C crc = new CRC32C();
            crc.update(header.array(), 0, HEADER - 4);
            header.putInt((int) crc.getValue()).flip();
            writeFully(out, header, 0);
            out.force(true);
        }
    }

    /** Moves every item's index position to its text in a snapshot just written (read back from its entries). */
    static void repoint(FileChannel snapshot, ItemIndex table) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(snapshot, header, 0);
        long textsStart = header.getLong(24);
        ByteBuffer chunk = ByteBuffer.allocate(ENTRY * 43_690);
        for (long position = HEADER; position < textsStart; position += chunk.limit()) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), textsStart - position));
            readFully(snapshot, chunk, position);
            for (int at = 0; at < chunk.limit(); at += ENTRY) {
                table.moveTo(chunk.getLong(at), IN_SNAPSHOT | (chunk.getLong(at + 16) & OFFSET_MASK));
            }
        }
    }

    /**
     * Streams the entries and the texts to their two regions of the file. Items are taken in groups of {@link
     * #GROUP}: the lengths of a group's source records are read first, then the last bytes of each, in loops of
     * loads that do not depend on each other, so that their cache and page misses (the records lie scattered
     * through the log, in the index's slot order) are waited for together rather than one by one; the texts are
     * then copied from the cache. Measured on a full sync of 1,000,000: 0.19 to 0.23 CPU s for the snapshot,
     * against 0.32 to 0.38 reading each record as its text was copied.
     */
    private static final class Writer {
        private static final int GROUP = 128;

        private final FileChannel out;
        private final MappedFile previous;
        private final MappedFile log;
        private final ByteBuffer entries = ByteBuffer.allocate(ENTRY * 2730);
        private final ByteBuffer texts = ByteBuffer.allocate(1 << 16);
        private final CRC32C entriesCrc = new CRC32C();
        private final CRC32C textCrc = new CRC32C();
        private final long[] identities = new long[GROUP];
        private final long[] contents = new long[GROUP];
        private final long[] positions = new long[GROUP];
        private final ItemStatus[] statuses = new ItemStatus[GROUP];
        private final int[] sourceLengths = new int[GROUP];
        /** The last two bytes of each source record of a group, read only to bring them into the cache. */
        private final int[] sourceTails = new int[GROUP];
        private int grouped;
        private long entriesAt = HEADER;
        private long textsAt;
        private long textOffset;
        private long count;

        Writer(FileChannel out, long textsStart, MappedFile previous, MappedFile log) {
            this.out = out;
            this.textsAt = textsStart;
            this.textOffset = textsStart;
            this.previous = previous;
            this.log = log;
        }

        void add(long identity, long content, ItemStatus status, long position) throws IOException {
            identities[grouped] = identity;
            contents[grouped] = content;
            statuses[grouped] = status;
            positions[grouped] = position;
            if (++grouped == GROUP) {
                writeGroup();
            }
        }

        private void writeGroup() throws IOException {
            for (int i = 0; i < grouped; i++) {
                long position = positions[i];
                sourceLengths[i] = source(position).u16(position & ~IN_SNAPSHOT);
            }
            for (int i = 0; i < grouped; i++) {
                long position = positions[i];
                MappedFile source = source(position);
                long tail = (position & ~IN_SNAPSHOT) + sourceLengths[i] - 2;
                if (sourceLengths[i] >= 2 && tail + 2 <= source.size()) {
                    sourceTails[i] = source.u16(tail);
                }
            }
            for (int i = 0; i < grouped; i++) {
                write(identities[i], contents[i], statuses[i], positions[i], sourceLengths[i]);
            }
            grouped = 0;
        }

        private MappedFile source(long position) {
            return (position & IN_SNAPSHOT) != 0 ? previous : log;
        }

        private void write(long identity, long content, ItemStatus status, long position, int sourceLength)
                throws IOException {
            long from = position & ~IN_SNAPSHOT;
            int bodyStart = (position & IN_SNAPSHOT) != 0 ? 2 : RECORD_HEAD;
            int body = sourceLength - bodyStart - 4;
            int length = 2 + body + 4;
            if (body < 4 || length > texts.capacity()) {
                throw new IOException("a record of " + sourceLength + " bytes at " + from + " cannot be a text");
            }
            if (entries.remaining() < ENTRY) {
                entriesAt += flush(entries, entriesAt, entriesCrc);
            }
            entries.putLong(identity).putLong(content).putLong(((long) status.ordinal() << STATUS_SHIFT) | textOffset);
            if (texts.remaining() < length) {
                textsAt += flush(texts, textsAt, null);
            }
            int start = texts.position();
            texts.putShort((short) length);
            source(position).get(from + bodyStart, texts.array(), texts.position(), body);
            texts.position(texts.position() + body);
            textCrc.reset();
            textCrc.update(texts.array(), start, length - 4);
            texts.putInt((int) textCrc.getValue());
            textOffset += length;
            count++;
        }

        void finish() throws IOException {
            writeGroup();
            entriesAt += flush(entries, entriesAt, entriesCrc);
            textsAt += flush(texts, textsAt, null);
        }

        int entriesCrc() {
            return (int) entriesCrc.getValue();
        }

        private int flush(ByteBuffer buffer, long position, CRC32C crc) throws IOException {
            buffer.flip();
            int length = buffer.limit();
            if (crc != null) {
                crc.update(buffer.array(), 0, length);
            }
            writeFully(out, buffer, position);
            buffer.clear();
            return length;
        }
    }
}

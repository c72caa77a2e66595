package io.github.commerceconnector.core.internal.catalog.state;

import static io.github.commerceconnector.core.internal.catalog.state.FileIo.readFully;
import static io.github.commerceconnector.core.internal.catalog.state.FileIo.writeFully;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ItemIndex;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-backed sync state of one feed in one data space: a {@link SnapshotFile} of every item, an append-only
 * log of the {@link StateRecord}s since that snapshot (its tail), both read into an {@link ItemIndex} when opened,
 * plus the {@link RetryPayloadFile}. Opening costs one sequential read of the snapshot's fixed-size entries and a
 * replay of the tail: O(changes since the snapshot), not one record per item.
 *
 * <p>Crash safety: records are appended only when {@link #record} is called, and written to the file before
 * the in-memory table changes, so they survive the process being killed. Records of answers (accepted,
 * rejected, retryable, removed) are also forced to disk, at most once a second (group commit, below), which
 * makes every record before them durable too; none are forced before sending. Records of items only about to be
 * sent are not forced: only a power loss or an OS crash between a request and the forcing of its answer can
 * lose them, and then a new item in that request may be forgotten as sent (the next sync sends it again if the
 * catalog still has it; a resync with cleanup removes it if not). A torn tail is cut off on the next open; the log
 * is compacted by writing a new snapshot (at close, when the tail has grown past a sixteenth of the items, or on
 * opening a very long tail), renaming it over the old one atomically, then replacing the log by an empty one the
 * same way. Killed between the two renames, the new snapshot meets the old log: every record of that log is
 * already in the snapshot and replaying it again gives the same state (the latest record of each item wins either
 * way), so no instant of the switch loses or invents a record. Killed at any instant, the state reopens readable
 * and never says an item was accepted that was not recorded as accepted.
 *
 * <p>Why one forced write per answered batch is enough, and none before sending: the guarantee is that nothing is
 * held as accepted that the gateway did not accept. An accepted record is only written after the gateway's answer,
 * so whatever a crash keeps of the log, it keeps no acceptance the gateway did not give; forcing that answer (within
 * a second, below) makes it and every record before it survive a power loss too. The record of a batch about to be sent only protects
 * the gateway's copy of a new item: if it is lost, the item is held as new (or at its earlier content) and the next
 * sync sends it again, which crash recovery does anyway for unconfirmed items. So forcing it would buy nothing the
 * guarantee needs. What a power loss in that window can still cost, for an item the state already held: its
 * record before sending and its answer both lost, the state holds the item's earlier accepted content while the
 * gateway holds the new one (or, for a delete, nothing). Nothing is claimed that the gateway never accepted, and
 * the next change of the item sends it again; only a catalog that goes back to exactly the earlier content (or
 * re-adds a deleted item unchanged) would not be sent until its next change or a reset. Forcing the records
 * before sending of batches that hold already-known items would close that, at one more forced write for such a
 * batch. (A batch with retryable answers also forces their payloads to the {@link RetryPayloadFile} before
 * its records, so that a record saying retryable never outlives its payload: two forced writes for such a batch.)
 * A snapshot adds forced writes only when one is written (at close, or on {@link #compact}), none per batch.
 *
 * <p>Group commit: an answered batch's records are written and applied under the append lock, and forced after it
 * is released ({@link #forceThrough}); a force covers every record written before it starts, so the answers of
 * batches in flight together can share one, and appending goes on while a force runs. Answers are forced at most
 * once a second: {@link #record} forces them when the last force is a second old or more, and otherwise returns
 * with them written but not yet forced; the next force, or the close, covers them. So a sync answered faster than
 * once a second pays one forced write a second rather than one per batch, and one at the guardrail's pace (a batch
 * every half second) half as many. What this costs: a process that dies keeps every written record (the operating
 * system holds them), and only a power loss or an operating-system crash can take back the answers recorded since
 * the last force: a second's worth while answers keep coming, and across a wait (a {@code Retry-After}, a backoff)
 * the answers before it, until the next answer or the close forces them. Those items are then held as they were before (unconfirmed, or at their earlier content), never as
 * accepted by an answer that was lost, and are sent again as after any crash: the same trade the PostgreSQL store
 * makes for its answers, whose commits are not waited on either.
 */
public final class FileFeedState implements FeedSyncState {
    private static final Logger LOG = LoggerFactory.getLogger(FileFeedState.class);
    private static final byte[] MAGIC = {'C', 'C', 'S', 'L'};
    /**
     * The format of a state of SHA-256 content hashes: 2 adds {@link StateRecord.Kind#CHECKPOINT} records to format
     * 1; 3 keeps the log's records as they are and puts a {@link SnapshotFile} beside it, the log holding the records
     * since. Logs of format 1 and 2 (no snapshot) still open, and are upgraded in place to 3.
     */
    private static final int SHA_256_VERSION = SnapshotFile.VERSION;
    /**
     * Format 4 is format 3 whose content hashes are XXH3's over the canonical JSON ({@link
     * ContentHashAlgorithm#XXH3_64}), format 5 format 3 whose content hashes are XXH3's over the fields ({@link
     * ContentHashAlgorithm#FIELDS_XXH3_64}): what every new or emptied state takes. A state keeps its format, so its
     * algorithm, through snapshots and compaction. An SDK from before a format reads it as another format and starts
     * from empty state (one resend, with its own hashes throughout), so hashes of two algorithms never meet in one
     * state.
     */
    private static final int XXH3_VERSION = 4;
    private static final int FIELDS_VERSION = 5;
    private static final int FIRST_VERSION = 1;
    private static final int HEADER = 16;
    private static final int COMPACTION_SLACK = 4096;
    /**
     * Log bytes per item assumed to size the index before replaying the log: two records of about 48 bytes, as a
     * sync leaves them. A compacted log then costs one growth of the index, not one per doubling.
     */
    private static final int LOG_BYTES_PER_ITEM = 96;

    private final Feed feed;
    private final String dataSpaceId;
    private final Path logPath;
    private final Path snapshotPath;
    private final FileLocks.Held lock;
    private final ReentrantLock appendLock = new ReentrantLock();
    /** Held while forcing the log, taken before {@link #appendLock} when both are needed. */
    private final ReentrantLock forceLock = new ReentrantLock();
    private final ItemIndex table = new ItemIndex(1024);
    private FileChannel log;
    /** The snapshot open for reading, or {@code null} when there is none. */
    private FileChannel snapshot;
    private final RetryPayloadFile retry;
    private long logSize;
    private long recordsInLog;
    /** Guarded by {@link #forceLock}. */
    private long forcedWrites;
    /**
     * Answers are forced at most this often (and at close): a sync answered faster shares one forced write among
     * the batches answered within it.
     */
    private static final long ANSWERS_FORCED_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** When the log was last forced by {@link #forceThrough}, by {@link System#nanoTime()}. */
    private volatile long lastForcedAt = System.nanoTime() - ANSWERS_FORCED_EVERY_NANOS;
    /** How far the log of {@link #durableGeneration} is known forced; guarded by {@link #forceLock}. */
    private long durableEnd;
    private long durableGeneration;
    /** Counts the logs this state wrote to: a snapshot replaces the log, and closing ends the last one. */
    private long logGeneration;
    private Instant lastFullSync;
    private ResyncCheckpoint checkpoint;
    private ContentHashAlgorithm contentHashes = ContentHashAlgorithm.SHA_256;
    private boolean closed;
    /**
     * Whether a thread's interrupt closed the log or the snapshot: then their failures say so. The interrupted thread
     * sees a {@link java.nio.channels.ClosedByInterruptException}, one whose I/O it cut short an
     * {@link AsynchronousCloseException} (of which the first is a kind); the state's own close meets an I/O in flight
     * only in {@link #forceThrough}, which leaves it quietly.
     */
    private volatile boolean closedByInterrupt;

    private FileFeedState(Feed feed, String dataSpaceId, Path logPath, FileLocks.Held lock, RetryPayloadFile retry) {
        this.feed = feed;
        this.dataSpaceId = dataSpaceId;
        this.logPath = logPath;
        this.snapshotPath = logPath.resolveSibling(feed.name() + ".snap");
        this.lock = lock;
        this.retry = retry;
    }

    /**
     * Opens the state under a lock already held; the state owns the lock from then on and releases it when
     * closed (or when opening fails).
     *
     * @param directory the data space's state directory (exists)
     */
    public static FileFeedState open(Path directory, String dataSpaceId, Feed feed, FileLocks.Held lock) {
        RetryPayloadFile retry = null;
        FileFeedState state = null;
        try {
            retry = RetryPayloadFile.open(directory.resolve(feed.name() + ".retry"));
            state = new FileFeedState(feed, dataSpaceId, directory.resolve(feed.name() + ".log"), lock, retry);
            state.load();
            return state;
        } catch (IOException | RuntimeException e) {
            if (state != null) {
                state.releaseAfterFailedOpen(e);
            }
            closeQuietly(retry, e);
            lock.close();
            throw failure("open", feed, dataSpaceId, e);
        }
    }

    /** Lets go of what a failed {@link #load} had opened: the log, the snapshot and the index's memory. */
    private void releaseAfterFailedOpen(Exception failure) {
        closed = true;
        table.release();
        closeQuietly(log, failure);
        closeQuietly(snapshot, failure);
    }

    private static void closeQuietly(Closeable closeable, Exception failure) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    /**
     * {@link #failure(String, Feed, String, Exception)} for an open state, which tells a file closed by an interrupt
     * (a cancelled sync, a runtime closing while its senders record) from a disk that refuses: {@link FileChannel}
     * closes itself for every thread when one thread using it is interrupted.
     */
    private RuntimeException failure(String action, Exception e) {
        if (e instanceof AsynchronousCloseException) {
            closedByInterrupt = true;
        }
        if (closedByInterrupt && e instanceof ClosedChannelException) {
            return new ConnectorClientException("Could not " + action + " the sync state of feed " + feed.name()
                    + " in data space " + dataSpaceId + ": a thread writing it was interrupted (a cancelled sync, or "
                    + "the runtime closing), which closes the state's file for every thread. Nothing recorded "
                    + "before is lost: the next sync sends again what this one could not record.", e);
        }
        return failure(action, feed, dataSpaceId, e);
    }

    private static RuntimeException failure(String action, Feed feed, String dataSpaceId, Exception e) {
        if (e instanceof ConnectorClientException client) {
            return client;
        }
        return new ConnectorClientException("Could not " + action + " the sync state of feed " + feed.name()
                + " in data space " + dataSpaceId + ": " + e + ". Check the state directory's space and "
                + "permissions; deleting the feed's files there makes the next sync resend everything.", e);
    }

    private void load() throws IOException {
        Files.deleteIfExists(writing(snapshotPath));
        Files.deleteIfExists(writing(logPath));
        log = FileChannel.open(logPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (!hasValidHeader()) {
            if (log.size() > 0) {
                LOG.warn("Sync state {} has another format or feed identity; starting from empty state", logPath);
            }
            startEmpty();
        }
        upgradeHeader();
        loadSnapshot();
        replay();
        if (table.count(ItemStatus.RETRYABLE) == 0 && retry.size() > 0) {
            retry.clear();
        }
        if (worthCompacting()) {
            compact();
        }
    }

    private static Path writing(Path path) {
        return path.resolveSibling(path.getFileName() + ".writing");
    }

    /**
     * Forgets everything: the snapshot first (a snapshot without its log is never believed, see
     * {@link #upgradeHeader}), then the log and the retry payloads.
     */
    private void startEmpty() throws IOException {
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
        Files.deleteIfExists(snapshotPath);
        syncDirectory(snapshotPath.getParent());
        table.clear();
        contentHashes = ContentHashAlgorithm.FIELDS_XXH3_64;
        log.truncate(0);
        writeHeader(log);
        log.force(true);
        retry.clear();
        syncDirectory(logPath.getParent());
    }

    /** Reads the snapshot, if there is one; one that does not check out leaves an empty state (all sent again). */
    private void loadSnapshot() throws IOException {
        if (!Files.exists(snapshotPath)) {
            return;
        }
        snapshot = FileChannel.open(snapshotPath, StandardOpenOption.READ);
        try {
            SnapshotFile.Markers markers = SnapshotFile.load(snapshot, fingerprint(), table);
            lastFullSync = markers.lastFullSync();
            checkpoint = markers.checkpoint();
        } catch (SnapshotFile.Unreadable e) {
            LOG.warn("Sync state snapshot {} cannot be read ({}); starting from empty state: every item will be "
                    + "sent again", snapshotPath, e.getMessage());
            startEmpty();
        }
    }

    private long fingerprint() {
        long hash = 1125899906842597L;
        for (byte b : String.join("\u0000", feed.identityFields()).getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return hash;
    }

    private boolean hasValidHeader() throws IOException {
        if (log.size() < HEADER) {
            return false;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(log, header, 0);
        header.flip();
        for (byte b : MAGIC) {
            if (header.get() != b) {
                return false;
            }
        }
        int version = header.get();
        contentHashes = switch (version) {
            case FIELDS_VERSION -> ContentHashAlgorithm.FIELDS_XXH3_64;
            case XXH3_VERSION -> ContentHashAlgorithm.XXH3_64;
            default -> ContentHashAlgorithm.SHA_256;
        };
        return version >= FIRST_VERSION && version <= FIELDS_VERSION && header.position(8).getLong() == fingerprint();
    }

    /**
     * Writes format 3 over format 1 or 2, whose records all stay readable (SHA-256 hashes, as format 3's). A log of
     * an earlier format has no snapshot: one found beside it belongs to another log and is deleted.
     */
    private void upgradeHeader() throws IOException {
        ByteBuffer version = ByteBuffer.allocate(1);
        readFully(log, version, MAGIC.length);
        if (version.get(0) < SHA_256_VERSION) {
            if (Files.deleteIfExists(snapshotPath)) {
                syncDirectory(snapshotPath.getParent());
            }
            writeFully(log, ByteBuffer.wrap(new byte[] {SHA_256_VERSION}), MAGIC.length);
            log.force(false);
            LOG.info("Sync state {} upgraded from format {} to {}", logPath, version.get(0), SHA_256_VERSION);
        }
    }

    private int version() {
        return switch (contentHashes) {
            case FIELDS_XXH3_64 -> FIELDS_VERSION;
            case XXH3_64 -> XXH3_VERSION;
            case SHA_256 -> SHA_256_VERSION;
        };
    }

    private void writeHeader(FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.put(MAGIC).put((byte) version()).position(8);
        header.putLong(fingerprint()).flip();
        writeFully(channel, header, 0);
    }

    private void replay() throws IOException {
        if (snapshot == null) {
            table.reserve((int) Math.min(1 << 28, (log.size() - HEADER) / LOG_BYTES_PER_ITEM));
        }
        long end = LogScanner.scan(log, HEADER, (buffer, offset, length, position) -> {
            apply(StateRecord.kindOf(buffer, offset), StateRecord.identityHashOf(buffer, offset),
                    StateRecord.contentHashOf(buffer, offset), StateRecord.epochSecondsOf(buffer, offset), position);
            return true;
        });
        if (end < log.size()) {
            LOG.warn("Ignoring {} bytes of a torn or corrupt tail in {}: those items will be sent again",
                    log.size() - end, logPath);
            log.truncate(end);
            log.force(true);
        }
        logSize = end;
    }

    private void apply(StateRecord.Kind kind, long identity, long content, long epochSeconds, long position) {
        switch (kind) {
            case ACCEPTED -> table.put(identity, content, ItemStatus.ACCEPTED, position, false);
            case REJECTED -> table.put(identity, content, ItemStatus.REJECTED, position, false);
            case RETRYABLE -> table.put(identity, content, ItemStatus.RETRYABLE, position, false);
            case UNCONFIRMED -> table.put(identity, content, ItemStatus.UNCONFIRMED, position, false);
            case REMOVED -> table.remove(identity);
            case FULL_SYNC -> lastFullSync = Instant.ofEpochSecond(epochSeconds);
            case CHECKPOINT -> checkpoint = content < 0 ? null
                    : new ResyncCheckpoint(Instant.ofEpochSecond(epochSeconds), content);
            default -> throw new IllegalStateException("Unknown record kind " + kind);
        }
        if (kind != StateRecord.Kind.FULL_SYNC && kind != StateRecord.Kind.CHECKPOINT) {
            recordsInLog++;
        }
    }

    @Override
    public Feed feed() {
        return feed;
    }

    @Override
    public ContentHashAlgorithm contentHashAlgorithm() {
        return contentHashes;
    }

    @Override
    public String dataSpaceId() {
        return dataSpaceId;
    }

    @Override
    public synchronized StoredItem find(long identityHash) {
        checkOpen();
        return table.find(identityHash);
    }

    @Override
    public synchronized void findAll(long[] identityHashes, int count, StoredItem[] into) {
        checkOpen();
        table.findAll(identityHashes, count, into);
    }

    @Override
    public synchronized void prefetch(long[] identityHashes, int count) {
        checkOpen();
        table.prefetch(identityHashes, count);
    }

    @Override
    public synchronized void markAllSeen(long[] identityHashes, int count, boolean[] firsts) {
        checkOpen();
        table.markAllSeen(identityHashes, count, firsts);
    }

    @Override
    public synchronized boolean markSeen(long identityHash) {
        checkOpen();
        return table.markSeen(identityHash);
    }

    @Override
    public void record(List<StateChange> changes, Instant attempted) {
        if (changes.isEmpty()) {
            return;
        }
        long seconds = epochSeconds(attempted);
        List<RetryPayload> payloads = new ArrayList<>();
        List<StateRecord> records = new ArrayList<>(changes.size());
        int capacity = 0;
        boolean answered = false;
        long[] identities = new long[changes.size()];
        for (int i = 0; i < identities.length; i++) {
            StateChange change = changes.get(i);
            identities[i] = change.identityHash();
            answered |= change.kind() != StateChange.Kind.SENDING;
            StateRecord.Kind kind = switch (change.kind()) {
                case ACCEPTED -> StateRecord.Kind.ACCEPTED;
                case REJECTED -> StateRecord.Kind.REJECTED;
                case RETRYABLE -> StateRecord.Kind.RETRYABLE;
                case SENDING -> StateRecord.Kind.UNCONFIRMED;
                case REMOVED -> StateRecord.Kind.REMOVED;
            };
            StateRecord record = new StateRecord(kind, change.identityHash(), change.contentHash(), seconds,
                    change.key(), change.reason());
            records.add(record);
            capacity += record.maxLength();
            if (kind == StateRecord.Kind.RETRYABLE) {
                payloads.add(new RetryPayload(change.identityHash(), change.contentHash(), change.payload()));
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(capacity);
        int[] lengths = new int[records.size()];
        CRC32C crc = new CRC32C();
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = records.get(i).encodeInto(buffer, crc);
        }
        buffer.flip();
        long end;
        long generation;
        appendLock.lock();
        try {
            checkOpen();
            synchronized (this) {
                table.makeRoom(changes.size());
            }
            if (!payloads.isEmpty()) {
                retry.append(payloads);
            }
            long start = logSize;
            writeFully(log, buffer, start);
            synchronized (this) {
                table.prefetch(identities, identities.length);
                long position = start;
                for (int i = 0; i < changes.size(); i++) {
                    StateChange change = changes.get(i);
                    if (change.kind() == StateChange.Kind.REMOVED) {
                        table.remove(change.identityHash());
                    } else {
                        table.put(change.identityHash(), change.contentHash(), change.kind().status(), position,
                                true);
                    }
                    position += lengths[i];
                }
                logSize = position;
                recordsInLog += changes.size();
            }
            end = logSize;
            generation = logGeneration;
        } catch (IOException e) {
            throw failure("record to", e);
        } finally {
            appendLock.unlock();
        }
        if (answered && System.nanoTime() - lastForcedAt >= ANSWERS_FORCED_EVERY_NANOS) {
            forceThrough(end, generation);
        }
    }

    /**
     * Returns once the log is forced to disk at least up to {@code end} (group commit): one force covers every
     * record written before it starts, so answers recorded by several senders while a force runs share the next
     * one, and senders keep appending while it runs. A log replaced by a snapshot or ended by closing since the
     * records were written needs no force: the snapshot holding them, or the close, was forced.
     */
    private void forceThrough(long end, long generation) {
        forceLock.lock();
        try {
            if (durableGeneration == generation && durableEnd >= end) {
                return;
            }
            FileChannel channel;
            long target;
            appendLock.lock();
            try {
                if (logGeneration != generation) {
                    return;
                }
                channel = log;
                target = logSize;
            } finally {
                appendLock.unlock();
            }
            try {
                channel.force(false);
            } catch (ClosedChannelException e) {
                if (currentGeneration() != generation) {
                    return;
                }
                throw e;
            }
            durableEnd = target;
            durableGeneration = generation;
            lastForcedAt = System.nanoTime();
            forcedWrites++;
        } catch (IOException e) {
            throw failure("force to disk", e);
        } finally {
            forceLock.unlock();
        }
    }

    private long currentGeneration() {
        return underLock(appendLock, () -> logGeneration);
    }

    private static long underLock(ReentrantLock lock, LongSupplier value) {
        lock.lock();
        try {
            return value.getAsLong();
        } finally {
            lock.unlock();
        }
    }

    private static long epochSeconds(Instant instant) {
        return Math.max(0, Math.min(0xFFFF_FFFFL, instant.getEpochSecond()));
    }

    @Override
    public synchronized ItemKey key(long identityHash) {
        StateRecord record = latest(identityHash);
        return record == null ? null : record.key();
    }

    @Override
    public synchronized String reason(long identityHash) {
        checkOpen();
        if (table.status(identityHash) != ItemStatus.REJECTED) {
            return null;
        }
        return latest(identityHash).reason();
    }

    @Override
    public synchronized Instant lastAttempt(long identityHash) {
        StateRecord record = latest(identityHash);
        return record == null ? null : Instant.ofEpochSecond(record.epochSeconds());
    }

    private StateRecord latest(long identityHash) {
        checkOpen();
        long offset = table.position(identityHash);
        if (offset < 0) {
            return null;
        }
        try {
            if ((offset & SnapshotFile.IN_SNAPSHOT) != 0) {
                return SnapshotFile.read(snapshot, offset, kindOf(table.status(identityHash)), identityHash,
                        table.content(identityHash), feed.identityFields());
            }
            ByteBuffer length = ByteBuffer.allocate(2);
            readFully(log, length, offset);
            byte[] record = new byte[Short.toUnsignedInt(length.getShort(0))];
            readFully(log, ByteBuffer.wrap(record), offset);
            return StateRecord.decode(record, 0, feed.identityFields(), true);
        } catch (IOException e) {
            throw failure("read", e);
        }
    }

    private static StateRecord.Kind kindOf(ItemStatus status) {
        return switch (status) {
            case ACCEPTED -> StateRecord.Kind.ACCEPTED;
            case REJECTED -> StateRecord.Kind.REJECTED;
            case RETRYABLE -> StateRecord.Kind.RETRYABLE;
            case UNCONFIRMED -> StateRecord.Kind.UNCONFIRMED;
        };
    }

    @Override
    public synchronized long[] unseen() {
        checkOpen();
        return table.unseen();
    }

    @Override
    public void forEachRetryable(Consumer<RetryPayload> visitor) {
        checkOpen();
        Set<Long> visited = new HashSet<>();
        try {
            retry.scan(retry.size(), payload -> {
                boolean wanted;
                synchronized (this) {
                    long identity = payload.identityHash();
                    wanted = table.status(identity) == ItemStatus.RETRYABLE
                            && table.content(identity) == payload.contentHash();
                }
                if (wanted && visited.add(payload.identityHash())) {
                    visitor.accept(payload);
                }
                return true;
            });
        } catch (IOException e) {
            throw failure("read the retry payloads of", e);
        }
    }

    @Override
    public synchronized long count(ItemStatus status) {
        checkOpen();
        return table.count(status);
    }

    @Override
    public synchronized List<RejectedItem> rejected(int limit) {
        checkOpen();
        List<Long> identities = new ArrayList<>();
        table.forEach(ItemStatus.REJECTED, identity -> {
            identities.add(identity);
            return identities.size() < limit;
        });
        List<RejectedItem> result = new ArrayList<>(identities.size());
        for (long identity : identities) {
            StateRecord record = latest(identity);
            result.add(new RejectedItem(record.key(), record.reason(), null, null, -1));
        }
        return result;
    }

    @Override
    public synchronized Instant lastFullSync() {
        return lastFullSync;
    }

    @Override
    public void fullSyncFinished(Instant finished) {
        appendMarker(new StateRecord(StateRecord.Kind.FULL_SYNC, 0, 0, epochSeconds(finished), null, null), true,
                () -> lastFullSync = Instant.ofEpochSecond(epochSeconds(finished)));
    }

    @Override
    public synchronized ResyncCheckpoint resyncCheckpoint() {
        checkOpen();
        return checkpoint;
    }

    /**
     * Appends the checkpoint unforced: it follows the forced records of the answers it covers, so a power loss can
     * only lose it with later records, leaving an earlier checkpoint (a resume then sends a little more).
     */
    @Override
    public void resyncCheckpoint(ResyncCheckpoint value) {
        StateRecord record = value == null ? new StateRecord(StateRecord.Kind.CHECKPOINT, 0, -1, 0, null, null)
                : new StateRecord(StateRecord.Kind.CHECKPOINT, 0, value.confirmedItems(),
                        epochSeconds(value.started()), null, null);
        appendMarker(record, false, () -> checkpoint = value == null ? null
                : new ResyncCheckpoint(Instant.ofEpochSecond(epochSeconds(value.started())), value.confirmedItems()));
    }

    /** Appends a record that concerns no item, forced to disk or not, then applies it in memory. */
    private void appendMarker(StateRecord marker, boolean force, Runnable apply) {
        byte[] record = marker.encode();
        long end;
        long generation;
        appendLock.lock();
        try {
            checkOpen();
            writeFully(log, ByteBuffer.wrap(record), logSize);
            synchronized (this) {
                logSize += record.length;
                apply.run();
            }
            end = logSize;
            generation = logGeneration;
        } catch (IOException e) {
            throw failure("record to", e);
        } finally {
            appendLock.unlock();
        }
        if (force) {
            forceThrough(end, generation);
        }
    }

    @Override
    public synchronized long keptDeletes() {
        checkOpen();
        return keptDeletes(table).size();
    }

    /** The identities held as accepted deletes. */
    static List<Long> keptDeletes(ItemIndex index) {
        List<Long> deletes = new ArrayList<>();
        index.forEachEntry(ItemStatus.ACCEPTED, (identity, content, position) -> {
            if (content == StateChange.DELETE_CONTENT) {
                deletes.add(identity);
            }
            return true;
        });
        return deletes;
    }

    /**
     * Forgets the accepted deletes last attempted before a time: reads the time of each one's latest record, then
     * records the old ones as removed.
     */
    @Override
    public long purgeDeletes(Instant acceptedBefore) {
        List<StateChange> removals = new ArrayList<>();
        synchronized (this) {
            checkOpen();
            for (long identity : keptDeletes(table)) {
                StateRecord latest = latest(identity);
                if (Instant.ofEpochSecond(latest.epochSeconds()).isBefore(acceptedBefore)) {
                    removals.add(StateChange.removed(latest.key(), identity));
                }
            }
        }
        record(removals, acceptedBefore);
        return removals.size();
    }

    /** How many times this session forced its records to disk. */
    public long forcedWrites() {
        return underLock(forceLock, () -> forcedWrites);
    }

    /** How many bytes the log file has. */
    public synchronized long logBytes() {
        return logSize;
    }

    /** The bytes of the in-memory index (its arrays, kept outside the Java heap). */
    public synchronized long indexBytes() {
        return table.memoryBytes();
    }

    /** How many items are held. */
    public synchronized int size() {
        return table.size();
    }

    /** Whether to compact on opening: when the log holds more than two records per item (and some slack). */
    private boolean worthCompacting() {
        return recordsInLog > 2L * table.size() + COMPACTION_SLACK;
    }

    /**
     * Whether to compact on closing: when the tail holds more records than a sixteenth of the items (and some
     * slack), so that the next opening replays few records and the files stay within 64 bytes an item.
     */
    private boolean worthCompactingOnClose() {
        return recordsInLog > table.size() / 16 + COMPACTION_SLACK;
    }

    /** Writes a new snapshot of every held item, then empties the log (see the class comment for the order). */
    public void compact() {
        appendLock.lock();
        try {
            synchronized (this) {
                checkOpen();
                compactLocked();
            }
        } catch (IOException e) {
            throw failure("compact", e);
        } finally {
            appendLock.unlock();
        }
    }

    private void compactLocked() throws IOException {
        Path temporary = writing(snapshotPath);
        MappedFile previous = snapshot == null ? null : MappedFile.map(snapshot, snapshot.size());
        SnapshotFile.write(temporary, fingerprint(), table, previous, MappedFile.map(log, logSize),
                new SnapshotFile.Markers(lastFullSync, checkpoint));
        Files.move(temporary, snapshotPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(snapshotPath.getParent());
        FileChannel written = FileChannel.open(snapshotPath, StandardOpenOption.READ);
        try {
            SnapshotFile.repoint(written, table);
        } catch (IOException | RuntimeException e) {
            written.close();
            throw e;
        }
        if (snapshot != null) {
            snapshot.close();
        }
        snapshot = written;
        Path emptyLog = writing(logPath);
        try (FileChannel out = FileChannel.open(emptyLog, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeHeader(out);
            out.force(true);
        }
        log.close();
        Files.move(emptyLog, logPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(logPath.getParent());
        log = FileChannel.open(logPath, StandardOpenOption.READ, StandardOpenOption.WRITE);
        logGeneration++;
        logSize = HEADER;
        recordsInLog = 0;
        LOG.debug("Wrote the snapshot {} of {} items; the log starts again empty", snapshotPath, table.size());
    }

    @Override
    public void close() {
        appendLock.lock();
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                try {
                    if (worthCompactingOnClose()) {
                        compactLocked();
                    } else {
                        log.force(false);
                    }
                    logGeneration++;
                    if (table.count(ItemStatus.RETRYABLE) == 0 && retry.size() > 0) {
                        retry.clear();
                    }
                } finally {
                    closed = true;
                    table.release();
                    try {
                        log.close();
                        retry.close();
                        if (snapshot != null) {
                            snapshot.close();
                        }
                    } finally {
                        lock.close();
                    }
                }
            }
        } catch (IOException e) {
            throw failure("close", e);
        } finally {
            appendLock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The sync state of feed " + feed.name() + " in data space "
                    + dataSpaceId + " is closed: open it again");
        }
    }

    /** Forces a directory's entries to disk, where the platform allows it. */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Could not force directory {} to disk: {}", directory, e.toString());
        }
    }
}

package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.core.internal.catalog.state.FileFeedState;
import io.github.commerceconnector.core.internal.catalog.state.FileLocks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The default {@link SyncStateStore}: crash-safe files under a directory, one folder per data space and
 * four files per feed ({@code <feed>.snap}, a snapshot of the state; {@code <feed>.log}, the records since the
 * snapshot; {@code <feed>.retry}, payloads of retryable items; {@code <feed>.lock}, the lock). Killed at any instant, the state reopens readable and never claims an
 * item was accepted that the gateway did not accept.
 *
 * <p>Format 3 since issue 13: a snapshot beside the log, so that opening reads the snapshot's fixed-size entries in
 * one sweep and replays only the records since it (the snapshot is rewritten at close once those exceed a sixteenth
 * of the items). Format 2 (issue 16: the records of a resync's checkpoint) and format 1 still open, and are upgraded
 * in place when opened.
 *
 * <p>Compact: about 56 bytes per item on disk (identity values of typical length) and at most 64 bytes per
 * item in memory while a feed is open. Thread-safe; several processes may share the directory (feeds are
 * locked one by one).
 */
public final class FileSyncStateStore implements SyncStateStore {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Path directory;

    /**
     * A store under a directory, created when first needed.
     *
     * @param directory the catalog state directory, e.g. {@code var/connector/catalog}
     */
    public FileSyncStateStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The directory this store keeps its files in. */
    public Path directory() {
        return directory;
    }

    /**
     * {@inheritDoc}
     *
     * @throws SyncLockedException if the feed's state is open in this process or another one
     */
    @Override
    public FeedSyncState open(String dataSpaceId, Feed feed) {
        Objects.requireNonNull(feed, "feed");
        Path folder = folderOf(dataSpaceId);
        createDirectories(folder);
        FileLocks.Held lock = FileLocks.acquire(folder.resolve(feed.name() + ".lock"), describe(dataSpaceId, feed.name()));
        return FileFeedState.open(folder, dataSpaceId, feed, lock);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A data space this store never held state for has nothing to forget: {@code erase} runs and no file
     * is created.
     */
    @Override
    public void resetDataSpace(String dataSpaceId, Runnable erase) {
        Path folder = folderOf(dataSpaceId);
        if (!Files.isDirectory(folder)) {
            erase.run();
            return;
        }
        List<FileLocks.Held> locks = new ArrayList<>();
        try {
            TreeSet<String> feeds = feedNames(folder);
            for (String feed : feeds) {
                locks.add(FileLocks.acquire(folder.resolve(feed + ".lock"), describe(dataSpaceId, feed)));
            }
            for (String feed : feeds) {
                Files.deleteIfExists(folder.resolve(feed + ".snap"));
                Files.deleteIfExists(folder.resolve(feed + ".log"));
                Files.deleteIfExists(folder.resolve(feed + ".retry"));
            }
            FileFeedState.syncDirectory(folder);
            erase.run();
        } catch (IOException e) {
            throw new ConnectorClientException("Could not reset the sync state of data space " + dataSpaceId
                    + " in " + folder + ": " + e + ". Check the state directory's permissions.", e);
        } finally {
            releaseAll(locks);
        }
    }

    private static void releaseAll(List<FileLocks.Held> locks) {
        RuntimeException failure = null;
        for (FileLocks.Held lock : locks) {
            try {
                lock.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The built-in feeds and every feed with files in the folder, sorted (so lockers agree on the order). */
    private static TreeSet<String> feedNames(Path folder) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Feed feed : Feed.builtIn()) {
            names.add(feed.name());
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".log") || name.endsWith(".lock") || name.endsWith(".retry")
                            || name.endsWith(".snap"))
                    .map(name -> name.substring(0, name.lastIndexOf('.')))
                    .forEach(names::add);
        }
        return names;
    }

    private static String describe(String dataSpaceId, String feed) {
        return "The sync state of feed " + feed + " in data space " + dataSpaceId;
    }

    /** The folder of a data space: its id when that is a safe file name, else a hash of it. */
    private Path folderOf(String dataSpaceId) {
        if (dataSpaceId == null || dataSpaceId.isBlank()) {
            throw new IllegalArgumentException("dataSpaceId is empty: give the selected data space's id");
        }
        if (SAFE_NAME.matcher(dataSpaceId).matches()) {
            return directory.resolve(dataSpaceId);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dataSpaceId.getBytes(StandardCharsets.UTF_8));
            return directory.resolve("ds-" + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ConnectorClientException("Could not create the sync state directory " + folder + ": " + e
                    + ". Check that the state directory is writable.", e);
        }
    }

    /** Shows the directory. */
    @Override
    public String toString() {
        return "FileSyncStateStore[" + directory + "]";
    }
}

package io.github.commerceconnector.core.internal.catalog.state;

import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive locks on lock files, across processes ({@link FileChannel#tryLock()}) and within this one (a
 * set of held paths, because a JVM holds OS file locks for the whole process and reports a second lock as
 * {@link OverlappingFileLockException}). A lock is released when its holder closes it or dies.
 */
public final class FileLocks {
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private FileLocks() {
    }

    /**
     * Takes the lock on a file at once or fails.
     *
     * @param what names what the lock protects, for the message
     * @throws SyncLockedException if another holder, in this process or another, has it
     */
    public static Held acquire(Path lockFile, String what) {
        Path path = canonical(lockFile);
        if (!HELD_IN_THIS_PROCESS.add(path)) {
            throw new SyncLockedException(what + " is in use by another sync in this process. Wait for it to "
                    + "finish, or share one client instead of syncing the same feed twice at once.");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new SyncLockedException(what + " is in use by another process (lock file " + path
                        + "). Wait for that sync to finish; if no sync runs, the lock went away with its "
                        + "process and a new attempt succeeds.");
            }
            return new Held(path, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel, e);
            HELD_IN_THIS_PROCESS.remove(path);
            throw new ConnectorClientException("Could not lock " + path + " for " + what + ": " + e
                    + ". Check that the state directory is writable.", e);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            HELD_IN_THIS_PROCESS.remove(path);
            throw e;
        }
    }

    /**
     * The lock file's path with its folder's symbolic links resolved, so that one folder reached through a link is
     * one lock here, as it is to the operating system (a folder seen twice through bind mounts still has two paths);
     * the path as given when the folder cannot be resolved (then opening the lock file fails and says why).
     */
    private static Path canonical(Path lockFile) {
        Path absolute = lockFile.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null) {
            return absolute;
        }
        try {
            return folder.toRealPath().resolve(absolute.getFileName());
        } catch (IOException unresolved) {
            return absolute;
        }
    }

    private static void closeQuietly(FileChannel channel, Throwable failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** A held lock. */
    public static final class Held implements AutoCloseable {
        private final Path path;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean released;

        private Held(Path path, FileChannel channel, FileLock lock) {
            this.path = path;
            this.channel = channel;
            this.lock = lock;
        }

        /** Releases the lock. Idempotent. */
        @Override
        public synchronized void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                try {
                    lock.release();
                } finally {
                    channel.close();
                }
            } catch (IOException e) {
                throw new ConnectorClientException("Could not release the lock " + path + ": " + e, e);
            } finally {
                HELD_IN_THIS_PROCESS.remove(path);
            }
        }
    }
}

package io.github.commerceconnector.core.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash-safe file replacement: the new content goes to a temporary file in the same directory, is forced to
 * disk, then renamed over the target in one atomic step, and the directory entry is forced too. A reader
 * sees the old content or the new one, never a mix, whenever the process or the machine stops.
 */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content} atomically.
     *
     * @throws IOException if the directory is not writable or the disk fails; the old content is then kept
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    /**
     * Deletes {@code target} if it exists and forces the directory entry to disk.
     *
     * @return whether a file was deleted
     * @throws IOException if the file cannot be deleted
     */
    public static boolean delete(Path target) throws IOException {
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) {
            forceDirectory(target.toAbsolutePath().getParent());
        }
        return deleted;
    }

    /** Forces a directory's entries to disk where the platform allows it (not on Windows). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            LOG.debug("Cannot force the directory {} to disk on this platform: {}", directory,
                    unsupported.getClass().getSimpleName());
        }
    }
}

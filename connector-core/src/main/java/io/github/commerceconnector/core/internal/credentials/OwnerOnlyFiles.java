package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only their owner may read, replaced atomically: the content goes to a temporary file in the same
 * directory, is forced to disk, and is renamed over the target, so a reader or a crash sees the old file
 * or the new one, never half of one. On file systems without POSIX permissions the permission rules are
 * skipped, with a debug log.
 */
public final class OwnerOnlyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final String TEMP_SUFFIX = ".tmp";

    private OwnerOnlyFiles() {
    }

    /** Whether the file system of a path has POSIX permissions. */
    public static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The identity and version of a file, or {@code null} if it does not exist. Refuses a file that is not
     * a regular file or that users other than its owner may read or write.
     *
     * @throws ConfigurationException naming the file and the fix ({@code chmod 600})
     */
    public static Stamp stamp(Path file, String what) {
        try {
            if (!supportsPosix(file)) {
                LOG.debug("{} is on a file system without POSIX permissions; its permissions are not checked", file);
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                requireRegular(file, attributes, what);
                return new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
            }
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
            requireRegular(file, attributes, what);
            requireOwnerOnly(file, attributes.permissions(), what);
            return new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the attributes of " + what + " " + file + ": "
                    + e.getClass().getSimpleName() + ". Check that the path and its directories are accessible.");
        }
    }

    /** Whether users other than the owner may read or write a file; {@code false} where that is unknown. */
    public static boolean isOpenToOthers(Path file) {
        if (!supportsPosix(file)) {
            return false;
        }
        try {
            return !othersPermissions(Files.getPosixFilePermissions(file)).isEmpty();
        } catch (IOException e) {
            LOG.debug("Permissions of {} not readable: {}", file, e.getClass().getName());
            return false;
        }
    }

    /**
     * Replaces a file's content atomically, creating the file with owner-only permissions (and any missing
     * directories with owner-only access).
     *
     * @throws ConfigurationException if it cannot be written; the previous file is then unchanged
     */
    public static void writeAtomically(Path file, byte[] content, String what) {
        Path directory = Objects.requireNonNull(file.toAbsolutePath().getParent(), "parent directory");
        boolean posix = supportsPosix(file);
        Path temp = null;
        try {
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                } else {
                    Files.createDirectories(directory);
                }
            }
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(directory, tempPrefix(file), TEMP_SUFFIX, attributes);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceDirectory(directory);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot write " + what + " " + file + " (" + e.getClass().getSimpleName()
                    + "): check that its directory exists and is writable by this process. The previous file is "
                    + "unchanged.");
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Deletes temporary files a crashed write may have left beside a file. */
    public static void deleteLeftovers(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        String prefix = tempPrefix(file);
        DirectoryStream.Filter<Path> isLeftover = path -> path.getFileName().toString().startsWith(prefix)
                && path.getFileName().toString().endsWith(TEMP_SUFFIX);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, isLeftover)) {
            for (Path leftover : leftovers) {
                deleteQuietly(leftover);
            }
        } catch (IOException e) {
            LOG.debug("Could not list {} for leftover temporary files: {}", directory, e.getClass().getName());
        }
    }

    private static String tempPrefix(Path file) {
        return "." + file.getFileName() + ".";
    }

    private static void requireRegular(Path file, BasicFileAttributes attributes, String what) {
        if (!attributes.isRegularFile()) {
            throw new ConfigurationException(capitalized(what) + " " + file + " is not a regular file: give the path "
                    + "of a file (it is created on the first put if it does not exist).");
        }
    }

    private static void requireOwnerOnly(Path file, Set<PosixFilePermission> permissions, String what) {
        if (!othersPermissions(permissions).isEmpty()) {
            throw new ConfigurationException(capitalized(what) + " " + file + " can be read or written by users other "
                    + "than its owner (permissions " + PosixFilePermissions.toString(permissions) + "). It holds "
                    + "private keys: run 'chmod 600 " + file + "' so that only its owner can use it.");
        }
    }

    private static Set<PosixFilePermission> othersPermissions(Set<PosixFilePermission> permissions) {
        Set<PosixFilePermission> others = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : permissions) {
            if (!permission.name().startsWith("OWNER_")) {
                others.add(permission);
            }
        }
        return others;
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Directory {} could not be forced to disk ({}); the rename is durable once the file system "
                    + "syncs", directory, e.getClass().getName());
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary file {} ({}); it is readable by its owner only, delete it by "
                    + "hand", path, e.getClass().getName());
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * What identifies one version of a file: its file key (inode), modification time at the file system's
     * full precision, and size. An atomic replace gives the file a new key.
     *
     * @param fileKey    the file system's key, or {@code null} where it has none
     * @param modifiedAt the modification time
     * @param size       the size in bytes
     */
    public record Stamp(Object fileKey, FileTime modifiedAt, long size) {
    }
}

package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps both environments' key pairs in one JSON file ({@link CredentialsJson}) that only its owner may
 * read. Every change replaces the file atomically ({@link OwnerOnlyFiles#writeAtomically}); a change made
 * to the file by another process is picked up at the next read, validated, and announced to listeners.
 * The file's permissions are checked when the store opens and at every read.
 */
public final class FileCredentialStore extends WritableCredentialStore {
    private static final String WHAT = "the credentials file";
    private static final long MAX_SIZE = 1024 * 1024;

    private final Path file;
    private volatile OwnerOnlyFiles.Stamp loaded;

    /**
     * Opens the store, reading the file if it exists (it is created on the first put).
     *
     * @throws ConfigurationException if the file is open to other users, corrupt, or holds a refused key
     */
    public FileCredentialStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        OwnerOnlyFiles.deleteLeftovers(this.file);
        refresh();
    }

    /** The file. */
    public Path file() {
        return file;
    }

    @Override
    public Optional<ServiceCredentials> find(Environment environment) {
        refresh();
        return super.find(environment);
    }

    @Override
    protected void persist(Map<Environment, ServiceCredentials> next) {
        OwnerOnlyFiles.writeAtomically(file, CredentialsJson.write(next), WHAT);
        loaded = OwnerOnlyFiles.stamp(file, WHAT);
    }

    /** Reloads the file if it changed since it was last read or written. */
    private void refresh() {
        if (Objects.equals(OwnerOnlyFiles.stamp(file, WHAT), loaded)) {
            return;
        }
        writeLock().lock();
        try {
            OwnerOnlyFiles.Stamp current = OwnerOnlyFiles.stamp(file, WHAT);
            if (!Objects.equals(current, loaded)) {
                byte[] content = current == null ? null : readContent();
                publish(content == null ? Map.of() : validated(CredentialsJson.read(file, content)));
                loaded = content == null ? null : current;
            }
        } finally {
            writeLock().unlock();
        }
    }

    /** The file's bytes, or {@code null} if it was deleted meanwhile. */
    private byte[] readContent() {
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new ConfigurationException("The credentials file " + file + " is larger than " + MAX_SIZE
                        + " bytes, far more than two key pairs need: check that the path names the credentials file.");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the credentials file " + file + " ("
                    + e.getClass().getSimpleName() + "): check that this process may read it.");
        }
    }

    private Map<Environment, ServiceCredentials> validated(Map<Environment, ServiceCredentials> credentials) {
        for (ServiceCredentials entry : credentials.values()) {
            try {
                KeyMaterial.check(entry);
            } catch (InvalidKeyException e) {
                throw new ConfigurationException("The credentials file " + file + " holds a " + entry.environment()
                        .wireName() + " private key that is refused: " + e.getMessage(), e);
            }
        }
        return credentials;
    }

    @Override
    public String toString() {
        return "FileCredentialStore[file=" + file + ", keys=" + describeKeys() + "]";
    }
}

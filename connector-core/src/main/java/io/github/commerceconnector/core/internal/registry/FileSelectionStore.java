package io.github.commerceconnector.core.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.core.internal.io.AtomicFiles;
import io.github.commerceconnector.core.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the selection as JSON in {@value #FILE_NAME} of the state directory, replaced atomically (temporary
 * file, fsync, atomic rename), so that a crash leaves the old selection or the new one.
 */
public final class FileSelectionStore implements SelectionStore {
    /** The file name inside the state directory. */
    public static final String FILE_NAME = "saas-identity.json";
    private static final int FORMAT = 1;

    private final Path file;

    /** Creates the store for a state directory that exists and is writable. */
    public FileSelectionStore(Path stateDirectory) {
        this.file = stateDirectory.resolve(FILE_NAME);
    }

    @Override
    public Optional<SaasIdentity> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException unreadable) {
            throw new ConfigurationException("The saved selection " + file + " cannot be read ("
                    + unreadable.getClass().getSimpleName() + "): give this process read access to it.", unreadable);
        }
        try {
            JsonNode root = Json.parse(bytes);
            String ims = Json.text(root, "imsOrganizationId");
            return Optional.of(new SaasIdentity(Json.text(root, "projectId"), Json.text(root, "projectName"),
                    Json.text(root, "dataSpaceId"), Json.text(root, "dataSpaceName"),
                    DataSpaceType.fromWireName(Json.text(root, "dataSpaceType")),
                    ims == null ? null : ImsOrganizationId.of(ims)));
        } catch (IOException | IllegalArgumentException corrupt) {
            throw new ConfigurationException("The saved selection " + file + " is damaged (" + corrupt.getMessage()
                    + "): delete the file and select the data space again.", corrupt);
        }
    }

    @Override
    public void save(SaasIdentity identity) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("projectId", identity.projectId());
        root.put("projectName", identity.projectName());
        root.put("dataSpaceId", identity.dataSpaceId());
        root.put("dataSpaceName", identity.dataSpaceName());
        root.put("dataSpaceType", identity.dataSpaceType().wireName());
        root.put("imsOrganizationId", identity.imsOrganization().map(ImsOrganizationId::value).orElse(null));
        try {
            AtomicFiles.write(file, Json.bytes(root));
        } catch (IOException failed) {
            throw new ConnectorClientException("The selection could not be saved to " + file + " ("
                    + failed.getClass().getSimpleName() + "): check that the state directory is writable and the "
                    + "disk has room. The previous selection is kept.", failed);
        }
    }

    @Override
    public void clear() {
        try {
            AtomicFiles.delete(file);
        } catch (IOException failed) {
            throw new ConnectorClientException("The saved selection " + file + " could not be removed ("
                    + failed.getClass().getSimpleName() + "): check that the state directory is writable.", failed);
        }
    }
}

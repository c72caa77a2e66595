package io.github.commerceconnector.spring.boot.internal;

import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.spring.boot.CommerceConnectorProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The credential store the properties describe: the key pair of {@code keys.*} first (validated now), then a
 * credentials file, then the {@code COMMERCE_CONNECTOR_*} environment variables. A key that is refused fails the
 * startup naming its property, never quoting the key: a key given inline is refused with a
 * {@link ConfigurationException} rather than Spring Boot's {@link InvalidConfigurationPropertyValueException}, whose
 * failure report prints the property's value from the environment whatever value the exception carries. Blank
 * {@code keys.api-key} and {@code keys.private-key} (empty placeholders) count as unset.
 */
public final class PropertiesCredentials {
    private static final String KEYS = CommerceConnectorProperties.PREFIX + ".keys.";
    private static final String REDACTED = "<redacted>";

    private PropertiesCredentials() {
    }

    /**
     * Builds the store.
     *
     * @param properties the connector's properties
     * @return the chain of stores they describe
     * @throws InvalidConfigurationPropertyValueException naming the property whose key is refused
     */
    public static CredentialStore from(CommerceConnectorProperties properties) {
        List<CredentialStore> stores = new ArrayList<>();
        CommerceConnectorProperties.Keys keys = properties.getKeys();
        if (hasText(keys.getApiKey()) || hasText(keys.getPrivateKey()) || keys.getPrivateKeyFile() != null) {
            stores.add(fromKeys(properties, keys));
        }
        if (keys.getCredentialsFile() != null) {
            try {
                stores.add(CredentialStores.file(keys.getCredentialsFile()));
            } catch (ConnectorException refused) {
                throw new InvalidConfigurationPropertyValueException(KEYS + "credentials-file",
                        keys.getCredentialsFile().toString(), refused.getMessage());
            }
        }
        stores.add(CredentialStores.fromEnvironment());
        return stores.size() == 1 ? stores.get(0) : CredentialStores.chain(stores.toArray(new CredentialStore[0]));
    }

    private static CredentialStore fromKeys(CommerceConnectorProperties properties,
            CommerceConnectorProperties.Keys keys) {
        if (keys.getApiKey() == null || keys.getApiKey().isBlank()) {
            throw new InvalidConfigurationPropertyValueException(KEYS + "api-key", null,
                    "the API key id is required with a private key");
        }
        String property = keys.getPrivateKeyFile() != null ? KEYS + "private-key-file" : KEYS + "private-key";
        String shown = keys.getPrivateKeyFile() != null ? keys.getPrivateKeyFile().toString() : REDACTED;
        String pem = privateKeyText(keys, property, shown);
        CredentialStore store = CredentialStores.inMemory();
        try {
            store.put(keys.getPassphrase() == null
                    ? ServiceCredentials.of(properties.getEnvironment(), keys.getApiKey(), pem)
                    : ServiceCredentials.of(properties.getEnvironment(), keys.getApiKey(), pem, keys.getPassphrase()));
        } catch (ConnectorException | IllegalArgumentException refused) {
            if (keys.getPrivateKeyFile() == null) {
                throw new ConfigurationException("Property " + property + " is invalid: " + refused.getMessage()
                        + " (its value, the key, is not shown)");
            }
            throw new InvalidConfigurationPropertyValueException(property, shown, refused.getMessage());
        }
        return store;
    }

    /** Whether a property holds more than blanks (an empty placeholder, {@code ${VARIABLE:}}, counts as unset). */
    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Whether group or others may read or write the file; false where the file system has no POSIX permissions. */
    private static boolean openToOthers(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static String privateKeyText(CommerceConnectorProperties.Keys keys, String property, String shown) {
        if (keys.getPrivateKeyFile() == null) {
            if (keys.getPrivateKey() == null || keys.getPrivateKey().isBlank()) {
                throw new InvalidConfigurationPropertyValueException(property, null,
                        "a private key is required with the API key id: set " + KEYS + "private-key or " + KEYS
                                + "private-key-file");
            }
            return keys.getPrivateKey();
        }
        try {
            if (openToOthers(keys.getPrivateKeyFile())) {
                throw new InvalidConfigurationPropertyValueException(property, shown, "the file may be read or "
                        + "written by users other than its owner: run chmod 600 on it");
            }
            return Files.readString(keys.getPrivateKeyFile(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new InvalidConfigurationPropertyValueException(property, shown,
                    "the file cannot be read (" + unreadable.getClass().getSimpleName() + ")");
        }
    }
}

package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.CredentialsListener;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only key pairs taken from environment variables, then from system properties (names in
 * {@link KeyNames}). They are read and validated once, when the store is created; an environment with
 * none of its names set has no keys. Errors name the variable or property, never its value.
 */
public final class EnvironmentCredentialStore implements CredentialStore {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentCredentialStore.class);
    private static final long MAX_KEY_FILE_SIZE = 64 * 1024;

    private final Map<Environment, ServiceCredentials> credentials;
    private final Map<Environment, String> origins;
    private final Listeners listeners = new Listeners();

    /**
     * Reads and validates the key pairs.
     *
     * @param environmentVariables the process environment (usually {@link System#getenv()})
     * @param systemProperties     the system properties (usually {@link System#getProperties()})
     * @throws InvalidKeyException    naming the variable or property whose key is refused, and why
     * @throws ConfigurationException naming a missing or contradictory variable or property
     */
    public EnvironmentCredentialStore(Map<String, String> environmentVariables, Properties systemProperties) {
        Objects.requireNonNull(environmentVariables, "environmentVariables");
        Objects.requireNonNull(systemProperties, "systemProperties");
        Map<Environment, ServiceCredentials> found = new EnumMap<>(Environment.class);
        Map<Environment, String> foundOrigins = new EnumMap<>(Environment.class);
        for (Environment environment : Environment.values()) {
            KeyNames variables = KeyNames.variables(environment);
            KeyNames properties = KeyNames.properties(environment);
            if (variables.anySet(environmentVariables::get)) {
                found.put(environment, read(environment, variables, environmentVariables::get));
                foundOrigins.put(environment, variables.prefix());
            } else if (properties.anySet(systemProperties::getProperty)) {
                found.put(environment, read(environment, properties, systemProperties::getProperty));
                foundOrigins.put(environment, properties.prefix());
            }
        }
        this.credentials = Map.copyOf(found);
        this.origins = Map.copyOf(foundOrigins);
        origins.forEach((environment, origin) -> LOG.debug("The {} keys come from {}", environment.wireName(), origin));
    }

    private static ServiceCredentials read(Environment environment, KeyNames names, UnaryOperator<String> lookup) {
        String apiKey = KeyNames.value(lookup, names.apiKey());
        String pem = KeyNames.value(lookup, names.privateKey());
        String pemFile = KeyNames.value(lookup, names.privateKeyFile());
        String passphrase = KeyNames.value(lookup, names.passphrase());
        if (apiKey == null) {
            throw new ConfigurationException("The " + environment.wireName() + " keys are configured through "
                    + names.prefix() + " but " + names.apiKey() + " is not set (or empty): set it to the public API "
                    + "key id shown beside the key pair on the Commerce Services Connector page.");
        }
        if (pem != null && pemFile != null) {
            throw new ConfigurationException("Both " + names.privateKey() + " and " + names.privateKeyFile()
                    + " are set: set only one, the PEM text or the path of a PEM file.");
        }
        if (pem == null && pemFile == null) {
            throw new ConfigurationException(names.apiKey() + " is set but neither " + names.privateKey() + " nor "
                    + names.privateKeyFile() + " is: give the private key as PEM text (a literal \\n may stand for "
                    + "each newline) or the path of a PEM file.");
        }
        String keyName = pem != null ? names.privateKey() : names.privateKeyFile();
        ServiceCredentials credentials;
        try {
            credentials = new ServiceCredentials(environment, ApiKey.of(apiKey),
                    Secret.of(pem != null ? pem : readKeyFile(names.privateKeyFile(), pemFile)),
                    passphrase == null ? null : Secret.of(passphrase));
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException(e.problem(), names.apiKey() + ": " + e.getMessage());
        }
        try {
            KeyMaterial.check(credentials);
        } catch (InvalidKeyException e) {
            String with = passphrase == null ? "" : " (with the passphrase in " + names.passphrase() + ")";
            throw new InvalidKeyException(e.problem(), keyName + with + ": " + e.getMessage());
        }
        return credentials;
    }

    private static String readKeyFile(String name, String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigurationException(name + " is not a valid path: give the path of the PEM private key file.");
        }
        try {
            if (Files.size(path) > MAX_KEY_FILE_SIZE) {
                throw new ConfigurationException(name + " names " + path + ", which is larger than "
                        + MAX_KEY_FILE_SIZE + " bytes: give the path of the PEM private key file.");
            }
            if (OwnerOnlyFiles.isOpenToOthers(path)) {
                throw new ConfigurationException(name + " names " + path + ", a private key file that users other "
                        + "than its owner can read or write: run 'chmod 600 " + path + "' (for a mounted secret, give "
                        + "the file mode 0400 or 0600).");
            }
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(name + " names " + path + ", which cannot be read ("
                    + e.getClass().getSimpleName() + "): check the path and that this process may read the file.");
        }
    }

    @Override
    public Optional<ServiceCredentials> find(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        return Optional.ofNullable(credentials.get(environment));
    }

    /**
     * Always refused: these keys are read-only.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void put(ServiceCredentials credentials) {
        throw readOnly();
    }

    /**
     * Always refused: these keys are read-only.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public boolean remove(Environment environment) {
        throw readOnly();
    }

    @Override
    public KeyCheck validate(Environment environment) {
        return KeyMaterial.localCheck(require(environment));
    }

    /** Registers a listener; it is never called, since these keys never change. */
    @Override
    public ListenerRegistration addListener(CredentialsListener listener) {
        return listeners.add(listener);
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("Keys from environment variables and system properties are "
                + "read-only: change the COMMERCE_CONNECTOR_<ENV>_* variables or commerce.connector.<env>.* "
                + "properties and restart, or put keys into a writable store such as CredentialStores.file(path).");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("EnvironmentCredentialStore[");
        for (Environment environment : Environment.values()) {
            ServiceCredentials found = credentials.get(environment);
            text.append(environment.ordinal() > 0 ? ", " : "").append(environment.wireName()).append('=')
                    .append(found == null ? "none" : found.apiKey() + " from " + origins.get(environment));
        }
        return text.append(']').toString();
    }
}

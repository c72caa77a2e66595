package io.github.commerceconnector.core.credentials;

import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.core.internal.credentials.ChainedCredentialStore;
import io.github.commerceconnector.core.internal.credentials.EnvironmentCredentialStore;
import io.github.commerceconnector.core.internal.credentials.FileCredentialStore;
import io.github.commerceconnector.core.internal.credentials.InMemoryCredentialStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The credential stores of {@code connector-core}. Every store is thread-safe, validates a private key
 * before storing it ({@link CredentialStore#put} throws
 * {@link io.github.commerceconnector.api.exception.InvalidKeyException} and keeps the previous keys), replaces
 * an environment's key pair atomically, tells its listeners at once, and never prints key material.
 * Their {@link CredentialStore#validate validate} checks the key material only ({@code gatewayConfirmed}
 * is {@code false}); the store of a connected client, {@code CommerceServices.credentials()}, asks the
 * gateway.
 *
 * <pre>{@code
 * CredentialStore store = CredentialStores.chain(
 *         CredentialStores.fromEnvironment(),                       // CI and containers
 *         CredentialStores.file(Path.of("var/connector/credentials.json")));
 * }</pre>
 */
public final class CredentialStores {

    private CredentialStores() {
    }

    /**
     * A store that keeps key pairs in memory only, for tests and for keys fetched from a vault at startup.
     *
     * @return a new, empty store
     */
    public static CredentialStore inMemory() {
        return new InMemoryCredentialStore();
    }

    /**
     * A store that keeps both environments' key pairs in one JSON file, readable by its owner only.
     *
     * <ul>
     *   <li>The file is created on the first {@code put}, with permissions {@code 600} (and missing
     *       directories with {@code 700}).</li>
     *   <li>Each change writes a temporary file in the same directory, forces it to disk and renames it over
     *       the file: a crash leaves the old file or the new one, never half of one.</li>
     *   <li>When the store opens and at every read, a file that group or others may read or write is refused
     *       with a {@link io.github.commerceconnector.api.exception.ConfigurationException} telling to run
     *       {@code chmod 600}. On file systems without POSIX permissions this check is skipped.</li>
     *   <li>A change made to the file by another process is picked up at the next read, validated, and told
     *       to listeners.</li>
     *   <li>A corrupt file is refused with a {@code ConfigurationException} that never quotes its content.</li>
     * </ul>
     *
     * @param file the file, e.g. {@code var/connector/credentials.json}; need not exist yet
     * @return the store, holding what the file holds
     * @throws io.github.commerceconnector.api.exception.ConfigurationException if the existing file is open to
     *     other users, corrupt, or holds a key that is refused
     */
    public static CredentialStore file(Path file) {
        return new FileCredentialStore(file);
    }

    /**
     * A read-only store with the keys of this process's environment variables, or else of its system
     * properties, read and validated now. For each environment, the first of these two sources that sets
     * any of its names is used, and only that one:
     *
     * <table>
     *   <caption>Names, shown for the sandbox (use {@code PRODUCTION} / {@code production} likewise)</caption>
     *   <tr><th>environment variable</th><th>system property</th><th>value</th></tr>
     *   <tr><td>{@code COMMERCE_CONNECTOR_SANDBOX_API_KEY}</td><td>{@code commerce.connector.sandbox.apiKey}</td>
     *       <td>the public API key id (required)</td></tr>
     *   <tr><td>{@code COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY}</td>
     *       <td>{@code commerce.connector.sandbox.privateKey}</td>
     *       <td>the PEM private key; a literal {@code \n} may stand for each newline</td></tr>
     *   <tr><td>{@code COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE}</td>
     *       <td>{@code commerce.connector.sandbox.privateKeyFile}</td>
     *       <td>instead of the PEM text: the path of a PEM file</td></tr>
     *   <tr><td>{@code COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_PASSPHRASE}</td>
     *       <td>{@code commerce.connector.sandbox.privateKeyPassphrase}</td>
     *       <td>the passphrase of an encrypted key (optional)</td></tr>
     * </table>
     *
     * <p>A key file that users other than its owner may read or write is refused (on file systems with POSIX
     * permissions), like the file store's. An environment with none of its names set has no keys. {@code put} and {@code remove} throw
     * {@link UnsupportedOperationException}. Errors name the variable or property, never its value.
     *
     * @return the read-only store
     * @throws io.github.commerceconnector.api.exception.InvalidKeyException naming the variable whose key is
     *     refused, and why
     * @throws io.github.commerceconnector.api.exception.ConfigurationException naming a missing or
     *     contradictory variable
     */
    public static CredentialStore fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    /**
     * Same as {@link #fromEnvironment()}, reading the given variables and properties instead of the
     * process's (for tests, or for configuration loaded from elsewhere).
     *
     * @param environmentVariables variables by name, consulted first
     * @param systemProperties     properties, consulted for environments without any variable set
     * @return the read-only store
     */
    public static CredentialStore fromEnvironment(Map<String, String> environmentVariables,
            Properties systemProperties) {
        return new EnvironmentCredentialStore(environmentVariables, systemProperties);
    }

    /**
     * Stores asked in the order given. {@code find} answers from the first store that has keys for the
     * environment; {@code put} goes to the first store that accepts writes (read-only ones are skipped);
     * {@code remove} removes from every writable store (keys of read-only stores stay visible);
     * {@code validate} asks the store {@code find} answers from. Listeners hear of any member's change with
     * the chain's resulting keys.
     *
     * @param stores the stores, first asked first
     * @return the chain
     * @throws IllegalArgumentException if no store is given
     * @throws NullPointerException     if a store is null
     */
    public static CredentialStore chain(CredentialStore... stores) {
        Objects.requireNonNull(stores, "stores");
        return new ChainedCredentialStore(Arrays.asList(stores.clone()));
    }
}

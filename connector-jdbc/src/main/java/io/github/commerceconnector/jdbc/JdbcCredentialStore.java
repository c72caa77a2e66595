package io.github.commerceconnector.jdbc;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.CredentialsListener;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.spi.KeyMaterialCheck;
import io.github.commerceconnector.jdbc.internal.CredentialCipher;
import io.github.commerceconnector.jdbc.internal.CredentialListeners;
import io.github.commerceconnector.jdbc.internal.Migrations;
import io.github.commerceconnector.jdbc.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.SecretKey;
import javax.sql.DataSource;

/**
 * A {@link CredentialStore} in PostgreSQL, for integrators who keep their merchants' keys in their database: the
 * production and sandbox key pairs of one installation, rows of {@code <prefix>credentials} keyed by an
 * installation id you choose. Each key pair is encrypted at rest with AES-GCM under a key you supply and keep
 * elsewhere (a vault, a KMS-wrapped secret): no row holds a private key, a passphrase or a whole API key in plain
 * text, and a row copied to another installation or environment does not decrypt.
 *
 * <pre>{@code
 * SecretKey key = new SecretKeySpec(vault.read("connector-credentials-key"), "AES");   // 256 bits
 * CredentialStore keys = JdbcCredentialStore.create(dataSource, "merchant-4711", key);
 * keys.put(ServiceCredentials.of(Environment.PRODUCTION, apiKey, pem));
 * }</pre>
 *
 * <p>{@link #put} validates the key material first (with {@code connector-core}'s PEM check, found on the class
 * path, or one you give) and throws {@link InvalidKeyException} naming what is wrong, keeping the previous keys.
 * Reads come from a snapshot reloaded from the database when older than the refresh interval (default 10 s), so
 * a rotation by another worker reaches this one, and its listeners, within that interval. {@link #validate}
 * checks the key material only ({@code gatewayConfirmed} is {@code false}); the store of a connected client asks
 * the gateway.
 *
 * <p>A row that does not decrypt (encrypted under an earlier encryption key, or changed outside the store) blocks
 * only its own environment: {@link #find} of that environment throws a {@link ConfigurationException} saying so,
 * the other environment reads as usual, and {@link #put} or {@link #remove} of either environment replaces or
 * deletes its row.
 *
 * <p>Thread-safe; holds no connection between calls. Never prints key material.
 */
public final class JdbcCredentialStore implements CredentialStore {
    /** The default refresh interval: 10 s. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);

    private final Transactions transactions;
    private final String installationId;
    private final CredentialCipher cipher;
    private final KeyMaterialCheck check;
    private final long refreshNanos;
    private final CredentialListeners listeners = new CredentialListeners();
    private final ReentrantLock writes = new ReentrantLock();
    private final String select;
    private final String upsert;
    private final String delete;
    private volatile Stored snapshot = new Stored(Map.of(), Map.of());
    private volatile long loadedAt;
    private volatile boolean loaded;

    private JdbcCredentialStore(Builder builder) {
        this.transactions = new Transactions(builder.dataSource, Migrations.advice(builder.tables));
        this.installationId = builder.installationId;
        this.cipher = builder.cipher;
        this.check = builder.check != null ? builder.check : KeyMaterialCheck.load();
        this.refreshNanos = builder.refresh.toNanos();
        String table = builder.tables.name("credentials");
        this.select = "SELECT environment, key_id, nonce, ciphertext FROM " + table + " WHERE installation_id = ?";
        this.upsert = "INSERT INTO " + table + " (installation_id, environment, api_key_last_four, key_id, nonce, "
                + "ciphertext, revision, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, clock_timestamp()) "
                + "ON CONFLICT (installation_id, environment) DO UPDATE SET api_key_last_four = "
                + "EXCLUDED.api_key_last_four, key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = "
                + "EXCLUDED.ciphertext, revision = " + table + ".revision + 1, updated_at = EXCLUDED.updated_at";
        this.delete = "DELETE FROM " + table + " WHERE installation_id = ? AND environment = ?";
    }

    /**
     * The store of one installation's keys, in the default tables.
     *
     * @param installationId which installation (your id of the merchant's store); 1 to 200 characters
     * @param encryptionKey  an AES key of 128, 192 or 256 bits, kept outside the database
     * @throws io.github.commerceconnector.api.exception.ConfigurationException if no key material check is on
     *     the class path (add {@code connector-core}, or use the builder's {@code keyMaterialCheck})
     */
    public static JdbcCredentialStore create(DataSource dataSource, String installationId, SecretKey encryptionKey) {
        return builder(dataSource, installationId, encryptionKey).build();
    }

    /** A builder of the store of one installation's keys. */
    public static Builder builder(DataSource dataSource, String installationId, SecretKey encryptionKey) {
        return new Builder(dataSource, installationId, encryptionKey);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConfigurationException if the environment's row was encrypted with another key or was changed outside
     *     the store
     */
    @Override
    public Optional<ServiceCredentials> find(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        if (!loaded || System.nanoTime() - loadedAt > refreshNanos) {
            reload();
        }
        Stored current = snapshot;
        ConfigurationException failure = current.unreadable().get(environment);
        if (failure != null) {
            throw new ConfigurationException(failure.getMessage(), failure);
        }
        return Optional.ofNullable(current.readable().get(environment));
    }

    /**
     * Reloads the keys from the database now, telling the listeners of every environment whose keys another
     * worker changed.
     *
     * @throws ConfigurationException if a row was encrypted with another key or was changed outside the store; the
     *     keys of the other environment are reloaded all the same
     */
    public void refresh() {
        reload();
        Optional<ConfigurationException> failure = snapshot.unreadable().values().stream().findFirst();
        if (failure.isPresent()) {
            throw new ConfigurationException(failure.get().getMessage(), failure.get());
        }
    }

    private void reload() {
        writes.lock();
        try {
            publish(transactions.run(() -> "read the keys of installation " + installationId, this::readAll));
        } finally {
            writes.unlock();
        }
    }

    private Stored readAll(Connection connection) throws SQLException {
        Stored stored = new Stored(new EnumMap<>(Environment.class), new EnumMap<>(Environment.class));
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, installationId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Environment environment = Environment.fromName(rows.getString(1));
                    try {
                        stored.readable().put(environment, cipher.open(installationId, environment,
                                rows.getString(2), rows.getBytes(3), rows.getBytes(4)));
                    } catch (ConfigurationException doesNotOpen) {
                        stored.unreadable().put(environment, doesNotOpen);
                    }
                }
            }
        }
        return stored;
    }

    /**
     * The rows of the installation: the key pairs that decrypted, and why the others did not.
     *
     * @param readable   the key pairs, by environment
     * @param unreadable the failure of each row that did not decrypt, by environment
     */
    private record Stored(Map<Environment, ServiceCredentials> readable,
            Map<Environment, ConfigurationException> unreadable) {

        /** A copy in which an environment's row holds these keys, or none when {@code credentials} is null. */
        Stored with(Environment environment, ServiceCredentials credentials) {
            Map<Environment, ServiceCredentials> keys = new EnumMap<>(Environment.class);
            keys.putAll(readable);
            Map<Environment, ConfigurationException> failures = new EnumMap<>(Environment.class);
            failures.putAll(unreadable);
            failures.remove(environment);
            if (credentials == null) {
                keys.remove(environment);
            } else {
                keys.put(environment, credentials);
            }
            return new Stored(keys, failures);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Validates the key material, encrypts the key pair and replaces the environment's row in one statement.
     */
    @Override
    public void put(ServiceCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        check.check(credentials);
        CredentialCipher.Sealed sealed = cipher.seal(credentials, installationId);
        writes.lock();
        try {
            Stored current = storedForWrite();
            transactions.run(() -> "store the " + credentials.environment().wireName() + " keys of installation "
                    + installationId, connection -> {
                        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                            statement.setString(1, installationId);
                            statement.setString(2, credentials.environment().wireName());
                            statement.setString(3, credentials.apiKey().lastFour());
                            statement.setString(4, cipher.keyId());
                            statement.setBytes(5, sealed.nonce());
                            statement.setBytes(6, sealed.ciphertext());
                            return statement.executeUpdate();
                        }
                    });
            publish(current.with(credentials.environment(), credentials));
        } finally {
            writes.unlock();
        }
    }

    @Override
    public boolean remove(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        writes.lock();
        try {
            Stored current = storedForWrite();
            int removed = transactions.run(() -> "remove the " + environment.wireName() + " keys of installation "
                    + installationId, connection -> {
                        try (PreparedStatement statement = connection.prepareStatement(delete)) {
                            statement.setString(1, installationId);
                            statement.setString(2, environment.wireName());
                            return statement.executeUpdate();
                        }
                    });
            publish(current.with(environment, null));
            return removed > 0;
        } finally {
            writes.unlock();
        }
    }

    /** The rows as last read or written, read first if they never were; rows that do not decrypt included. */
    private Stored storedForWrite() {
        if (!loaded) {
            publish(transactions.run(() -> "read the keys of installation " + installationId, this::readAll));
        }
        return snapshot;
    }

    /**
     * Publishes keys read or written, and tells the listeners of each environment that changed; an environment
     * whose row does not decrypt is not reported (its keys are unknown, not removed).
     */
    private void publish(Stored stored) {
        Map<Environment, ServiceCredentials> previous = snapshot.readable();
        Map<Environment, ServiceCredentials> next = Map.copyOf(stored.readable());
        snapshot = new Stored(next, Map.copyOf(stored.unreadable()));
        loadedAt = System.nanoTime();
        boolean first = !loaded;
        loaded = true;
        if (first) {
            return;
        }
        for (Environment environment : Environment.values()) {
            ServiceCredentials now = next.get(environment);
            if (!stored.unreadable().containsKey(environment) && !Objects.equals(previous.get(environment), now)) {
                listeners.changed(environment, Optional.ofNullable(now));
            }
        }
    }

    @Override
    public KeyCheck validate(Environment environment) {
        return check.localCheck(require(environment));
    }

    @Override
    public ListenerRegistration addListener(CredentialsListener listener) {
        return listeners.add(listener);
    }

    /** Shows the installation, the key id and the last four characters of the API keys; never key material. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("JdbcCredentialStore[installation ").append(installationId)
                .append(", encryption key id ").append(cipher.keyId());
        Stored current = snapshot;
        for (Environment environment : Environment.values()) {
            ServiceCredentials credentials = current.readable().get(environment);
            text.append(", ").append(environment.wireName()).append('=').append(credentials != null
                    ? credentials.apiKey().toString()
                    : current.unreadable().containsKey(environment) ? "unreadable" : "none");
        }
        return text.append(']').toString();
    }

    /** Configures a {@link JdbcCredentialStore}. Not thread-safe; build once. */
    public static final class Builder {
        private final DataSource dataSource;
        private final String installationId;
        private final CredentialCipher cipher;
        private JdbcTables tables = JdbcTables.defaults();
        private KeyMaterialCheck check;
        private Duration refresh = DEFAULT_REFRESH;

        private Builder(DataSource dataSource, String installationId, SecretKey encryptionKey) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.installationId = InstallationIds.check(installationId);
            this.cipher = new CredentialCipher(encryptionKey);
        }

        /** The schema and prefix of the tables; defaults to {@link JdbcTables#defaults()}. */
        public Builder tables(JdbcTables value) {
            this.tables = Objects.requireNonNull(value, "tables");
            return this;
        }

        /** The check of the key material at {@code put}; defaults to the one on the class path (core's). */
        public Builder keyMaterialCheck(KeyMaterialCheck value) {
            this.check = Objects.requireNonNull(value, "keyMaterialCheck");
            return this;
        }

        /**
         * How old the keys read from the database may be before a read reloads them; defaults to 10 s.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder refreshInterval(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("refreshInterval must be zero (read at every call) or more");
            }
            this.refresh = value;
            return this;
        }

        /** Builds the store; it reads the database at the first call. */
        public JdbcCredentialStore build() {
            return new JdbcCredentialStore(this);
        }
    }
}

package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the credential store in PostgreSQL adds to the contract every store passes: the key pairs are encrypted at
 * rest under the caller's key (no column holds a private key, passphrase or whole API key), rows do not move
 * between installations or environments, another encryption key is named but never shown, and a rotation by
 * another worker reaches this one.
 */
@Timeout(60)
class JdbcCredentialStoreTest {
    private static final String PASSPHRASE = "Zq9-a-passphrase-to-keep-77";
    private TestSchema schema;
    private DataSource pool;
    private SecretKey key;

    @BeforeEach
    void setUp() throws Exception {
        schema = TestSchema.create();
        pool = schema.dataSource();
        key = aesKey();
    }

    @AfterEach
    void tearDown() {
        schema.close();
    }

    private static SecretKey aesKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    private JdbcCredentialStore store(String installation, SecretKey encryptionKey) {
        return JdbcCredentialStore.builder(pool, installation, encryptionKey).tables(schema.tables()).build();
    }

    /** Every column of every row, as PostgreSQL prints it (bytea as hex), and the bytea columns as text too. */
    private List<String> everyStoredValue() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT c::text, nonce, ciphertext FROM "
                        + schema.tables().name("credentials") + " c")) {
            while (rows.next()) {
                values.add(rows.getString(1));
                values.add(new String(rows.getBytes(2), StandardCharsets.ISO_8859_1));
                values.add(new String(rows.getBytes(3), StandardCharsets.ISO_8859_1));
            }
        }
        return values;
    }

    @Test
    void noRowHoldsAPrivateKeyPassphraseOrWholeApiKey() throws Exception {
        ServiceCredentials credentials = ServiceCredentials.of(Environment.PRODUCTION, TestKeys.apiKey().value(),
                TestKeys.rsa().encryptedPkcs8Pem(PASSPHRASE), PASSPHRASE);
        store("merchant-1", key).put(credentials);

        List<String> stored = everyStoredValue();
        String pem = credentials.privateKey().reveal();
        for (String value : stored) {
            for (String line : pem.split("\n")) {
                if (!line.startsWith("-----")) {
                    assertFalse(value.contains(line), "a line of the private key is stored");
                    assertFalse(value.contains(HexFormat.of().formatHex(line.getBytes(StandardCharsets.US_ASCII))),
                            "a line of the private key is stored as hex");
                }
            }
            assertFalse(value.contains("PRIVATE KEY"), "the PEM armor is stored");
            assertFalse(value.contains(PASSPHRASE), "the passphrase is stored");
            assertFalse(value.contains(credentials.apiKey().value()), "the whole API key is stored");
        }
        assertTrue(stored.get(0).contains(credentials.apiKey().lastFour()), "its last four are, for operators");
        assertEquals(credentials, store("merchant-1", key).require(Environment.PRODUCTION));
    }

    @Test
    void twoWritesOfTheSameKeysDifferOnDisk() throws SQLException {
        ServiceCredentials credentials = TestKeys.credentials(Environment.SANDBOX);
        JdbcCredentialStore store = store("merchant-1", key);
        store.put(credentials);
        String first = everyStoredValue().get(2);
        store.put(credentials);

        assertNotEquals(first, everyStoredValue().get(2), "a fresh nonce for every write");
    }

    @Test
    void aRowMovedToAnotherInstallationDoesNotDecrypt() throws SQLException {
        store("merchant-1", key).put(TestKeys.credentials(Environment.SANDBOX));
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + schema.tables().name("credentials")
                    + " SET installation_id = 'merchant-2'");
        }

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> store("merchant-2", key).find(Environment.SANDBOX));
        assertTrue(refused.getMessage().contains("do not decrypt"), refused.getMessage());
    }

    @Test
    void keysEncryptedWithAnotherKeyAreNamedByKeyIdOnly() throws Exception {
        store("merchant-1", key).put(TestKeys.credentials(Environment.SANDBOX));
        SecretKey other = aesKey();

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> store("merchant-1", other).find(Environment.SANDBOX));
        assertTrue(refused.getMessage().contains("encrypted with another key"), refused.getMessage());
        for (SecretKey secret : List.of(key, other)) {
            String hex = HexFormat.of().formatHex(secret.getEncoded());
            assertFalse(refused.getMessage().toLowerCase().contains(hex.substring(0, 16)), "the key is shown");
        }
    }

    @Test
    void keysUnderAnOldEncryptionKeyBlockOnlyTheirOwnEnvironment() throws Exception {
        store("merchant-1", key).put(TestKeys.credentials(Environment.SANDBOX));
        JdbcCredentialStore rotated = store("merchant-1", aesKey());

        assertEquals(Optional.empty(), rotated.find(Environment.PRODUCTION));
        ServiceCredentials production = TestKeys.credentials(Environment.PRODUCTION);
        rotated.put(production);

        assertEquals(Optional.of(production), rotated.find(Environment.PRODUCTION));
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> rotated.find(Environment.SANDBOX));
        assertTrue(refused.getMessage().contains("encrypted with another key")
                && refused.getMessage().contains("put the keys"), refused.getMessage());
        assertThrows(ConfigurationException.class, rotated::refresh);
        assertEquals(Optional.of(production), rotated.find(Environment.PRODUCTION));
    }

    @Test
    void keysUnderAnOldEncryptionKeyCanBePutAgainOrRemoved() throws Exception {
        store("merchant-1", key).put(TestKeys.credentials(Environment.SANDBOX));
        store("merchant-1", key).put(TestKeys.credentials(Environment.PRODUCTION));
        SecretKey newKey = aesKey();
        JdbcCredentialStore rotated = store("merchant-1", newKey);
        ServiceCredentials sandbox = TestKeys.credentials(Environment.SANDBOX);

        rotated.put(sandbox);
        assertTrue(rotated.remove(Environment.PRODUCTION));

        assertEquals(Optional.of(sandbox), rotated.find(Environment.SANDBOX));
        assertEquals(Optional.empty(), rotated.find(Environment.PRODUCTION));
        JdbcCredentialStore fresh = store("merchant-1", newKey);
        assertEquals(Optional.of(sandbox), fresh.find(Environment.SANDBOX));
        assertEquals(Optional.empty(), fresh.find(Environment.PRODUCTION));
    }

    @Test
    void aRotationByAnotherWorkerReachesThisOneAndItsListeners() {
        JdbcCredentialStore here = JdbcCredentialStore.builder(pool, "merchant-1", key).tables(schema.tables())
                .refreshInterval(Duration.ZERO).build();
        JdbcCredentialStore elsewhere = store("merchant-1", key);
        ServiceCredentials first = TestKeys.credentials(Environment.SANDBOX);
        here.put(first);
        List<String> heard = new ArrayList<>();
        here.addListener((environment, current) -> heard.add(current.map(c -> c.apiKey().lastFour()).orElse("-")));

        ServiceCredentials rotated = TestKeys.credentials(Environment.SANDBOX);
        elsewhere.put(rotated);

        assertEquals(Optional.of(rotated), here.find(Environment.SANDBOX));
        assertEquals(List.of(rotated.apiKey().lastFour()), heard);
        elsewhere.remove(Environment.SANDBOX);
        assertEquals(Optional.empty(), here.find(Environment.SANDBOX));
        assertEquals(List.of(rotated.apiKey().lastFour(), "-"), heard);
    }

    @Test
    void anEncryptionKeyThatIsNotAesIsRefusedWithHowToMakeOne() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> store("merchant-1", new SecretKeySpec(new byte[32], "HmacSHA256")));
        assertTrue(refused.getMessage().contains("KeyGenerator.getInstance(\"AES\")"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store("merchant-1", new SecretKeySpec(new byte[10], "AES")));
    }
}

package io.github.commerceconnector.core.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import io.github.commerceconnector.core.testsupport.BadKeys;
import io.github.commerceconnector.core.testsupport.KeyPems;
import io.github.commerceconnector.core.testsupport.TestCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentCredentialStoreTest {
    private static final ServiceCredentials SANDBOX = TestCredentials.of(Environment.SANDBOX, 0);
    private static final ServiceCredentials PRODUCTION = TestCredentials.of(Environment.PRODUCTION, 1);

    private final Map<String, String> variables = new HashMap<>();
    private final Properties properties = new Properties();

    private CredentialStore store() {
        return CredentialStores.fromEnvironment(variables, properties);
    }

    @Test
    void readsKeysFromEnvironmentVariables() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", SANDBOX.privateKey().reveal());

        CredentialStore store = store();

        assertEquals(SANDBOX, store.require(Environment.SANDBOX));
        assertEquals(Optional.empty(), store.find(Environment.PRODUCTION));
    }

    @Test
    void acceptsAPrivateKeyWhoseNewlinesAreWrittenAsBackslashN() {
        variables.put("COMMERCE_CONNECTOR_PRODUCTION_API_KEY", PRODUCTION.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_PRODUCTION_PRIVATE_KEY",
                PRODUCTION.privateKey().reveal().strip().replace("\n", "\\n"));

        ServiceCredentials read = store().require(Environment.PRODUCTION);

        assertTrue(TestCredentials.belongTogether(read));
    }

    @Test
    void readsThePrivateKeyFromTheFileAVariableNames(@TempDir Path directory) throws IOException {
        Path keyFile = Files.writeString(directory.resolve("sandbox.pem"), SANDBOX.privateKey().reveal());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", keyFile.toString());

        assertEquals(SANDBOX, store().require(Environment.SANDBOX));
    }

    @Test
    void readsAnEncryptedKeyWithItsPassphraseVariable() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", KeyPems.encryptedPkcs8(KeyPems.rsa(0), BadKeys.PASSPHRASE));
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_PASSPHRASE", BadKeys.PASSPHRASE);

        ServiceCredentials read = store().require(Environment.SANDBOX);

        assertTrue(TestCredentials.belongTogether(read));
    }

    @Test
    void readsKeysFromSystemPropertiesWhenNoVariableIsSet() {
        properties.setProperty("commerce.connector.production.apiKey", PRODUCTION.apiKey().value());
        properties.setProperty("commerce.connector.production.privateKey", PRODUCTION.privateKey().reveal());

        assertEquals(PRODUCTION, store().require(Environment.PRODUCTION));
    }

    @Test
    void prefersEnvironmentVariablesOverSystemProperties() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", SANDBOX.privateKey().reveal());
        properties.setProperty("commerce.connector.sandbox.apiKey", "apikey-from-properties");
        properties.setProperty("commerce.connector.sandbox.privateKey", KeyPems.pkcs8(KeyPems.rsa(1)));

        assertEquals(SANDBOX, store().require(Environment.SANDBOX));
    }

    @Test
    void takesEachEnvironmentFromItsOwnSource() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", SANDBOX.privateKey().reveal());
        properties.setProperty("commerce.connector.production.apiKey", PRODUCTION.apiKey().value());
        properties.setProperty("commerce.connector.production.privateKey", PRODUCTION.privateKey().reveal());

        CredentialStore store = store();

        assertEquals(SANDBOX, store.require(Environment.SANDBOX));
        assertEquals(PRODUCTION, store.require(Environment.PRODUCTION));
    }

    @Test
    void hasNoKeysWhenNothingIsSet() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", "   ");

        CredentialStore store = store();

        assertEquals(Optional.empty(), store.find(Environment.SANDBOX));
        assertEquals(Optional.empty(), store.find(Environment.PRODUCTION));
    }

    @Test
    void namesTheVariableOfARefusedKeyButNeverItsValue() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", BadKeys.fourDashHeader().pem());

        InvalidKeyException refused = assertThrows(InvalidKeyException.class, this::store);

        assertEquals(Problem.MALFORMED_PEM, refused.problem());
        assertTrue(refused.getMessage().startsWith("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY: "), refused.getMessage());
        assertFalse(refused.getMessage().contains(KeyPems.base64Body(BadKeys.fourDashHeader().pem()).substring(0, 40)));
    }

    @Test
    void namesThePassphraseVariableWhenThePassphraseIsWrong() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", KeyPems.encryptedPkcs8(KeyPems.rsa(0), BadKeys.PASSPHRASE));
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_PASSPHRASE", "wrong-passphrase-value");

        InvalidKeyException refused = assertThrows(InvalidKeyException.class, this::store);

        assertEquals(Problem.WRONG_PASSPHRASE, refused.problem());
        assertTrue(refused.getMessage().contains("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_PASSPHRASE"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("wrong-passphrase-value"), refused.getMessage());
    }

    @Test
    void namesThePropertyOfARefusedApiKey() {
        properties.setProperty("commerce.connector.production.apiKey", "short");
        properties.setProperty("commerce.connector.production.privateKey", PRODUCTION.privateKey().reveal());

        InvalidKeyException refused = assertThrows(InvalidKeyException.class, this::store);

        assertEquals(Problem.INVALID_API_KEY, refused.problem());
        assertTrue(refused.getMessage().startsWith("commerce.connector.production.apiKey: "), refused.getMessage());
    }

    @Test
    void refusesAPrivateKeyWithoutItsApiKey() {
        variables.put("COMMERCE_CONNECTOR_PRODUCTION_PRIVATE_KEY", PRODUCTION.privateKey().reveal());

        ConfigurationException refused = assertThrows(ConfigurationException.class, this::store);

        assertTrue(refused.getMessage().contains("COMMERCE_CONNECTOR_PRODUCTION_API_KEY is not set"),
                refused.getMessage());
    }

    @Test
    void refusesAnApiKeyWithoutItsPrivateKey() {
        variables.put("COMMERCE_CONNECTOR_PRODUCTION_API_KEY", PRODUCTION.apiKey().value());

        ConfigurationException refused = assertThrows(ConfigurationException.class, this::store);

        assertTrue(refused.getMessage().contains("neither COMMERCE_CONNECTOR_PRODUCTION_PRIVATE_KEY nor "
                + "COMMERCE_CONNECTOR_PRODUCTION_PRIVATE_KEY_FILE"), refused.getMessage());
    }

    @Test
    void refusesBothThePemTextAndAPemFile() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", SANDBOX.privateKey().reveal());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", "/etc/keys/sandbox.pem");

        ConfigurationException refused = assertThrows(ConfigurationException.class, this::store);

        assertTrue(refused.getMessage().contains("set only one"), refused.getMessage());
    }

    @Test
    void namesTheVariableOfAKeyFileThatCannotBeRead(@TempDir Path directory) {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", directory.resolve("missing.pem").toString());

        ConfigurationException refused = assertThrows(ConfigurationException.class, this::store);

        assertTrue(refused.getMessage().startsWith("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE names "),
                refused.getMessage());
    }

    @Test
    void isReadOnly() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", SANDBOX.privateKey().reveal());
        CredentialStore store = store();

        UnsupportedOperationException put = assertThrows(UnsupportedOperationException.class,
                () -> store.put(PRODUCTION));
        assertThrows(UnsupportedOperationException.class, () -> store.remove(Environment.SANDBOX));

        assertTrue(put.getMessage().contains("read-only"), put.getMessage());
        assertEquals(SANDBOX, store.require(Environment.SANDBOX));
    }

    @Test
    void validatesTheLocalKeyMaterial() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", SANDBOX.privateKey().reveal());

        KeyCheck check = store().validate(Environment.SANDBOX);

        assertTrue(check.valid());
        assertFalse(check.gatewayConfirmed());
    }

    @Test
    void showsWhereEachEnvironmentsKeysCameFrom() {
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", SANDBOX.privateKey().reveal());

        assertEquals("EnvironmentCredentialStore[production=none, sandbox=ApiKey[****"
                + SANDBOX.apiKey().lastFour() + "] from COMMERCE_CONNECTOR_SANDBOX_*]", store().toString());
    }

    @Test
    void refusesAKeyFileThatOtherUsersCanRead(@TempDir Path directory) throws IOException {
        Path keyFile = Files.writeString(directory.resolve("sandbox.pem"), SANDBOX.privateKey().reveal());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> variables = new HashMap<>();
        variables.put("COMMERCE_CONNECTOR_SANDBOX_API_KEY", SANDBOX.apiKey().value());
        variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", keyFile.toString());

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> CredentialStores.fromEnvironment(variables, new Properties()));

        assertTrue(refused.getMessage().startsWith("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE names "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
    }
}

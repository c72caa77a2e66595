package io.github.commerceconnector.core.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ImsCredentials;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.core.internal.keys.PemKeyParser;
import io.github.commerceconnector.core.testsupport.BadKey;
import io.github.commerceconnector.core.testsupport.BadKeys;
import io.github.commerceconnector.core.testsupport.KeyPems;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds every credential type and store from known secrets, runs every bad key through the credential
 * code, and checks that no eight-character fragment of any secret appears in a {@code toString}, an
 * exception message (with its causes) or the log output.
 */
class SecretLeakTest {
    private static final int FRAGMENT = 8;
    private static final String API_KEY = "Ak7Qx2Wz9Rb4Tn6Vm3Yp5Hc8Jd1cdef";
    private static final String CLIENT_SECRET = "p8e-Qz7Xv2Kw9Rt4Mn6Bh3Jd5Lf8Gs1";

    static {
        SecretRegistry.value("SecretLeakTest API key", API_KEY);
        SecretRegistry.value("SecretLeakTest client secret", CLIENT_SECRET);
    }

    @TempDir
    Path directory;

    private final Set<String> fragments = new HashSet<>();
    private final List<String> texts = new ArrayList<>();

    @Test
    void noSecretFragmentAppearsInAnyTextTheCredentialCodeProduces() throws IOException {
        String pem = KeyPems.encryptedPkcs8(KeyPems.rsa(0), BadKeys.PASSPHRASE);
        remember(KeyPems.base64Body(pem), BadKeys.PASSPHRASE, API_KEY, CLIENT_SECRET);
        for (BadKey bad : BadKeys.all()) {
            bad.secrets().forEach(this::remember);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            describeValues(pem);
            describeStores(pem);
            refuseEveryBadKey();
            refuseBadApiKeys(pem);
            refuseCorruptFile(pem);
            failingListenerIsLogged();
        } finally {
            System.setErr(originalErr);
        }
        texts.add(log.toString(StandardCharsets.UTF_8));

        assertTrue(log.toString(StandardCharsets.UTF_8).contains("A credentials listener"),
                "the log output was captured");
        for (String text : texts) {
            assertNoFragment(text);
        }
    }

    private void describeValues(String pem) {
        ServiceCredentials credentials = new ServiceCredentials(Environment.SANDBOX, ApiKey.of(API_KEY),
                Secret.of(pem), Secret.of(BadKeys.PASSPHRASE));
        ImsCredentials ims = new ImsCredentials("client-id-is-public", Secret.of(CLIENT_SECRET),
                ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg"), List.of("openid", "AdobeID"));
        for (Object value : List.of(Secret.of(pem), Secret.of(BadKeys.PASSPHRASE), ApiKey.of(API_KEY), credentials,
                ims, CredentialStores.inMemory())) {
            texts.add(value.toString());
            texts.add(String.valueOf(value));
        }
        assertEquals("ApiKey[****cdef]", ApiKey.of(API_KEY).toString());
    }

    private void describeStores(String pem) throws IOException {
        ServiceCredentials credentials = new ServiceCredentials(Environment.SANDBOX, ApiKey.of(API_KEY),
                Secret.of(pem), Secret.of(BadKeys.PASSPHRASE));
        Path keyFile = Files.writeString(directory.resolve("sandbox.pem"), pem);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        CredentialStore memory = CredentialStores.inMemory();
        CredentialStore file = CredentialStores.file(directory.resolve("credentials.json"));
        CredentialStore environment = CredentialStores.fromEnvironment(Map.of(
                "COMMERCE_CONNECTOR_SANDBOX_API_KEY", API_KEY,
                "COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", keyFile.toString(),
                "COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_PASSPHRASE", BadKeys.PASSPHRASE), new Properties());
        CredentialStore chain = CredentialStores.chain(environment, memory, file);
        memory.put(credentials);
        file.put(credentials);
        for (CredentialStore store : List.of(memory, file, environment, chain)) {
            texts.add(store.toString());
            texts.add(String.valueOf(store.require(Environment.SANDBOX)));
            texts.add(store.validate(Environment.SANDBOX).toString());
            record(() -> store.require(Environment.PRODUCTION));
            record(() -> store.validate(Environment.PRODUCTION));
        }
        record(() -> environment.put(credentials));
    }

    private void refuseEveryBadKey() {
        CredentialStore memory = CredentialStores.inMemory();
        CredentialStore file = CredentialStores.file(directory.resolve("bad-keys.json"));
        CredentialStore chain = CredentialStores.chain(CredentialStores.inMemory());
        for (BadKey bad : BadKeys.all()) {
            ServiceCredentials credentials = new ServiceCredentials(Environment.PRODUCTION, ApiKey.of(API_KEY),
                    bad.pemSecret(), bad.passphraseSecret());
            record(() -> PemKeyParser.parsePrivateKey(bad.pemSecret(), bad.passphraseSecret()));
            record(() -> memory.put(credentials));
            record(() -> file.put(credentials));
            record(() -> chain.put(credentials));
            Map<String, String> variables = new java.util.HashMap<>();
            variables.put("COMMERCE_CONNECTOR_PRODUCTION_API_KEY", API_KEY);
            variables.put("COMMERCE_CONNECTOR_PRODUCTION_PRIVATE_KEY", bad.pem().isBlank() ? "x" : bad.pem());
            if (bad.passphrase() != null) {
                variables.put("COMMERCE_CONNECTOR_PRODUCTION_PRIVATE_KEY_PASSPHRASE", bad.passphrase());
            }
            record(() -> CredentialStores.fromEnvironment(variables, new Properties()));
        }
    }

    private void refuseBadApiKeys(String pem) {
        record(() -> ApiKey.of(pem));
        record(() -> ApiKey.of(API_KEY + " " + API_KEY));
        record(() -> ApiKey.of(API_KEY + "\u00e9"));
        record(() -> ApiKey.of(API_KEY.repeat(10)));
        Properties properties = new Properties();
        properties.setProperty("commerce.connector.sandbox.apiKey", pem);
        properties.setProperty("commerce.connector.sandbox.privateKey", pem);
        record(() -> CredentialStores.fromEnvironment(Map.of(), properties));
    }

    private void refuseCorruptFile(String pem) throws IOException {
        Path corrupt = directory.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"version\": 1, \"environments\": {\"sandbox\": {\"apiKey\": \"" + API_KEY
                + "\", \"passphrase\": \"" + BadKeys.PASSPHRASE + "\", \"privateKey\": " + pem.replace("\n", " ")
                + "}}}");
        Files.setPosixFilePermissions(corrupt, PosixFilePermissions.fromString("rw-------"));
        record(() -> CredentialStores.file(corrupt));
        Path badApiKey = directory.resolve("bad-api-key.json");
        Files.writeString(badApiKey, "{\"version\": 1, \"environments\": {\"sandbox\": {\"apiKey\": \"" + API_KEY
                + " " + API_KEY + "\", \"privateKey\": \"x\"}}}");
        Files.setPosixFilePermissions(badApiKey, PosixFilePermissions.fromString("rw-------"));
        record(() -> CredentialStores.file(badApiKey));
    }

    private void failingListenerIsLogged() {
        CredentialStore store = CredentialStores.inMemory();
        store.addListener((environment, current) -> {
            throw new IllegalStateException("listener failed");
        });
        store.put(new ServiceCredentials(Environment.SANDBOX, ApiKey.of(API_KEY),
                Secret.of(KeyPems.pkcs8(KeyPems.rsa(0))), null));
    }

    private void record(Executable call) {
        Throwable thrown = assertThrows(RuntimeException.class, call);
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            texts.add(cause.getClass().getName() + ": " + cause.getMessage());
            texts.add(String.valueOf(cause));
        }
        if (thrown instanceof InvalidKeyException || thrown instanceof ConfigurationException
                || thrown instanceof UnsupportedOperationException) {
            return;
        }
        assertTrue(thrown.getClass().getName().startsWith("io.github.commerceconnector"),
                "unexpected " + thrown.getClass().getName());
    }

    private void remember(String... secrets) {
        for (String secret : secrets) {
            String compact = secret.replaceAll("\\s+", "");
            for (int i = 0; i + FRAGMENT <= compact.length(); i++) {
                fragments.add(compact.substring(i, i + FRAGMENT));
            }
        }
    }

    private void assertNoFragment(String text) {
        for (int i = 0; i + FRAGMENT <= text.length(); i++) {
            String window = text.substring(i, i + FRAGMENT);
            if (fragments.contains(window)) {
                fail("The test secret fragment '" + window + "' appears in: "
                        + text.substring(0, Math.min(120, text.length())));
            }
        }
    }
}

package io.github.commerceconnector.core.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.core.testsupport.KeyPems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's credential examples, compiled and run exactly as printed there. */
class ReadmeExamplesTest {

    @Test
    void storeYourKeys(@TempDir Path workingDirectory) throws IOException {
        Path stateDirectory = workingDirectory.resolve("var/connector");
        Path sandboxKeyFile = Files.writeString(workingDirectory.resolve("sandbox-private.pem"),
                KeyPems.pkcs8(KeyPems.rsa()));
        String sandboxApiKey = "your-sandbox-api-key";

        // README:begin store your keys
        CredentialStore store = CredentialStores.file(stateDirectory.resolve("credentials.json"));
        store.put(ServiceCredentials.of(Environment.SANDBOX, sandboxApiKey, Files.readString(sandboxKeyFile)));
        KeyCheck check = store.validate(Environment.SANDBOX);
        // README:end

        assertTrue(check.valid(), check.message());
        assertFalse(check.gatewayConfirmed());
        Path file = stateDirectory.resolve("credentials.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(sandboxApiKey, CredentialStores.file(file).require(Environment.SANDBOX).apiKey().value());
    }
}

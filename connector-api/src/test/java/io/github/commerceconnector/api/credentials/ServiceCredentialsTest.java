package io.github.commerceconnector.api.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCredentialsTest {
    private static final String PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";

    @Test
    void requiresEnvironmentApiKeyAndPrivateKey() {
        ApiKey apiKey = ApiKey.of("apikey-1a2b");
        Secret key = Secret.of(PEM);

        NullPointerException noEnvironment = assertThrows(NullPointerException.class,
                () -> new ServiceCredentials(null, apiKey, key, null));
        NullPointerException noApiKey = assertThrows(NullPointerException.class,
                () -> new ServiceCredentials(Environment.SANDBOX, null, key, null));
        NullPointerException noPrivateKey = assertThrows(NullPointerException.class,
                () -> new ServiceCredentials(Environment.SANDBOX, apiKey, null, null));

        assertEquals("environment", noEnvironment.getMessage());
        assertEquals("apiKey", noApiKey.getMessage());
        assertEquals("privateKey", noPrivateKey.getMessage());
    }

    @Test
    void validatesTheApiKeyWhenBuiltFromStrings() {
        assertThrows(InvalidKeyException.class, () -> ServiceCredentials.of(Environment.SANDBOX, "short", PEM));
    }

    @Test
    void hasAPassphraseOnlyWhenOneIsGiven() {
        assertEquals(Optional.empty(), ServiceCredentials.of(Environment.SANDBOX, "apikey-1a2b", PEM).passphraseIfAny());
        assertEquals(Optional.empty(),
                ServiceCredentials.of(Environment.SANDBOX, "apikey-1a2b", PEM, null).passphraseIfAny());
        assertEquals(Optional.of(Secret.of("pass")),
                ServiceCredentials.of(Environment.SANDBOX, "apikey-1a2b", PEM, "pass").passphraseIfAny());
    }

    @Test
    void printsTheEnvironmentAndTheApiKeysLastFourOnly() {
        String text = ServiceCredentials.of(Environment.PRODUCTION, "apikey-secret-1a2b", PEM, "pass-word").toString();

        assertEquals("ServiceCredentials[environment=production, apiKey=ApiKey[****1a2b], privateKey=<redacted>, "
                + "passphrase=<redacted>]", text);
        assertFalse(text.contains("MIIE"));
        assertFalse(text.contains("pass-word"));
    }

    @Test
    void equalCredentialsAreEqual() {
        assertTrue(ServiceCredentials.of(Environment.SANDBOX, "apikey-1a2b", PEM)
                .equals(ServiceCredentials.of(Environment.SANDBOX, "apikey-1a2b", PEM)));
    }
}

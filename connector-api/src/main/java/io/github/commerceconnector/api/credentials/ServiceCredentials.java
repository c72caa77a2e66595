package io.github.commerceconnector.api.credentials;

import io.github.commerceconnector.api.Environment;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment's key pair: the public API key id and the PEM private key (PKCS#8
 * {@code BEGIN PRIVATE KEY}, PKCS#1 {@code BEGIN RSA PRIVATE KEY}, or encrypted PKCS#8 with a
 * passphrase). This record only checks presence; a {@link CredentialStore} parses and validates the
 * key material at {@link CredentialStore#put}. {@link #toString()} never shows the private key or
 * passphrase, and shows only the last four characters of the API key.
 *
 * @param environment the environment these keys are for
 * @param apiKey      the public API key id
 * @param privateKey  the PEM private key
 * @param passphrase  the passphrase of an encrypted private key, or {@code null}
 */
public record ServiceCredentials(Environment environment, ApiKey apiKey, Secret privateKey, Secret passphrase) {

    /** Checks that environment, API key and private key are present. */
    public ServiceCredentials {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Credentials with an unencrypted private key. */
    public static ServiceCredentials of(Environment environment, String apiKey, String privateKeyPem) {
        return new ServiceCredentials(environment, ApiKey.of(apiKey), Secret.of(privateKeyPem), null);
    }

    /** Credentials with an encrypted private key and its passphrase. */
    public static ServiceCredentials of(Environment environment, String apiKey, String privateKeyPem,
            String passphrase) {
        return new ServiceCredentials(environment, ApiKey.of(apiKey), Secret.of(privateKeyPem),
                passphrase == null ? null : Secret.of(passphrase));
    }

    /** The passphrase, if the private key is encrypted. */
    public Optional<Secret> passphraseIfAny() {
        return Optional.ofNullable(passphrase);
    }

    /** Shows the environment and the API key's last four characters only. */
    @Override
    public String toString() {
        return "ServiceCredentials[environment=" + environment.wireName() + ", apiKey=" + apiKey
                + ", privateKey=<redacted>" + (passphrase == null ? "" : ", passphrase=<redacted>") + "]";
    }
}

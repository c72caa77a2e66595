package io.github.commerceconnector.api.exception;

import io.github.commerceconnector.api.Environment;

/** No API key pair is stored for the environment that was asked for. */
public class CredentialsNotFoundException extends ConnectorClientException {
    private static final long serialVersionUID = 1L;

    private final Environment environment;

    /** Creates the exception for an environment with no stored keys. */
    public CredentialsNotFoundException(Environment environment) {
        super("No " + environment.wireName() + " API keys are stored. Add them with CredentialStore.put("
                + "ServiceCredentials.of(Environment." + environment.name() + ", apiKey, privateKeyPem)) "
                + "using the key pair from the Commerce Services Connector page of your Adobe account.");
        this.environment = environment;
    }

    /** The environment that has no keys. */
    public Environment environment() {
        return environment;
    }
}

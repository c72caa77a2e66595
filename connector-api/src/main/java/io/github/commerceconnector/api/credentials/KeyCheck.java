package io.github.commerceconnector.api.credentials;

import io.github.commerceconnector.api.Environment;
import java.util.Objects;

/**
 * The answer of {@link CredentialStore#validate(Environment)}.
 *
 * @param environment      the environment checked
 * @param valid            whether the keys are usable
 * @param gatewayConfirmed whether the gateway's key check ({@code GET merchant-registry/v1/ping})
 *                         confirmed them; {@code false} when only the local key material was checked
 *                         (a store that is not connected to a gateway)
 * @param message          a person-readable explanation and, when invalid, what to do next
 */
public record KeyCheck(Environment environment, boolean valid, boolean gatewayConfirmed, String message) {

    /** Checks presence of the fields. */
    public KeyCheck {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(message, "message");
    }
}

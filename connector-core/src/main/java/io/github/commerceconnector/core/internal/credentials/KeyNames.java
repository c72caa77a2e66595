package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.Environment;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The names under which one environment's keys are looked up: environment variables
 * {@code COMMERCE_CONNECTOR_<ENV>_API_KEY}, {@code _PRIVATE_KEY}, {@code _PRIVATE_KEY_FILE},
 * {@code _PRIVATE_KEY_PASSPHRASE}, or system properties {@code commerce.connector.<env>.apiKey},
 * {@code .privateKey}, {@code .privateKeyFile}, {@code .privateKeyPassphrase}.
 *
 * @param prefix         the common prefix plus {@code *}, for messages
 * @param apiKey         the name of the public API key id
 * @param privateKey     the name of the PEM text
 * @param privateKeyFile the name of the path of a PEM file
 * @param passphrase     the name of the passphrase of an encrypted key
 */
record KeyNames(String prefix, String apiKey, String privateKey, String privateKeyFile, String passphrase) {

    /** The environment variable names, e.g. {@code COMMERCE_CONNECTOR_SANDBOX_API_KEY}. */
    static KeyNames variables(Environment environment) {
        String prefix = "COMMERCE_CONNECTOR_" + environment.wireName().toUpperCase(Locale.ROOT) + "_";
        return new KeyNames(prefix + "*", prefix + "API_KEY", prefix + "PRIVATE_KEY", prefix + "PRIVATE_KEY_FILE",
                prefix + "PRIVATE_KEY_PASSPHRASE");
    }

    /** The system property names, e.g. {@code commerce.connector.sandbox.apiKey}. */
    static KeyNames properties(Environment environment) {
        String prefix = "commerce.connector." + environment.wireName() + ".";
        return new KeyNames(prefix + "*", prefix + "apiKey", prefix + "privateKey", prefix + "privateKeyFile",
                prefix + "privateKeyPassphrase");
    }

    /** Whether any of the names has a non-blank value. */
    boolean anySet(UnaryOperator<String> lookup) {
        return value(lookup, apiKey) != null || value(lookup, privateKey) != null
                || value(lookup, privateKeyFile) != null || value(lookup, passphrase) != null;
    }

    /** The value of a name, or {@code null} when it is unset or blank. */
    static String value(UnaryOperator<String> lookup, String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? null : value;
    }
}

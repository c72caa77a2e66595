package io.github.commerceconnector.core.internal.credentials;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The JSON form of the credentials file, holding both environments:
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "environments": {
 *     "production": { "apiKey": "...", "privateKey": "-----BEGIN PRIVATE KEY-----\n...", "passphrase": null },
 *     "sandbox":    { "apiKey": "...", "privateKey": "...", "passphrase": "..." }
 *   }
 * }
 * }</pre>
 *
 * Errors name the file, the environment and the field, never any value: the file holds secrets.
 */
final class CredentialsJson {
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CredentialsJson() {
    }

    /** Encodes key pairs, pretty-printed. */
    static byte[] write(Map<Environment, ServiceCredentials> credentials) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ObjectNode environments = root.putObject("environments");
        for (Map.Entry<Environment, ServiceCredentials> entry : credentials.entrySet()) {
            ServiceCredentials value = entry.getValue();
            ObjectNode node = environments.putObject(entry.getKey().wireName());
            node.put("apiKey", value.apiKey().value());
            node.put("privateKey", value.privateKey().reveal());
            node.put("passphrase", value.passphrase() == null ? null : value.passphrase().reveal());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings could not be encoded as JSON", e);
        }
    }

    /**
     * Decodes key pairs. The private keys are not parsed here.
     *
     * @throws ConfigurationException naming the file and what is wrong with it, never its content
     */
    static Map<Environment, ServiceCredentials> read(Path file, byte[] content) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw corrupt(file, "is not valid JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw corrupt(file, "could not be decoded (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw corrupt(file, "does not hold a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt()) {
            throw corrupt(file, "has no numeric \"version\" field");
        }
        if (version.intValue() != VERSION) {
            throw new ConfigurationException("The credentials file " + file + " has format version "
                    + version.intValue() + "; this connector reads version " + VERSION + ". Use the connector "
                    + "version that wrote it, or put the keys again into a new file.");
        }
        JsonNode environments = root.get("environments");
        if (environments == null || !environments.isObject()) {
            throw corrupt(file, "has no \"environments\" object");
        }
        Map<Environment, ServiceCredentials> credentials = new EnumMap<>(Environment.class);
        for (Map.Entry<String, JsonNode> field : environments.properties()) {
            Environment environment = environment(file, field.getKey());
            credentials.put(environment, entry(file, environment, field.getValue()));
        }
        return credentials;
    }

    private static Environment environment(Path file, String name) {
        for (Environment environment : Environment.values()) {
            if (environment.wireName().equals(name)) {
                return environment;
            }
        }
        throw corrupt(file, "names an environment other than 'production' and 'sandbox'");
    }

    private static ServiceCredentials entry(Path file, Environment environment, JsonNode node) {
        String where = "the " + environment.wireName() + " entry";
        if (!node.isObject()) {
            throw corrupt(file, "has " + where + " that is not a JSON object");
        }
        String apiKey = text(file, node, "apiKey", where, true);
        String privateKey = text(file, node, "privateKey", where, true);
        String passphrase = text(file, node, "passphrase", where, false);
        try {
            return new ServiceCredentials(environment, ApiKey.of(apiKey), Secret.of(privateKey),
                    passphrase == null ? null : Secret.of(passphrase));
        } catch (InvalidKeyException e) {
            throw new ConfigurationException("The credentials file " + file + " has an invalid apiKey in " + where
                    + ": " + e.getMessage(), e);
        }
    }

    private static String text(Path file, JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw corrupt(file, "has no \"" + field + "\" in " + where);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw corrupt(file, "has a \"" + field + "\" in " + where + " that is not a string");
        }
        return value.textValue();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static ConfigurationException corrupt(Path file, String problem) {
        return new ConfigurationException("The credentials file " + file + " " + problem + ". It is written by this "
                + "connector only: restore it from a backup, or delete it and put the keys again.");
    }
}

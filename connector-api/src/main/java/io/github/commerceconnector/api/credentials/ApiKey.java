package io.github.commerceconnector.api.credentials;

import io.github.commerceconnector.api.exception.InvalidKeyException;

/**
 * The public API key id of an environment's key pair, sent as {@code x-api-key}. Although it is a
 * "public" id, it identifies the license owner: {@link #toString()} shows only its last four
 * characters ({@code ApiKey[****1a2b]}).
 *
 * @param value the key id: 8 to 256 visible ASCII characters, no whitespace
 */
public record ApiKey(String value) {

    /**
     * Validates the key id.
     *
     * @throws InvalidKeyException if it is null, blank, contains whitespace or control characters,
     *     looks like a PEM block, or has an implausible length
     */
    public ApiKey {
        if (value == null || value.isBlank()) {
            throw new InvalidKeyException(InvalidKeyException.Problem.INVALID_API_KEY,
                    "The API key is empty: give the public API key id shown beside the key pair on the "
                            + "Commerce Services Connector page.");
        }
        value = value.strip();
        if (value.contains("-----") || value.contains("BEGIN")) {
            throw new InvalidKeyException(InvalidKeyException.Problem.INVALID_API_KEY,
                    "The API key looks like a PEM block: put the private key in the private-key field and "
                            + "the public API key id (a short string of letters and digits) here.");
        }
        if (value.length() < 8 || value.length() > 256) {
            throw new InvalidKeyException(InvalidKeyException.Problem.INVALID_API_KEY,
                    "The API key has " + value.length() + " characters: an API key id has 8 to 256.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new InvalidKeyException(InvalidKeyException.Problem.INVALID_API_KEY,
                        "The API key contains whitespace or a non-ASCII character at position " + (i + 1)
                                + ": an API key id is visible ASCII only.");
            }
        }
    }

    /** Creates an API key; same as the constructor. */
    public static ApiKey of(String value) {
        return new ApiKey(value);
    }

    /** The last four characters, safe to show to a person. */
    public String lastFour() {
        return value.substring(value.length() - 4);
    }

    /** {@code ApiKey[****xxxx]}, showing the last four characters only. */
    @Override
    public String toString() {
        return "ApiKey[****" + lastFour() + "]";
    }
}

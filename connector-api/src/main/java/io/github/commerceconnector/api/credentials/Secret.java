package io.github.commerceconnector.api.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret string (a private key PEM, a passphrase, a client secret) that never prints:
 * {@link #toString()} is {@code Secret[<redacted>]}. Read the value with {@link #reveal()} only at the
 * point of use. Equality compares values in constant time.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws NullPointerException if {@code value} is null (the message names the parameter only)
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "secret value"));
    }

    /** The secret itself. Do not log it. */
    public String reveal() {
        return value;
    }

    /** Whether the secret is empty or only whitespace. */
    public boolean isBlank() {
        return value.isBlank();
    }

    /** The length of the secret in characters; safe to log. */
    public int length() {
        return value.length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                        ((Secret) other).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0x5ec12e7;
    }

    /** Always {@code Secret[<redacted>]}. */
    @Override
    public String toString() {
        return "Secret[<redacted>]";
    }
}

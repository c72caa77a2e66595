package io.github.commerceconnector.api.exception;

/**
 * Key material was refused: not a PEM block, a public key or certificate instead of a private key,
 * an encrypted key without the right passphrase, not RSA, shorter than 2048 bits, and so on. The
 * message names the problem and what would be right; it never echoes any part of the key.
 */
public class InvalidKeyException extends ConnectorClientException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;

    /** Creates an exception for a refused key. */
    public InvalidKeyException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    /** The kind of problem, for programs that react to it. */
    public Problem problem() {
        return problem;
    }

    /** What is wrong with the key material. */
    public enum Problem {
        /** Nothing was given, or only whitespace. */
        EMPTY,
        /** No {@code -----BEGIN ...-----} / {@code -----END ...-----} lines were found. */
        NOT_PEM,
        /** The PEM armor is malformed (wrong number of dashes, labels that differ, a missing END line). */
        MALFORMED_PEM,
        /** The base64 between the markers is truncated or corrupted. */
        CORRUPT,
        /** A public key was given where the private key belongs. */
        PUBLIC_KEY,
        /** A certificate was given where the private key belongs. */
        CERTIFICATE,
        /** The key is encrypted and no passphrase was given. */
        PASSPHRASE_REQUIRED,
        /** The passphrase does not decrypt the key. */
        WRONG_PASSPHRASE,
        /** The key is not RSA (EC, DSA, Ed25519). */
        NOT_RSA,
        /** The RSA key is shorter than 2048 bits. */
        TOO_SHORT,
        /** More than one key was pasted. */
        MULTIPLE_KEYS,
        /** An OpenSSH-format key, which must be converted first. */
        UNSUPPORTED_FORMAT,
        /** The public API key id is empty or malformed. */
        INVALID_API_KEY
    }
}

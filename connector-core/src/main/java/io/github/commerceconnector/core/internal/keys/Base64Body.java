package io.github.commerceconnector.core.internal.keys;

import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;

/** Checks the base64 body of a PEM block before it is decoded, to report damage precisely. */
final class Base64Body {

    private Base64Body() {
    }

    /**
     * Checks the alphabet, the padding and the length of a block's body.
     *
     * @throws InvalidKeyException {@code CORRUPT}, without repeating any of the body
     */
    static void check(PemBlock block) {
        String body = block.base64();
        if (body.isEmpty()) {
            throw new InvalidKeyException(Problem.CORRUPT, "The private key has BEGIN and END lines but nothing "
                    + "between them: copy the whole key again, including the lines of base64 text between them.");
        }
        int padding = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '=') {
                padding++;
            } else if (padding > 0 || !isBase64(c)) {
                throw new InvalidKeyException(Problem.CORRUPT, "The private key's body contains a character that "
                        + "base64 does not use (at character " + (i + 1) + " of " + body.length() + " after the "
                        + "BEGIN line): the key was edited or damaged while copying. Copy it again from the original "
                        + "file without changes.");
            }
        }
        if (padding > 2 || body.length() % 4 != 0) {
            throw new InvalidKeyException(Problem.CORRUPT, "The private key's base64 body has " + body.length()
                    + " characters, which cannot be whole base64 (a multiple of four): the key was cut off or "
                    + "damaged. Copy the whole key again, from the -----BEGIN line to the -----END line.");
        }
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }
}

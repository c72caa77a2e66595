package io.github.commerceconnector.core.testsupport;

import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A private key text a user might paste by mistake, and the problem it must be refused with.
 *
 * @param name       what is wrong, for test names
 * @param pem        the text
 * @param passphrase the passphrase given with it, or {@code null}
 * @param expected   the problem the parser must report
 */
public record BadKey(String name, String pem, String passphrase, Problem expected) {

    /** Checks presence. */
    public BadKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(expected, "expected");
    }

    /** The PEM text as a {@link Secret}. */
    public Secret pemSecret() {
        return Secret.of(pem);
    }

    /** The passphrase as a {@link Secret}, or {@code null}. */
    public Secret passphraseSecret() {
        return passphrase == null ? null : Secret.of(passphrase);
    }

    /** Every secret this case holds: the base64 body of its key text and the passphrase. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(KeyPems.base64Body(pem));
        if (passphrase != null) {
            secrets.add(passphrase);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return name;
    }
}

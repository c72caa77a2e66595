package io.github.commerceconnector.core.internal.keys;

import java.util.Set;

/** The PEM labels this parser knows, grouped by what they hold. */
final class PemLabels {
    static final String PKCS8 = "PRIVATE KEY";
    static final String PKCS1 = "RSA PRIVATE KEY";
    static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";
    static final String OPENSSH = "OPENSSH PRIVATE KEY";

    /** Labels of private keys in a format this parser reads. */
    static final Set<String> READABLE_PRIVATE = Set.of(PKCS8, PKCS1, ENCRYPTED_PKCS8);
    /** Labels of private keys of another algorithm, in OpenSSL's traditional format. */
    static final Set<String> OTHER_ALGORITHM_PRIVATE = Set.of("EC PRIVATE KEY", "DSA PRIVATE KEY");
    /** Labels of public keys. */
    static final Set<String> PUBLIC = Set.of("PUBLIC KEY", "RSA PUBLIC KEY", "SSH2 PUBLIC KEY");
    /** Labels of certificates, certificate requests and revocation lists. */
    static final Set<String> CERTIFICATE = Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE",
            "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "X509 CRL");
    /** Labels that may accompany a key and carry nothing to check (OpenSSL's EC parameters). */
    static final Set<String> IGNORABLE = Set.of("EC PARAMETERS", "DSA PARAMETERS");

    private PemLabels() {
    }

    /** Whether this label holds a private key of any format or algorithm. */
    static boolean isPrivate(String label) {
        return READABLE_PRIVATE.contains(label) || OTHER_ALGORITHM_PRIVATE.contains(label) || OPENSSH.equals(label);
    }

    /** Whether this is a label this parser recognizes, so it may be repeated in a message. */
    static boolean isKnown(String label) {
        return isPrivate(label) || PUBLIC.contains(label) || CERTIFICATE.contains(label) || IGNORABLE.contains(label);
    }
}

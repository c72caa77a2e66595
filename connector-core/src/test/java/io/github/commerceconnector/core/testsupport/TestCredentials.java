package io.github.commerceconnector.core.testsupport;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.core.internal.keys.PemKeyParser;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key pairs for store tests whose API key ends with the last eight hex digits of the private key's modulus,
 * so that a reader can tell whether an API key and a private key belong together.
 */
public final class TestCredentials {
    private static final Map<String, BigInteger> MODULUS_OF_PEM = new ConcurrentHashMap<>();

    private TestCredentials() {
    }

    /** The credentials of an environment made from the shared RSA key pair number {@code keyIndex}. */
    public static ServiceCredentials of(Environment environment, int keyIndex) {
        RSAPublicKey publicKey = (RSAPublicKey) KeyPems.rsa(keyIndex).getPublic();
        ServiceCredentials credentials = ServiceCredentials.of(environment, "apikey-" + environment.wireName() + "-"
                + suffix(publicKey.getModulus()), KeyPems.pkcs8(KeyPems.rsa(keyIndex)));
        SecretRegistry.credentials("TestCredentials " + environment.wireName() + " " + keyIndex, credentials);
        return credentials;
    }

    /** Whether the API key's suffix matches the modulus of the private key (parsed once per PEM text). */
    public static boolean belongTogether(ServiceCredentials credentials) {
        BigInteger modulus = MODULUS_OF_PEM.computeIfAbsent(credentials.privateKey().reveal(),
                pem -> PemKeyParser.parsePrivateKey(credentials.privateKey(), credentials.passphrase()).getModulus());
        return credentials.apiKey().value().endsWith("-" + suffix(modulus));
    }

    private static String suffix(BigInteger modulus) {
        String hex = modulus.toString(16);
        return hex.substring(hex.length() - 8);
    }
}

package io.github.commerceconnector.core.testsupport.secrets;

import io.github.commerceconnector.api.credentials.ServiceCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The secrets the tests use, registered where they are made (the key generators of the test sources, the API
 * keys and passphrases of the tests), for the suite's final secret scan. A registered private key stands for
 * its secret numbers in every form a leak could take: the base64 of its PKCS#8 and PKCS#1 encodings (from
 * where the private exponent starts, so the public modulus that certificates and public keys share does not
 * count), and its private exponent and primes in decimal and hexadecimal. Thread-safe.
 */
public final class SecretRegistry {
    /** How many characters of key material a leak must show to be found: 18 bytes of base64. */
    public static final int FRAGMENT = 24;
    /** Fragments start every few characters: any leak of {@code FRAGMENT + STRIDE - 1} characters holds one. */
    private static final int STRIDE = 4;
    /** Where the private exponent starts in the base64 of an RSA-2048 PKCS#8 body (byte ~300). */
    private static final int PKCS8_SECRET_START = 400;
    /** Where the private exponent starts in the base64 of an RSA-2048 PKCS#1 body (byte ~270). */
    private static final int PKCS1_SECRET_START = 364;
    /** How much of another algorithm's PKCS#8 body is header. */
    private static final int OTHER_HEADER = 36;
    private static final Pattern PEM_BODY = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
            Pattern.DOTALL);
    private static final Pattern HEADER_LINE = Pattern.compile("(?m)^[A-Za-z-]+:.*$");

    private static final Map<String, String> FRAGMENTS = new ConcurrentHashMap<>();
    private static final Map<String, String> EXACT = new ConcurrentHashMap<>();

    private SecretRegistry() {
    }

    /** Registers a key pair's private half (any algorithm). */
    public static void keyPair(String label, KeyPair pair) {
        privateKey(label, pair.getPrivate());
    }

    /** Registers a private key (any algorithm). */
    public static void privateKey(String label, PrivateKey key) {
        String pkcs8 = Base64.getEncoder().encodeToString(key.getEncoded());
        if (key instanceof RSAPrivateCrtKey rsa) {
            material(label + " (PKCS#8)", pkcs8.substring(Math.min(PKCS8_SECRET_START, pkcs8.length() / 3)));
            String pkcs1 = pkcs1Body(rsa);
            material(label + " (PKCS#1)", pkcs1.substring(Math.min(PKCS1_SECRET_START, pkcs1.length() / 3)));
            material(label + " (private exponent)", rsa.getPrivateExponent().toString());
            material(label + " (private exponent, hex)", rsa.getPrivateExponent().toString(16));
            material(label + " (prime p)", rsa.getPrimeP().toString());
            material(label + " (prime p, hex)", rsa.getPrimeP().toString(16));
            material(label + " (prime q)", rsa.getPrimeQ().toString());
            material(label + " (prime q, hex)", rsa.getPrimeQ().toString(16));
        } else {
            material(label, pkcs8.substring(Math.min(OTHER_HEADER, pkcs8.length())));
        }
    }

    /** Registers the private key of PEM text (every block's base64 body, past its header). */
    public static void pem(String label, String pem) {
        Matcher block = PEM_BODY.matcher(pem.replace("\r", ""));
        while (block.find()) {
            if (block.group(1).contains("PRIVATE")) {
                String body = HEADER_LINE.matcher(block.group(2)).replaceAll("").replaceAll("\\s+", "");
                int start = block.group(1).equals("RSA PRIVATE KEY") ? PKCS1_SECRET_START
                        : block.group(1).equals("PRIVATE KEY") ? PKCS8_SECRET_START : OTHER_HEADER;
                material(label, body.substring(Math.min(start, body.length() / 3)));
            }
        }
    }

    /** Registers a secret that must never appear whole: an API key id, a passphrase, a client secret, a token. */
    public static void value(String label, String secret) {
        if (secret != null && secret.length() >= 8) {
            EXACT.put(secret, label);
        }
    }

    /** Registers credentials: their private key and API key id (and passphrase). */
    public static void credentials(String label, ServiceCredentials credentials) {
        pem(label + " private key", credentials.privateKey().reveal());
        value(label + " API key", credentials.apiKey().value());
        credentials.passphraseIfAny().ifPresent(passphrase -> value(label + " passphrase", passphrase.reveal()));
    }

    /** Fragments of key material, each mapped to what it belongs to. */
    static Map<String, String> fragments() {
        return Map.copyOf(FRAGMENTS);
    }

    /** Whole secrets, each mapped to what it is. */
    static Map<String, String> exact() {
        return Map.copyOf(EXACT);
    }

    /** How many secrets and fragments are registered (for the scan's own sanity check). */
    public static int size() {
        return FRAGMENTS.size() + EXACT.size();
    }

    private static void material(String label, String material) {
        for (int i = 0; i + FRAGMENT <= material.length(); i += STRIDE) {
            FRAGMENTS.putIfAbsent(material.substring(i, i + FRAGMENT), label);
        }
    }

    /** The PKCS#1 body of an RSA key: the private key structure inside its PKCS#8 encoding. */
    private static String pkcs1Body(RSAPrivateCrtKey key) {
        try {
            byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
            return Base64.getEncoder().encodeToString(pkcs1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.commerceconnector.testkit.keys;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.internal.keys.KeyPool;
import io.github.commerceconnector.testkit.internal.keys.PemText;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Key material for tests: fresh RSA-2048 pairs in microseconds (a background thread keeps a small pool
 * ready; the very first may take ~100 ms), API key ids, deliberately bad keys, and one-liners that
 * register a key with a fake and hand back the client's {@link ServiceCredentials}.
 *
 * <pre>{@code
 * FakeCommerceServices services = FakeCommerceServices.create();
 * ServiceCredentials credentials = TestKeys.credentialsFor(services);   // registered, ready to use
 * services.credentials().put(credentials);
 * }</pre>
 *
 * Thread-safe.
 */
public final class TestKeys {
    private static final int POOL_SIZE = 4;
    private static final KeyPool POOL = new KeyPool(2048, POOL_SIZE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** A fresh RSA-2048 key pair, never handed out before. */
    public static TestKeyPair rsa() {
        return TestKeyPair.of(POOL.take());
    }

    /** A fresh RSA key pair of another size (e.g. 1024, to test that short keys are refused); not pooled. */
    public static TestKeyPair rsa(int bits) {
        if (bits == 2048) {
            return rsa();
        }
        return TestKeyPair.of(KeyPool.generate(bits));
    }

    /** A fresh API key id such as {@code testkit-3f9a0c1b2d4e5f60718293a4}: 32 visible characters. */
    public static ApiKey apiKey() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return ApiKey.of("testkit-" + HexFormat.of().formatHex(bytes));
    }

    /** An EC (P-256) private key as PKCS#8 PEM: valid PEM, but not RSA. */
    public static String ecPrivateKeyPem() {
        return PemText.encode("PRIVATE KEY", KeyPool.generate("EC", 256).getPrivate().getEncoded());
    }

    /** Credentials with a fresh key pair and API key id, registered nowhere. */
    public static ServiceCredentials credentials(Environment environment) {
        return rsa().credentials(environment, apiKey());
    }

    /**
     * A fresh key pair registered with the fake account under a fresh API key id: the credentials a
     * client needs for the fake's environment.
     */
    public static ServiceCredentials credentialsFor(FakeCommerceServices services) {
        return rsa().registerWith(services);
    }

    /** As {@link #credentialsFor(FakeCommerceServices)}, for the account behind a fake gateway. */
    public static ServiceCredentials credentialsFor(FakeGateway gateway) {
        return rsa().registerWith(gateway);
    }
}

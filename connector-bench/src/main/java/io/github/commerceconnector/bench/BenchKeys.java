package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RSA-2048 key pairs for the benchmarks, generated on the spot. The testkit's {@code TestKeys} keeps a pool
 * refilled by a background thread, which would compete for the CPU while a scenario measures.
 */
public final class BenchKeys {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private BenchKeys() {
    }

    /** A fresh RSA-2048 key pair. */
    public static TestKeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return TestKeyPair.of(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }

    /** A fresh API key id. */
    public static ApiKey apiKey() {
        return ApiKey.of("bench-api-key-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet());
    }
}

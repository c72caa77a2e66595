package io.github.commerceconnector.testkit.internal.keys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool of fresh RSA-2048 key pairs, refilled by one background daemon thread, so that a test
 * gets a new key pair in microseconds instead of the ~100 ms generation takes. Every pair is handed
 * out once. JDK only. Thread-safe.
 */
public final class KeyPool {
    private static final Logger LOG = LoggerFactory.getLogger(KeyPool.class);

    private final int bits;
    private final BlockingQueue<KeyPair> ready;
    private final AtomicBoolean refilling = new AtomicBoolean();

    /** A pool of {@code size} pairs of {@code bits} bits; starts filling at once. */
    public KeyPool(int bits, int size) {
        this.bits = bits;
        this.ready = new ArrayBlockingQueue<>(size);
        refill();
    }

    /** A fresh key pair: from the pool when one is ready, generated on this thread otherwise. */
    public KeyPair take() {
        KeyPair pair = ready.poll();
        refill();
        return pair != null ? pair : generate(bits);
    }

    /** Generates an RSA key pair of the given size now. */
    public static KeyPair generate(int bits) {
        return generate("RSA", bits);
    }

    /** Generates a key pair of any JDK algorithm ({@code RSA}, {@code EC}) now. */
    public static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("This JDK cannot generate " + algorithm + " keys", missing);
        }
    }

    private void refill() {
        if (ready.remainingCapacity() == 0 || !refilling.compareAndSet(false, true)) {
            return;
        }
        Thread filler = new Thread(this::fill, "testkit-key-pool");
        filler.setDaemon(true);
        filler.start();
    }

    private void fill() {
        try {
            while (ready.remainingCapacity() > 0) {
                if (!ready.offer(generate(bits))) {
                    break;
                }
            }
        } catch (RuntimeException failed) {
            LOG.warn("Pre-generating RSA test keys failed; keys are generated on demand instead.", failed);
        } finally {
            refilling.set(false);
        }
    }
}

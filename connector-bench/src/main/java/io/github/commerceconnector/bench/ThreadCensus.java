package io.github.commerceconnector.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the live Java threads of this JVM every 100 ms, by kind, and keeps each kind's peak: all of them, the SDK's
 * (a runtime's, named {@code <runtime>-send|prepare|timer|http-N}, and the JDK {@code HttpClient}'s selector), the
 * callers ({@code <runtime>-caller-N}) and the fake gateway's.
 */
final class ThreadCensus implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 100;
    private final String runtime;
    private final AtomicInteger all = new AtomicInteger();
    private final AtomicInteger sdk = new AtomicInteger();
    private final AtomicInteger callers = new AtomicInteger();
    private final AtomicInteger gateway = new AtomicInteger();
    private final AtomicInteger own = new AtomicInteger();
    private final AtomicInteger withoutGateway = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean running = true;

    /** Starts counting. */
    ThreadCensus(String runtime) {
        this.runtime = runtime;
        this.sampler = new Thread(this::sampleUntilClosed, "bench-thread-census");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sampleUntilClosed() {
        while (running) {
            int allNow = 0;
            int sdkNow = 0;
            int callersNow = 0;
            int gatewayNow = 0;
            for (Thread thread : liveThreads()) {
                String name = thread.getName();
                allNow++;
                if (name.startsWith(runtime + "-caller-")) {
                    callersNow++;
                } else if (name.startsWith(runtime + "-") || name.startsWith("HttpClient-")) {
                    sdkNow++;
                } else if (name.startsWith("fake-gateway-")) {
                    gatewayNow++;
                }
            }
            all.accumulateAndGet(allNow, Math::max);
            sdk.accumulateAndGet(sdkNow, Math::max);
            callers.accumulateAndGet(callersNow, Math::max);
            gateway.accumulateAndGet(gatewayNow, Math::max);
            own.accumulateAndGet(allNow - callersNow - gatewayNow, Math::max);
            withoutGateway.accumulateAndGet(allNow - gatewayNow, Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    /**
     * The live threads, from the root thread group: unlike {@code Thread.getAllStackTraces()} this stops no thread
     * and walks no stack, so counting hundreds of threads costs next to nothing.
     */
    private static List<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 64];
        int count = root.enumerate(threads, true);
        return Arrays.asList(threads).subList(0, count);
    }

    /** The peak of all live threads (the JVM's own included). */
    int allPeak() {
        return all.get();
    }

    /** The peak of the SDK's threads. */
    int sdkPeak() {
        return sdk.get();
    }

    /** The peak of the threads that are neither callers nor the fake gateway's: the SDK's and the JVM's. */
    int ownPeak() {
        return own.get();
    }

    /** The peak of the live threads but the fake gateway's (which stands in for a remote server): callers count. */
    int withoutGatewayPeak() {
        return withoutGateway.get();
    }

    /** The peak of the threads calling {@code sync}. */
    int callerPeak() {
        return callers.get();
    }

    /** The peak of the fake gateway's threads. */
    int gatewayPeak() {
        return gateway.get();
    }

    /** Stops counting. */
    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.github.commerceconnector.core.internal.runtime;

import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.spi.HttpTransport;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a shared runtime owns: one transport, a fixed pool preparing items, a fixed pool sending requests, one
 * timer thread that holds waiting requests (rate-limit slots, backoffs, probe waits) without a pool thread, and the
 * bound on requests queued or in flight over every client. Thread-safe; {@link #close} ends the threads, then ends the
 * calls still in progress in steps (their close hooks), and work handed over afterwards is refused with
 * {@link #closedException()}.
 */
public final class RuntimeResources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeResources.class);
    private static final long STOP_WAIT_SECONDS = 10;

    private final String name;
    private final HttpTransport transport;
    private final ThreadPoolExecutor preparing;
    private final int preparingThreads;
    private final ThreadPoolExecutor sending;
    private final ScheduledThreadPoolExecutor timer;
    private final Semaphore requests;
    private final int maxRequests;
    private final Set<Runnable> closeHooks = ConcurrentHashMap.newKeySet();
    private final List<DaemonThreads> threadFactories = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * Starts the pools (their threads start as work arrives, up to the sizes given).
     *
     * @param name             the prefix of every thread name, e.g. {@code commerce-runtime-1}
     * @param transport        the one transport of every client on the runtime; closed with it
     * @param preparingThreads threads preparing items (validation, hashes, JSON)
     * @param sendingThreads   threads sending requests (one request each at a time)
     * @param maxRequests      requests queued for a rate-limit slot or in flight, over every client
     */
    public RuntimeResources(String name, HttpTransport transport, int preparingThreads, int sendingThreads,
            int maxRequests) {
        this.name = name;
        this.transport = transport;
        this.preparingThreads = preparingThreads;
        this.preparing = fixedPool(preparingThreads, remembered(new DaemonThreads(name + "-prepare-")));
        this.sending = fixedPool(sendingThreads, remembered(new DaemonThreads(name + "-send-")));
        this.timer = new ScheduledThreadPoolExecutor(1, remembered(new DaemonThreads(name + "-timer-")));
        this.timer.setRemoveOnCancelPolicy(true);
        this.maxRequests = maxRequests;
        this.requests = new Semaphore(maxRequests, true);
    }

    private static ThreadPoolExecutor fixedPool(int threads, ThreadFactory factory) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory);
    }

    /** The shared transport. */
    public HttpTransport transport() {
        return transport;
    }

    /** Threads of the preparing pool: a catalog call keeps at most two tasks per thread ahead of its batches. */
    public int preparingThreads() {
        return preparingThreads;
    }

    /** The prefix of the runtime's thread names. */
    public String name() {
        return name;
    }

    /** The most requests queued or in flight over every client. */
    public int maxRequests() {
        return maxRequests;
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Runs a preparation task on the preparing pool.
     *
     * @throws ConnectorClientException once the runtime is closed
     */
    public <T> Future<T> prepare(Callable<T> task) {
        try {
            return preparing.submit(task);
        } catch (RejectedExecutionException refused) {
            throw closedException();
        }
    }

    /**
     * Runs a step of a call on the preparing pool (a call in steps has at most one step queued or running).
     *
     * @throws ConnectorClientException once the runtime is closed
     */
    public void prepareStep(Runnable step) {
        try {
            preparing.execute(step);
        } catch (RejectedExecutionException refused) {
            throw closedException();
        }
    }

    /**
     * Runs a step of a call on the preparing pool once a delay has passed, holding no pool thread meanwhile.
     *
     * @throws ConnectorClientException once the runtime is closed
     */
    public void prepareStepAfter(long delayMillis, Runnable step) {
        later(delayMillis, preparing, step);
    }

    /**
     * Runs a hook once the runtime is closed and its threads have ended (on the closing thread), unless
     * {@link #forgetOnClose} took it back first. A hook added to a closed runtime runs at once.
     */
    public void onClose(Runnable hook) {
        closeHooks.add(hook);
        if (closed && closeHooks.remove(hook)) {
            hook.run();
        }
    }

    /** Takes back a hook given to {@link #onClose}; whether it was still there (so will not run). */
    public boolean forgetOnClose(Runnable hook) {
        return closeHooks.remove(hook);
    }

    /**
     * Runs a task on the sending pool.
     *
     * @throws ConnectorClientException once the runtime is closed
     */
    public void send(Runnable task) {
        try {
            sending.execute(task);
        } catch (RejectedExecutionException refused) {
            throw closedException();
        }
    }

    /**
     * Runs a task on the sending pool once a delay has passed, holding no pool thread meanwhile.
     *
     * @throws ConnectorClientException once the runtime is closed
     */
    public void sendAfter(long delayMillis, Runnable task) {
        if (delayMillis <= 0) {
            send(task);
            return;
        }
        later(delayMillis, sending, task);
    }

    /** Hands a task to a pool once a delay has passed, on the timer; dropped if the runtime closed meanwhile. */
    private void later(long delayMillis, ThreadPoolExecutor pool, Runnable task) {
        try {
            timer.schedule(() -> {
                try {
                    pool.execute(task);
                } catch (RejectedExecutionException refused) {
                    LOG.debug("A task due after the runtime {} closed was dropped", name);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException refused) {
            throw closedException();
        }
    }

    /**
     * Takes one of the runtime's request permits, waiting up to a time.
     *
     * @return whether one was taken
     * @throws InterruptedException     if the thread is interrupted while waiting
     * @throws ConnectorClientException once the runtime is closed
     */
    public boolean tryAcquireRequest(long timeoutMillis) throws InterruptedException {
        if (closed) {
            throw closedException();
        }
        return requests.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes one of the runtime's request permits if one is free now, never waiting.
     *
     * @return whether one was taken
     * @throws ConnectorClientException once the runtime is closed
     */
    public boolean tryAcquireRequestNow() {
        if (closed) {
            throw closedException();
        }
        return requests.tryAcquire();
    }

    /** Gives a request permit back. */
    public void releaseRequest() {
        requests.release();
    }

    /** What work handed to a closed runtime fails with. */
    public ConnectorClientException closedException() {
        return new ConnectorClientException("The CommerceServicesRuntime " + name + " is closed, so it takes no more "
                + "work: build clients on an open runtime (closing a runtime is its owner's last step, after the "
                + "clients on it are done). Items of a catalog call it stopped are not lost: the next call sends "
                + "them again.");
    }

    /**
     * Ends the threads: queued preparation tasks are cancelled, waiting and queued requests dropped (their items
     * stay unconfirmed, so the next sync sends them again), running ones interrupted; then closes the transport
     * and runs the close hooks (which end the calls still in progress in steps). Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        cancel(preparing.shutdownNow());
        sending.shutdownNow();
        for (ExecutorService pool : List.of(timer, preparing, sending)) {
            try {
                if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("Threads of the runtime {} did not stop within {} s", name, STOP_WAIT_SECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        awaitThreadsEnded();
        try {
            transport.close();
        } catch (Exception failed) {
            LOG.warn("Closing the transport of the runtime {} failed: {}", name, failed.toString());
        }
        for (Runnable hook : List.copyOf(closeHooks)) {
            if (closeHooks.remove(hook)) {
                try {
                    hook.run();
                } catch (RuntimeException failed) {
                    LOG.warn("A call ending with the runtime {} failed to end cleanly: {}", name, failed.toString());
                }
            }
        }
    }

    private static void cancel(List<Runnable> neverRun) {
        for (Runnable task : neverRun) {
            if (task instanceof Future<?> future) {
                future.cancel(false);
            }
        }
    }

    private DaemonThreads remembered(DaemonThreads factory) {
        threadFactories.add(factory);
        return factory;
    }

    /** Waits for the pools' last threads to leave (a pool is terminated before its last worker has ended). */
    private void awaitThreadsEnded() {
        try {
            for (DaemonThreads factory : threadFactories) {
                if (!factory.awaitEnded(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("Threads of the runtime {} did not end within {} s", name, STOP_WAIT_SECONDS);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

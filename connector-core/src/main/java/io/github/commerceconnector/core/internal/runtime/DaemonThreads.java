package io.github.commerceconnector.core.internal.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a pool's daemon threads, named {@code <prefix>N}, and remembers them, so that whoever shuts the pool down
 * can wait until each thread has ended: a pool reports itself terminated while its last worker is still leaving.
 * Thread-safe.
 */
public final class DaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    /**
     * A factory of threads named with a prefix.
     *
     * @param prefix the start of every thread's name, e.g. {@code commerce-runtime-1-send-}
     */
    public DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        made.removeIf(old -> old.getState() == Thread.State.TERMINATED);
        made.add(thread);
        return thread;
    }

    /**
     * Waits until every thread made has ended, at most a time in all (after its pool was shut down).
     *
     * @return whether all have ended
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitEnded(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread thread : made) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMillis <= 0 && thread.isAlive()) {
                return false;
            }
            thread.join(Math.max(1, leftMillis));
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stops a pool made with this factory: interrupts its tasks, then waits at most {@code timeout} for the pool to
     * terminate and again for its threads to end. An interrupt while waiting is kept on the calling thread.
     */
    public void stop(ExecutorService pool, long timeout, TimeUnit unit) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(timeout, unit);
            awaitEnded(timeout, unit);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

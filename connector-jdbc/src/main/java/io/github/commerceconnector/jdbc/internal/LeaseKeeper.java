package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.jdbc.LeaseLostException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Renews the leases of open states in the background, each every third of the lease's duration, so that a live
 * holder keeps its lease through two failed renewals. A renewal that finds the lease taken over tells the state
 * and stops; one that cannot reach the database is logged and tried again at the next turn (the lease then ends
 * by itself if the database stays out of reach). One daemon thread per store, started when a lease is kept and
 * ended after a while without leases. Thread-safe.
 */
final class LeaseKeeper {
    private static final System.Logger LOG = System.getLogger(LeaseKeeper.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Leases leases;
    private final ScheduledThreadPoolExecutor executor;

    LeaseKeeper(Leases leases) {
        this.leases = leases;
        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "connector-jdbc-lease-keeper-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setKeepAliveTime(10, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Keeps renewing a lease. */
    interface Kept extends AutoCloseable {
        /** Stops renewing; idempotent. */
        @Override
        void close();
    }

    /**
     * Renews a lease until the returned handle is closed or the lease is lost.
     *
     * @param lost told, once, if a renewal finds that another worker took the lease over
     */
    Kept keep(Lease lease, Consumer<LeaseLostException> lost) {
        long period = Math.max(1, leases.duration().toMillis() / 3);
        Renewal renewal = new Renewal(lease, lost, period);
        renewal.future = executor.scheduleWithFixedDelay(renewal, period, period, TimeUnit.MILLISECONDS);
        return renewal::stop;
    }

    /** The renewals of one lease. */
    private final class Renewal implements Runnable {
        private final Lease lease;
        private final Consumer<LeaseLostException> lost;
        private final long periodMillis;
        private volatile ScheduledFuture<?> future;
        private volatile boolean stopped;

        Renewal(Lease lease, Consumer<LeaseLostException> lost, long periodMillis) {
            this.lease = lease;
            this.lost = lost;
            this.periodMillis = periodMillis;
        }

        @Override
        public void run() {
            if (stopped) {
                return;
            }
            try {
                Instant until = leases.renew(lease);
                if (until == null && !stopped) {
                    stop();
                    lost.accept(leases.lost(lease));
                }
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Could not renew the lease of worker {0} on {1}; trying again in {2} ms: {3}",
                        lease.ownerId(), lease.describe(), periodMillis, failure.getMessage());
            }
        }

        void stop() {
            stopped = true;
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}

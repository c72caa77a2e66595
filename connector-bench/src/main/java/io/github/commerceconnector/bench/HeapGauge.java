package io.github.commerceconnector.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the heap of this JVM from {@link #HeapGauge() now} on, three ways:
 * <ul>
 *   <li>the <em>pool peak</em>: the sum of the peak usage of the heap memory pools (live data and garbage not
 *       yet collected, so it mostly shows how far the collector let the heap fill);</li>
 *   <li>the <em>after-GC peak</em>: the most heap in use right after any collection the JVM ran; a young
 *       collection leaves the old generation's garbage in place, so this grows with the length of the run;</li>
 *   <li>the <em>live peak</em>: the most heap in use at the end of the full collections {@link #checkpoint()}
 *       forces, as the collector reports it (reading the heap afterwards would count what other threads allocated
 *       in between), so it shows what the program really holds at that moment.</li>
 * </ul>
 */
final class HeapGauge implements AutoCloseable {
    private static final double MIB = 1024.0 * 1024.0;

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPools = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private static final String EXPLICIT = "System.gc()";
    private static final long SETTLE_NANOS = 5_000_000_000L;

    private long afterGcBytes;
    private long forcedAsked;
    private long forcedSeen;
    private long liveBytes;
    private long collections;

    /** Starts measuring: resets the pools' peaks and listens to every collection. */
    HeapGauge() {
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        afterCollection(used, EXPLICIT.equals(info.getGcCause()));
    }

    private synchronized void afterCollection(long used, boolean forced) {
        collections++;
        afterGcBytes = Math.max(afterGcBytes, used);
        if (forced) {
            forcedSeen++;
            liveBytes = Math.max(liveBytes, used);
            notifyAll();
        }
    }

    /** Forces a full collection; its result counts toward the live peak. */
    void checkpoint() {
        synchronized (this) {
            forcedAsked++;
        }
        System.gc();
    }

    /**
     * Waits (a few seconds at most) until the collector has reported every forced collection.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized void settle() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (forcedSeen < forcedAsked && System.nanoTime() < deadline) {
            wait(100);
        }
    }

    /** The pool peak so far, in MiB. */
    double poolPeakMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : pools) {
            peak += pool.getPeakUsage().getUsed();
        }
        return peak / MIB;
    }

    /** The live peak so far, in MiB (0 before any checkpoint). */
    synchronized double livePeakMiB() {
        return liveBytes / MIB;
    }

    /** The after-GC peak so far, in MiB (0 before any collection). */
    synchronized double afterGcPeakMiB() {
        return afterGcBytes / MIB;
    }

    /** How many collections were seen. */
    synchronized long collections() {
        return collections;
    }

    /** Stops listening. */
    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException alreadyGone) {
                throw new IllegalStateException("The heap gauge's listener was removed twice", alreadyGone);
            }
        }
    }
}

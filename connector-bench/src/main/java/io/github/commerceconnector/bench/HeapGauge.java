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
 *   <li>the <em>live peak</em>: the most heap in use right after a {@link #checkpoint()}, which forces a full
 *       collection first, so it shows what the program really holds at that moment.</li>
 * </ul>
 */
final class HeapGauge implements AutoCloseable {
    private static final double MIB = 1024.0 * 1024.0;

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPools = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private long afterGcBytes;
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
        afterCollection(used);
    }

    private synchronized void afterCollection(long used) {
        collections++;
        afterGcBytes = Math.max(afterGcBytes, used);
    }

    /** Forces a full collection and records the heap left in use. */
    void checkpoint() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        synchronized (this) {
            liveBytes = Math.max(liveBytes, used);
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

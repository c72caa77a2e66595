package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.examples.CatalogGenerator;
import io.github.commerceconnector.testkit.FakeGateway;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The scenarios that run the SDK: full syncs for throughput (with the re-syncs of the same catalog), the heap
 * probe, the full-fidelity check and the guardrail run. Each runs in its own JVM and returns its figures.
 */
final class SdkScenarios {
    /** The SDK's defaults, but no client-side rate limit: the gateway's limit is off in throughput runs. */
    static final CatalogSyncSettings UNLIMITED = CatalogSyncSettings.defaults().withRequestsPerSecond(0);

    private SdkScenarios() {
    }

    /**
     * A full sync of {@code size} products into a sink gateway, after a warm-up sync of {@code warmup} products
     * into another data space; with {@code resync}, then two re-syncs of the unchanged catalog (cold and warm)
     * and one with 1% changed, each by a new client on the same state directory.
     */
    static Figures fullSync(CatalogGenerator catalog, int size, int warmup, boolean resync)
            throws InterruptedException {
        return fullSync(catalog, size, warmup, resync, false);
    }

    /**
     * The full sync of {@link #fullSync(CatalogGenerator, int, int, boolean)} without re-syncs, also reporting the
     * CPU seconds of each group of threads during the sync ({@code threads.<group>}, see {@link ThreadCpuGauge}).
     */
    static Figures cpuByThreads(CatalogGenerator catalog, int size, int warmup) throws InterruptedException {
        return fullSync(catalog, size, warmup, false, true);
    }

    private static Figures fullSync(CatalogGenerator catalog, int size, int warmup, boolean resync,
            boolean byThreads) throws InterruptedException {
        Path state = Directories.create("bench-sdk-");
        Figures figures = new Figures();
        try (BenchRig rig = BenchRig.start(true, 0)) {
            warmUp(catalog, rig, state, warmup);
            FakeGateway gateway = rig.gateway();
            long signaturesBefore = rig.signatures();
            SyncReport full;
            long nanos;
            try (HeapGauge heap = new HeapGauge(); CommerceServicesClient client = rig.client(state.resolve("main"),
                    UNLIMITED, 0)) {
                gateway.clearRequests();
                // the gauge's window lies inside the process clock's: the groups never add up to more than it
                CpuClock cpu = new CpuClock();
                ThreadCpuGauge threads = byThreads ? new ThreadCpuGauge() : null;
                long start = System.nanoTime();
                full = client.catalog().sync(Feed.PRODUCTS, catalog.products(size));
                nanos = System.nanoTime() - start;
                if (threads != null && threads.available()) {
                    figures.putAll("threads.", threads.stop());
                } else if (threads != null) {
                    threads.close();
                }
                figures.put("cpuSeconds", cpu.seconds());
                if (byThreads) {
                    figures.put("jitCompileSecondsInJvm", ManagementFactory.getCompilationMXBean()
                            .getTotalCompilationTime() / 1e3);
                }
                figures.put("poolPeakMiB", heap.poolPeakMiB()).put("afterGcPeakMiB", heap.afterGcPeakMiB());
            }
            expect(full.isComplete() && full.sent() == size, "the full sync sent " + full.sent() + " of " + size
                    + " products (" + full.rejectedCount() + " rejected, " + full.retryable() + " retryable)");
            figures.put("items", size)
                    .put("seconds", nanos / 1e9)
                    .put("itemsPerSecond", size / (nanos / 1e9))
                    .put("bytesSent", full.bytesSent())
                    .put("requests", full.requests())
                    .put("gatewayRequests", gateway.requestCount())
                    .put("gatewayBytes", gateway.bytesReceived())
                    .put("signatures", rig.signatures() - signaturesBefore);
            if (!byThreads) {
                warm(catalog, rig, state.resolve("warm"), size, figures);
            }
            if (resync) {
                resyncs(catalog, rig, state.resolve("main"), size, figures);
            }
        } finally {
            Directories.deleteTree(state);
        }
        return figures;
    }

    /**
     * The warm figures: the same child, its JIT paid by the sync before, syncs a second catalog of {@code size}
     * products (the same products into another data space, from a fresh state).
     */
    private static void warm(CatalogGenerator catalog, BenchRig rig, Path state, int size, Figures figures) {
        try (CommerceServicesClient client = rig.client(state, UNLIMITED, 1)) {
            CpuClock cpu = new CpuClock();
            long start = System.nanoTime();
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, catalog.products(size));
            long nanos = System.nanoTime() - start;
            expect(report.isComplete() && report.sent() == size, "the warm sync sent " + report.sent() + " of "
                    + size);
            Figures.warm(figures, cpu.seconds(), nanos, size);
        }
    }

    private static void resyncs(CatalogGenerator catalog, BenchRig rig, Path state, int size, Figures figures) {
        FakeGateway gateway = rig.gateway();
        FileSyncStateStore store = new FileSyncStateStore(state.resolve("catalog"));
        long openStart = System.nanoTime();
        try (FeedSyncState opened = store.open(rig.dataSpaceId(0), Feed.PRODUCTS)) {
            figures.put("stateOpenSeconds", (System.nanoTime() - openStart) / 1e9);
            expect(opened.count(ItemStatus.ACCEPTED) == size, "the state holds " + opened.count(ItemStatus.ACCEPTED)
                    + " accepted products of " + size);
        }
        figures.put("stateBytesPerItem", Directories.size(state.resolve("catalog")) / (double) size);
        unchangedResync(catalog, rig, state, size, figures, "resync");
        unchangedResync(catalog, rig, state, size, figures, "resyncWarm");
        try (CommerceServicesClient client = rig.client(state, UNLIMITED, 0)) {
            gateway.clearRequests();
            long start = System.nanoTime();
            SyncReport changed = client.catalog().sync(Feed.PRODUCTS, catalog.products(size, 1));
            long nanos = System.nanoTime() - start;
            long expected = changedCount(size);
            expect(changed.sent() == expected && changed.isComplete(), "the re-sync after 1% changed sent "
                    + changed.sent() + " products, expected " + expected);
            figures.put("changedSeconds", nanos / 1e9)
                    .put("changedSent", changed.sent())
                    .put("changedRequests", changed.requests())
                    .put("changedBytes", changed.bytesSent());
        }
    }

    /**
     * A re-sync of the unchanged catalog by a new client on the same state, its figures named from {@code name}:
     * the first in the child ({@code resync}) pays the JIT for the re-sync's path, which no sync before it took
     * (a first sync does not look its items up); the second ({@code resyncWarm}) is the same again, warm.
     */
    private static void unchangedResync(CatalogGenerator catalog, BenchRig rig, Path state, int size,
            Figures figures, String name) {
        FakeGateway gateway = rig.gateway();
        try (CommerceServicesClient client = rig.client(state, UNLIMITED, 0)) {
            gateway.clearRequests();
            CpuClock cpu = new CpuClock();
            long start = System.nanoTime();
            SyncReport unchanged = client.catalog().sync(Feed.PRODUCTS, catalog.products(size));
            long nanos = System.nanoTime() - start;
            figures.put(name + "CpuSeconds", cpu.seconds());
            expect(unchanged.unchanged() == size, "the re-sync found " + unchanged.unchanged() + " of " + size
                    + " products unchanged");
            figures.put(name + "Seconds", nanos / 1e9)
                    .put(name + "Requests", unchanged.requests())
                    .put(name + "GatewayRequests", gateway.requestCount());
        }
    }

    /**
     * The heap probe: a full sync of {@code size} products into a sink gateway, forcing a full collection and
     * reading the heap left in use at every tenth of the catalog and at the end (the state still open). The
     * fake gateway's call log is cleared before each reading so that only the SDK and the rig's constant parts
     * count.
     */
    static Figures heap(CatalogGenerator catalog, int size) throws InterruptedException {
        Path state = Directories.create("bench-heap-");
        try (BenchRig rig = BenchRig.start(true, 0); HeapGauge heap = new HeapGauge();
                CommerceServicesClient client = rig.client(state, UNLIMITED, 0)) {
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, catalog.products(size),
                    new HeapCheckpoints(rig, heap, size));
            expect(report.isComplete() && report.sent() == size, "the heap probe sent " + report.sent() + " of "
                    + size);
            heap.settle();
            return new Figures().put("items", size)
                    .put("livePeakMiB", heap.livePeakMiB())
                    .put("poolPeakMiB", heap.poolPeakMiB())
                    .put("afterGcPeakMiB", heap.afterGcPeakMiB())
                    .put("collections", heap.collections())
                    .put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        } finally {
            Directories.deleteTree(state);
        }
    }

    private static void warmUp(CatalogGenerator catalog, BenchRig rig, Path state, int warmup) {
        if (warmup <= 0) {
            return;
        }
        try (CommerceServicesClient client = rig.client(state.resolve("warmup"), UNLIMITED, 1)) {
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, catalog.products(warmup));
            expect(report.isComplete(), "the warm-up sync did not complete: " + report);
        }
    }

    /** How many of the first {@code size} products a revision changes. */
    static long changedCount(int size) {
        long changed = 0;
        for (int index = 0; index < size; index++) {
            if (CatalogGenerator.changesInRevision(index)) {
                changed++;
            }
        }
        return changed;
    }

    static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}

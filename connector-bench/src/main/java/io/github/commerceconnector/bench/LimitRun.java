package io.github.commerceconnector.bench;

import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.catalog.FeedJson;
import io.github.commerceconnector.core.internal.catalog.RequestBody;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limit: the same products generated, serialized and compressed in batches of 100 with the SDK's own
 * code and settings (its JSON writer, its request body encoder at its gzip level), on every core, with no
 * network, no hashing and no state. No sync of the same items can be faster on this machine.
 */
final class LimitRun {
    private static final int BATCH = 100;

    private LimitRun() {
    }

    /** Encodes {@code size} products, after a warm-up of {@code warmup} products. */
    static Figures run(CatalogGenerator catalog, int size, int warmup) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        CatalogSyncSettings settings = CatalogSyncSettings.defaults();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            encodeAll(catalog, pool, threads, warmup, settings);
            CpuClock cpu = new CpuClock();
            long start = System.nanoTime();
            long bytes = encodeAll(catalog, pool, threads, size, settings);
            long nanos = System.nanoTime() - start;
            Figures figures = new Figures().put("cpuSeconds", cpu.seconds());
            CpuClock warmCpu = new CpuClock();
            long warmStart = System.nanoTime();
            encodeAll(catalog, pool, threads, size, settings);
            Figures.warm(figures, warmCpu.seconds(), System.nanoTime() - warmStart, size);
            return figures.put("items", size)
                    .put("seconds", nanos / 1e9)
                    .put("itemsPerSecond", size / (nanos / 1e9))
                    .put("bytesSent", bytes)
                    .put("requests", (size + BATCH - 1) / BATCH)
                    .put("threads", threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long encodeAll(CatalogGenerator catalog, ExecutorService pool, int threads, int size,
            CatalogSyncSettings settings) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        int batches = (size + BATCH - 1) / BATCH;
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int batch = next.getAndIncrement(); batch < batches; batch = next.getAndIncrement()) {
                    List<byte[]> items = new ArrayList<>(BATCH);
                    for (int index = batch * BATCH; index < Math.min(size, (batch + 1) * BATCH); index++) {
                        items.add(FeedJson.write(catalog.product(index, 0).fields()));
                    }
                    bytes.addAndGet(RequestBody.encodeJson(items, settings.gzip(), settings.gzipLevel()).length);
                }
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("An encoding worker failed", e.getCause());
            }
        }
        return bytes.get();
    }
}

package io.github.commerceconnector.bench;

import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.catalog.FeedJson;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * The limit: the same products generated, serialized and compressed in batches of 100 with the SDK's own
 * settings (its JSON writer, its gzip level), on every core, with no network and no state. No sync of the
 * same items can be faster on this machine.
 */
final class LimitRun {
    private static final CatalogGenerator CATALOG = new CatalogGenerator();
    private static final int BATCH = 100;

    private LimitRun() {
    }

    /** Encodes {@code size} products, after a warm-up of {@code warmup} products. */
    static Figures run(int size, int warmup) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        CatalogSyncSettings settings = CatalogSyncSettings.defaults();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            encodeAll(pool, threads, warmup, settings);
            long start = System.nanoTime();
            long bytes = encodeAll(pool, threads, size, settings);
            long nanos = System.nanoTime() - start;
            return new Figures().put("items", size)
                    .put("seconds", nanos / 1e9)
                    .put("itemsPerSecond", size / (nanos / 1e9))
                    .put("bytesSent", bytes)
                    .put("requests", (size + BATCH - 1) / BATCH)
                    .put("threads", threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long encodeAll(ExecutorService pool, int threads, int size, CatalogSyncSettings settings)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        int batches = (size + BATCH - 1) / BATCH;
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int batch = next.getAndIncrement(); batch < batches; batch = next.getAndIncrement()) {
                    List<byte[]> items = new ArrayList<>(BATCH);
                    for (int index = batch * BATCH; index < Math.min(size, (batch + 1) * BATCH); index++) {
                        items.add(FeedJson.write(CATALOG.product(index, 0).fields()));
                    }
                    bytes.addAndGet(encode(items, settings.gzipLevel()).length);
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

    private static byte[] encode(List<byte[]> items, int level) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (OutputStream out = new LeveledGzip(bytes, level)) {
            out.write('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(items.get(i));
            }
            out.write(']');
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** A gzip stream at a chosen level. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out, int level) throws IOException {
            super(out, 1 << 14);
            def.setLevel(level);
        }
    }
}

package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.io.IOException;

/** The do-it-yourself baseline ({@link DiyBaseline}) against a sink gateway without a rate limit. */
final class BaselineRun {

    private BaselineRun() {
    }

    /** Sends {@code size} products, after a warm-up of {@code warmup} products into another data space. */
    static Figures run(CatalogGenerator catalog, int size, int warmup) throws IOException, InterruptedException {
        try (BenchRig rig = BenchRig.start(true, 0)) {
            if (warmup > 0) {
                baseline(rig, 1).send(catalog.products(warmup));
            }
            rig.gateway().clearRequests();
            DiyBaseline baseline = baseline(rig, 0);
            long[] sent;
            long nanos;
            Figures figures = new Figures();
            try (HeapGauge heap = new HeapGauge()) {
                CpuClock cpu = new CpuClock();
                long start = System.nanoTime();
                sent = baseline.send(catalog.products(size));
                nanos = System.nanoTime() - start;
                figures.put("cpuSeconds", cpu.seconds());
                figures.put("poolPeakMiB", heap.poolPeakMiB()).put("afterGcPeakMiB", heap.afterGcPeakMiB());
            }
            CpuClock warmCpu = new CpuClock();
            long warmStart = System.nanoTime();
            baseline(rig, 1).send(catalog.products(size));
            Figures.warm(figures, warmCpu.seconds(), System.nanoTime() - warmStart, size);
            return figures.put("items", size)
                    .put("seconds", nanos / 1e9)
                    .put("itemsPerSecond", size / (nanos / 1e9))
                    .put("bytesSent", sent[1])
                    .put("requests", sent[0])
                    .put("gatewayRequests", rig.gateway().requestCount())
                    .put("gatewayBytes", rig.gateway().bytesReceived())
                    .put("signatures", sent[0]);
        }
    }

    private static DiyBaseline baseline(BenchRig rig, int dataSpace) {
        return new DiyBaseline(rig.gateway().baseUri(), Feed.PRODUCTS.route(), rig.dataSpaceId(dataSpace),
                rig.apiKey(), rig.keys().privateKey());
    }
}

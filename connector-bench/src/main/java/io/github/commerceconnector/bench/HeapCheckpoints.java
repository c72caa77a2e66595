package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;

/**
 * The heap probe's listener: forces a full collection of the {@link HeapGauge} at every tenth of the catalog and
 * when the sync finished (its state still open), after clearing the fake gateway's call log so that only the SDK
 * and the rig's constant parts count.
 */
final class HeapCheckpoints implements SyncListener {
    private final BenchRig rig;
    private final HeapGauge heap;
    private final int step;
    private long next;

    HeapCheckpoints(BenchRig rig, HeapGauge heap, int size) {
        this.rig = rig;
        this.heap = heap;
        this.step = Math.max(1, size / 10);
        this.next = step;
    }

    @Override
    public void progress(SyncProgress progress) {
        if (progress.processed() >= next) {
            next += step;
            checkpoint();
        }
    }

    @Override
    public void finished(SyncReport report) {
        checkpoint();
    }

    private void checkpoint() {
        rig.gateway().services().clearCalls();
        heap.checkpoint();
    }
}

package io.github.commerceconnector.micrometer.internal;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.observation.SyncObservation;
import io.github.commerceconnector.micrometer.ConnectorMetrics;
import io.micrometer.observation.Observation;
import java.time.Duration;

/**
 * Follows one catalog call: counts its items and bytes as they progress (the growth since the last report), its
 * waits, and stops its observation once, with the outcome and the report's figures.
 */
final class SyncFigures implements SyncObservation {
    private static final String[] RESULTS = {"read", "unchanged", "sent", "rejected", "retryable", "deleted"};

    private final Observation observation;
    private final SyncMeters meters;
    private final Runnable onStop;
    private final long[] counted = new long[RESULTS.length];
    private long bytesCounted;
    private boolean stopped;

    SyncFigures(Observation observation, SyncMeters meters, Runnable onStop) {
        this.observation = observation;
        this.meters = meters;
        this.onStop = onStop;
    }

    @Override
    public synchronized void progress(SyncProgress progress) {
        count(new long[] {progress.processed(), progress.unchanged(), progress.sent(), progress.rejected(),
            progress.retryable(), progress.deleted()}, progress.bytesSent());
    }

    @Override
    public void waiting(SyncWait wait) {
        meters.waiting(wait.reason());
        observation.event(Observation.Event.of("waiting." + SyncMeters.reason(wait.reason())));
    }

    @Override
    public void resumed(Feed feed, Duration waited) {
        meters.waited(waited);
    }

    @Override
    public synchronized void finished(SyncReport report) {
        count(new long[] {report.processed(), report.unchanged(), report.sent(), report.rejectedCount(),
            report.retryable(), report.deleted()}, report.bytesSent());
        observation.highCardinalityKeyValue("items.read", Long.toString(report.processed()))
                .highCardinalityKeyValue("items.sent", Long.toString(report.sent()))
                .highCardinalityKeyValue("items.unchanged", Long.toString(report.unchanged()))
                .highCardinalityKeyValue("items.rejected", Long.toString(report.rejectedCount()))
                .highCardinalityKeyValue("items.retryable", Long.toString(report.retryable()))
                .highCardinalityKeyValue("requests", Long.toString(report.requests()))
                .highCardinalityKeyValue("bytes.sent", Long.toString(report.bytesSent()));
        stop(report.isComplete() ? "complete" : "stopped");
    }

    @Override
    public synchronized void failed(RuntimeException failure) {
        if (!stopped) {
            observation.error(failure);
            stop("failed");
        }
    }

    private void count(long[] totals, long bytes) {
        for (int i = 0; i < RESULTS.length; i++) {
            if (totals[i] > counted[i]) {
                meters.items(RESULTS[i], totals[i] - counted[i]);
                counted[i] = totals[i];
            }
        }
        if (bytes > bytesCounted) {
            meters.bytes(bytes - bytesCounted);
            bytesCounted = bytes;
        }
    }

    private void stop(String outcome) {
        stopped = true;
        onStop.run();
        observation.lowCardinalityKeyValue(ConnectorMetrics.OUTCOME, outcome).stop();
    }
}

package io.github.commerceconnector.micrometer.internal;

import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.micrometer.ConnectorMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/** The counters and timer of one feed and data space's catalog calls. */
final class SyncMeters {
    private final MeterRegistry meters;
    private final Tags tags;

    SyncMeters(MeterRegistry meters, String feed, String dataSpaceId) {
        this.meters = meters;
        this.tags = Tags.of(ConnectorMetrics.FEED, feed, ConnectorMetrics.DATA_SPACE, dataSpaceId);
    }

    /** Counts items with a result ({@code sent}, ...). */
    void items(String result, long count) {
        if (count > 0) {
            Counter.builder(ConnectorMetrics.SYNC_ITEMS).tags(tags).tag(ConnectorMetrics.RESULT, result)
                    .baseUnit("items").description("Items of catalog calls, by result").register(meters)
                    .increment(count);
        }
    }

    /** Counts bytes sent. */
    void bytes(long count) {
        if (count > 0) {
            Counter.builder(ConnectorMetrics.SYNC_BYTES).tags(tags).baseUnit("bytes")
                    .description("Request body bytes sent by catalog calls, as on the wire").register(meters)
                    .increment(count);
        }
    }

    /** Counts a wait that started. */
    void waiting(SyncWait.Reason reason) {
        Counter.builder(ConnectorMetrics.SYNC_WAITS).tags(tags).tag(ConnectorMetrics.REASON, reason(reason))
                .description("Times a catalog call started waiting for the gateway").register(meters).increment();
    }

    /** Times a wait that ended. */
    void waited(Duration waited) {
        Timer.builder(ConnectorMetrics.SYNC_WAITED).tags(tags)
                .description("How long catalog calls waited before the gateway accepted a request again")
                .register(meters).record(waited);
    }

    static String reason(SyncWait.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}

package io.github.commerceconnector.core.testsupport;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link SyncListener} that records the waits a sync reported, and its resumptions as {@code RESUMED}. */
public final class WaitRecorder implements SyncListener {
    private final List<SyncWait> waits = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void waiting(SyncWait wait) {
        waits.add(wait);
        events.add(wait.reason().name());
    }

    @Override
    public synchronized void resumed(Feed feed, Duration waited) {
        events.add("RESUMED");
    }

    /** The waits reported, in order. */
    public synchronized List<SyncWait> waits() {
        return List.copyOf(waits);
    }

    /** The reasons of the waits and {@code RESUMED} for each resumption, in order. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }
}

package io.github.commerceconnector.core.gateway;

import io.github.commerceconnector.api.spi.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that returns at once, records every wait and moves a {@link MutableClock} by it. */
public final class RecordingSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> waits = new ArrayList<>();

    /** A sleeper that moves the given clock. */
    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
    }

    /** The waits so far, in order. */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}

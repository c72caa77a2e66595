package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.spi.FeedSyncState;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by the lock tests: opens a feed's state, says {@code LOCKED} on standard output and
 * holds the lock until its standard input closes (or it is killed).
 */
public final class StateLockHolder {

    private StateLockHolder() {
    }

    /**
     * Entry point.
     *
     * @param args state directory, data space id, feed name
     */
    public static void main(String[] args) throws IOException {
        FileSyncStateStore store = new FileSyncStateStore(Path.of(args[0]));
        Feed feed = Feed.builtIn().stream().filter(f -> f.name().equals(args[2])).findFirst().orElseThrow();
        try (FeedSyncState state = store.open(args[1], feed)) {
            System.out.println("LOCKED " + state.feed().name());
            System.out.flush();
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }
}

package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.core.internal.catalog.state.FileFeedState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link SnapshotCrashTest}: records every item again, round after round (the round as
 * content hash; every tenth item rejected with the reason {@code bad <round>}), says {@code ROUND r} once a round is
 * recorded, then {@code COMPACTING r} before writing a snapshot and {@code COMPACTED r} after, until it is killed.
 */
public final class SnapshotChurner {
    static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final int BATCH = 1000;

    private SnapshotChurner() {
    }

    static ItemKey key(int n) {
        return ItemKey.of(Feed.PRODUCTS, String.format("SKU-%07d", n), "default");
    }

    static StateChange change(ItemHasher hasher, int n, long round) {
        ItemKey key = key(n);
        return n % 10 == 0 ? StateChange.rejected(key, hasher.identityHash(key), round, "bad " + round)
                : StateChange.accepted(key, hasher.identityHash(key), round);
    }

    /**
     * Entry point.
     *
     * @param args state directory, data space id, items, first round
     */
    public static void main(String[] args) {
        int items = Integer.parseInt(args[2]);
        ItemHasher hasher = new ItemHasher();
        try (FeedSyncState state = new FileSyncStateStore(Path.of(args[0])).open(args[1], Feed.PRODUCTS)) {
            System.out.println("OPENED");
            System.out.flush();
            for (long round = Long.parseLong(args[3]);; round++) {
                for (int start = 0; start < items; start += BATCH) {
                    List<StateChange> changes = new ArrayList<>(BATCH);
                    for (int n = start; n < Math.min(items, start + BATCH); n++) {
                        changes.add(change(hasher, n, round));
                    }
                    state.record(changes, NOW);
                }
                System.out.println("ROUND " + round);
                System.out.println("COMPACTING " + round);
                System.out.flush();
                ((FileFeedState) state).compact();
                System.out.println("COMPACTED " + round);
                System.out.flush();
            }
        }
    }
}

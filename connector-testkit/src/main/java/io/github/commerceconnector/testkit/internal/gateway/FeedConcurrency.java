package io.github.commerceconnector.testkit.internal.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * Per data space, the feed requests in flight now (from arrival until the reply is written) and the most that ever
 * were at once: a sender that keeps one request in flight shows 1, two senders of one data space at a time show 2.
 * Thread-safe.
 */
final class FeedConcurrency {
    private final Map<String, int[]> counts = new HashMap<>();

    /** A feed request to the data space arrived; {@code null} (not a feed request) is ignored. */
    synchronized void enter(String dataSpaceId) {
        if (dataSpaceId != null) {
            int[] count = counts.computeIfAbsent(dataSpaceId, id -> new int[2]);
            count[0]++;
            count[1] = Math.max(count[1], count[0]);
        }
    }

    /** A feed request to the data space was answered (or failed); {@code null} is ignored. */
    synchronized void exit(String dataSpaceId) {
        if (dataSpaceId != null) {
            counts.get(dataSpaceId)[0]--;
        }
    }

    /** The most feed requests in flight at once, per data space that received any since the last reset. */
    synchronized Map<String, Integer> maxima() {
        Map<String, Integer> maxima = new HashMap<>();
        counts.forEach((dataSpaceId, count) -> {
            if (count[1] > 0) {
                maxima.put(dataSpaceId, count[1]);
            }
        });
        return maxima;
    }

    /**
     * Forgets the maxima. Requests in flight now (a reply the client may already hold while the gateway finishes
     * writing it) stay counted, so one arriving later beside them still counts them, but alone they show nothing.
     */
    synchronized void reset() {
        counts.values().removeIf(count -> count[0] == 0);
        counts.values().forEach(count -> count[1] = 0);
    }
}

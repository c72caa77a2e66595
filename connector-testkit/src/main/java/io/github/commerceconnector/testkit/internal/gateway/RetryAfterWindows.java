package io.github.commerceconnector.testkit.internal.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code Retry-After} windows the fake gateway opened per data space, to tell a request that arrives while one
 * runs: one that arrives more than {@link #GRACE} after a {@code 429} was sent and before that {@code 429}'s
 * {@code Retry-After} ran out (requests already on their way when the {@code 429} left are excused). Thread-safe.
 */
final class RetryAfterWindows {
    /** How long after a {@code 429} a request may still arrive without breaking its window. */
    static final Duration GRACE = Duration.ofMillis(100);
    /** How long an ended window is kept, for requests whose arrival was timed before it ended. */
    private static final Duration KEEP = Duration.ofMinutes(1);

    private final Map<String, Deque<Window>> windows = new HashMap<>();

    /** A {@code 429} with {@code Retry-After} was sent to the data space at {@code sentAt}. */
    synchronized void open(String dataSpaceId, Instant sentAt, Duration retryAfter) {
        windows.computeIfAbsent(dataSpaceId, id -> new ArrayDeque<>())
                .addLast(new Window(sentAt.plus(GRACE), sentAt.plus(retryAfter)));
    }

    /** Whether a request to the data space arriving at {@code at} breaks a running window. */
    synchronized boolean inside(String dataSpaceId, Instant at) {
        Deque<Window> open = windows.get(dataSpaceId);
        if (open == null) {
            return false;
        }
        while (!open.isEmpty() && open.peekFirst().end().plus(KEEP).isBefore(at)) {
            open.removeFirst();
        }
        for (Window window : open) {
            if (at.isAfter(window.start()) && at.isBefore(window.end())) {
                return true;
            }
        }
        return false;
    }

    /** Forgets every window. */
    synchronized void reset() {
        windows.clear();
    }

    private record Window(Instant start, Instant end) {
    }
}

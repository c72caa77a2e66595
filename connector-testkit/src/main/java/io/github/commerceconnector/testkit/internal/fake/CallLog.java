package io.github.commerceconnector.testkit.internal.fake;

import io.github.commerceconnector.testkit.FakeCall;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The calls that reached a fake account, oldest first, bounded so that a long benchmark keeps memory
 * flat (the oldest entries are dropped). Thread-safe.
 */
public final class CallLog {
    /** How many calls are kept. */
    public static final int CAPACITY = 100_000;

    private final ArrayDeque<FakeCall> calls = new ArrayDeque<>();

    /** Appends a call. */
    public synchronized void add(FakeCall call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    /** A snapshot, oldest first. */
    public synchronized List<FakeCall> snapshot() {
        return List.copyOf(calls);
    }

    /** Forgets every call. */
    public synchronized void clear() {
        calls.clear();
    }
}

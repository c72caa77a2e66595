package io.github.commerceconnector.testkit.internal.gateway;

import io.github.commerceconnector.testkit.RecordedRequest;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The requests a fake gateway received (bounded, oldest dropped) and its request and byte counters. Thread-safe. */
public final class RequestLog {
    private final int limit;
    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /** A log keeping at most {@code limit} requests. */
    public RequestLog(int limit) {
        this.limit = limit;
    }

    /** Counts a request and its body bytes as received. */
    void count(long bodyBytes) {
        count.incrementAndGet();
        bytes.addAndGet(bodyBytes);
    }

    /** Keeps a request. */
    synchronized void add(RecordedRequest request) {
        if (limit <= 0) {
            return;
        }
        if (requests.size() >= limit) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    /** The kept requests, oldest first. */
    public synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    /** Every request received, kept or not. */
    public long requestCount() {
        return count.get();
    }

    /** Every request body byte received, as on the wire. */
    public long bytesReceived() {
        return bytes.get();
    }

    /** Forgets the kept requests and zeroes the counters. */
    public synchronized void clear() {
        requests.clear();
        count.set(0);
        bytes.set(0);
    }
}

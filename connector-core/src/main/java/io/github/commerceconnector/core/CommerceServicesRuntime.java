package io.github.commerceconnector.core;

import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.core.internal.http.JdkHttpTransport;
import io.github.commerceconnector.core.internal.runtime.RuntimeResources;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads, connections and memory shared by any number of {@link CommerceServicesClient}s, e.g. one client per
 * merchant in a process serving many merchants: build one runtime, give it to every client's builder with
 * {@link CommerceServicesClient.Builder#runtime(CommerceServicesRuntime)}, and close it last.
 *
 * <pre>{@code
 * try (CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().sendingThreads(16).build()) {
 *     CommerceServicesClient merchant = CommerceServicesClient.builder().runtime(runtime)...build();
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> A runtime owns, whatever the number of clients and of catalog calls running:
 * <ul>
 * <li>{@code <name>-send-N}: {@link Builder#sendingThreads} threads, each sending one request at a time and
 *     recording its outcome. A request never holds one while it waits: for its data space's rate-limit slot, a
 *     {@code Retry-After} window, a backoff after a failure or a circuit breaker's probe wait, it is held by</li>
 * <li>{@code <name>-timer-1}: one thread that hands each waiting request to the sending pool when it is due;</li>
 * <li>{@code <name>-prepare-N}: {@link Builder#preparingThreads} threads validating, hashing and writing items as
 *     JSON ahead of the batches of every catalog call;</li>
 * <li>{@code <name>-http-N}: {@link Builder#httpThreads} threads of the one JDK {@code HttpClient} (completing
 *     replies), plus the JDK's own selector thread of that client.</li>
 * </ul>
 * The catalog calls themselves ({@code sync}, {@code upsert}, ...) still read their input on the thread that
 * calls them, which waits until the call ends: N merchants syncing at once take N threads of the caller's, beside
 * the runtime's fixed number.
 *
 * <p><b>Fairness.</b> Each client keeps its own data space rate limiters and circuit breakers: a data space's
 * requests leave at its guardrail's pace, independently of the others, and a merchant whose gateway fails or whose
 * keys are refused waits (backoffs, breaker probes) on the timer, not on the sending threads, so the others keep
 * their pace. A catalog call keeps at most its {@code maxInFlight} batches waiting or in flight, and all calls
 * together at most {@link Builder#maxRequestsInFlight}; a call past either bound waits in {@code sync} before it
 * reads further (backpressure), and a fair queue gives freed places in arrival order.
 *
 * <p><b>Memory.</b> Bounded by the runtime's sizes, not by the catalog: per running call, the items being prepared
 * (a chunk of at most 16 items on the preparing pool) and the batch being filled; over all calls, at most
 * {@code maxRequestsInFlight} batches with their encoded bodies (each at most the catalog settings'
 * {@code maxBatchBytes}). The sync state of each data space is its store's (the file store keeps an index of the
 * items of each feed in memory while a call runs).
 *
 * <p><b>Connections.</b> One HTTP connection pool for every client: with HTTP/1.1 at most one connection per
 * sending thread is busy at a time; with HTTP/2 requests to one gateway share connections.
 *
 * <p><b>Closing.</b> Closing a client never closes its runtime. {@link #close()} ends the runtime's threads and
 * closes its transport: catalog calls running on it stop with a {@link
 * io.github.commerceconnector.api.exception.ConnectorClientException} saying the runtime is closed (the items
 * they had not confirmed are sent again by the next call), and so does every later request of its clients; a
 * client can no longer be built on it. Thread-safe.
 */
public final class CommerceServicesRuntime implements AutoCloseable {
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final RuntimeResources resources;
    private final int sendingThreads;

    private CommerceServicesRuntime(RuntimeResources resources, int sendingThreads) {
        this.resources = resources;
        this.sendingThreads = sendingThreads;
    }

    /**
     * A builder with the defaults: 16 sending threads, 2 preparing threads (at most the processors), 2 HTTP
     * threads, 512 requests in flight.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The prefix of the runtime's thread names, e.g. {@code commerce-runtime-1}.
     *
     * @return the prefix
     */
    public String name() {
        return resources.name();
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return resources.isClosed();
    }

    /** The resources the clients on this runtime share; package-private: not API. */
    RuntimeResources resources() {
        return resources;
    }

    /**
     * Ends the runtime's threads and closes its transport; see the class description for what happens to work
     * still running. Idempotent.
     */
    @Override
    public void close() {
        resources.close();
    }

    /** Names the runtime and its sizes. */
    @Override
    public String toString() {
        return "CommerceServicesRuntime[" + name() + ", " + sendingThreads + " sending threads, "
                + resources.preparingThreads() + " preparing threads, " + resources.maxRequests()
                + " requests in flight" + (isClosed() ? ", closed" : "") + "]";
    }

    /** Configures a {@link CommerceServicesRuntime}; {@link #build()} checks every size at once. */
    public static final class Builder {
        private int sendingThreads = 16;
        private int preparingThreads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        private int httpThreads = 2;
        private int maxRequestsInFlight = 512;
        private String name;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private ProxySelector proxy;
        private HttpClient.Version httpVersion = HttpClient.Version.HTTP_2;

        private Builder() {
        }

        /**
         * Threads sending requests, over every client; 1 to 256, default 16. Each sends one request at a time;
         * requests waiting for their data space's slot hold none, so about (requests per second × reply time)
         * threads are busy, e.g. 400/s × 50 ms = 20.
         *
         * @param threads the pool size
         * @return this builder
         */
        public Builder sendingThreads(int threads) {
            this.sendingThreads = threads;
            return this;
        }

        /**
         * Threads preparing items (validation, hashes, JSON) for every catalog call; 1 to 64, default 2 (at most
         * the processors). CPU-bound: more than the processors does not help.
         *
         * @param threads the pool size
         * @return this builder
         */
        public Builder preparingThreads(int threads) {
            this.preparingThreads = threads;
            return this;
        }

        /**
         * Threads of the shared JDK {@code HttpClient}'s executor; 1 to 32, default 2.
         *
         * @param threads the pool size
         * @return this builder
         */
        public Builder httpThreads(int threads) {
            this.httpThreads = threads;
            return this;
        }

        /**
         * The most requests (batches of items) waiting for their rate-limit slot or in flight, over every client;
         * 1 to 100,000, default 512. A catalog call past it waits in {@code sync} before it reads further. For
         * every data space to keep its pace give at least twice the number of data spaces syncing at once; memory
         * grows with it by at most one batch body each.
         *
         * @param requests the bound
         * @return this builder
         */
        public Builder maxRequestsInFlight(int requests) {
            this.maxRequestsInFlight = requests;
            return this;
        }

        /**
         * The prefix of the thread names; default {@code commerce-runtime-N}.
         *
         * @param threadNamePrefix letters, digits, '-' and '_', 1 to 40 characters
         * @return this builder
         */
        public Builder name(String threadNamePrefix) {
            this.name = threadNamePrefix;
            return this;
        }

        /**
         * How long opening a connection may take; default 10 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * The proxy of the shared transport; defaults to the system's {@link ProxySelector#getDefault()}.
         *
         * @param proxySelector the proxy
         * @return this builder
         */
        public Builder proxy(ProxySelector proxySelector) {
            this.proxy = proxySelector;
            return this;
        }

        /**
         * The HTTP version of the shared transport: {@link HttpClient.Version#HTTP_2} (default, falls back to 1.1)
         * or {@link HttpClient.Version#HTTP_1_1}.
         *
         * @param version the version
         * @return this builder
         */
        public Builder httpVersion(HttpClient.Version version) {
            this.httpVersion = version;
            return this;
        }

        /**
         * Starts the runtime (its threads start as work arrives).
         *
         * @return the runtime, to close when its clients are done
         * @throws ConfigurationException naming every size out of range
         */
        public CommerceServicesRuntime build() {
            List<String> problems = new ArrayList<>();
            range(problems, "sendingThreads", sendingThreads, 1, 256);
            range(problems, "preparingThreads", preparingThreads, 1, 64);
            range(problems, "httpThreads", httpThreads, 1, 32);
            range(problems, "maxRequestsInFlight", maxRequestsInFlight, 1, 100_000);
            if (name != null && !name.matches("[A-Za-z0-9_-]{1,40}")) {
                problems.add("name '" + name + "' is not a thread name prefix: give 1 to 40 letters, digits, '-' or "
                        + "'_', e.g. \"fleet-runtime\"");
            }
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                problems.add("connectTimeout must be positive, e.g. Duration.ofSeconds(10); it was " + connectTimeout);
            }
            if (httpVersion == null) {
                problems.add("httpVersion must not be null: give HttpClient.Version.HTTP_2 or HTTP_1_1");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("The CommerceServicesRuntime cannot be built: "
                        + String.join("; ", problems));
            }
            String prefix = name != null ? name : "commerce-runtime-" + NUMBER.incrementAndGet();
            JdkHttpTransport transport = new JdkHttpTransport(connectTimeout, proxy, httpVersion, prefix + "-http-",
                    httpThreads);
            return new CommerceServicesRuntime(new RuntimeResources(prefix, transport, preparingThreads,
                    sendingThreads, maxRequestsInFlight), sendingThreads);
        }

        private static void range(List<String> problems, String what, int value, int min, int max) {
            if (value < min || value > max) {
                problems.add(what + " is " + value + ": give " + min + " to " + max);
            }
        }
    }
}

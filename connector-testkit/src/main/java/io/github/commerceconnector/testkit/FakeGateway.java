package io.github.commerceconnector.testkit;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.testkit.internal.gateway.GatewayDispatcher;
import io.github.commerceconnector.testkit.internal.gateway.GatewayServer;
import io.github.commerceconnector.testkit.internal.gateway.GatewaySettings;
import io.github.commerceconnector.testkit.internal.gateway.RequestLog;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fake Commerce Services gateway on loopback: real HTTP/1.1 speaking PROTOCOL.md, backed by a
 * {@link FakeCommerceServices} account (given, or its own). Point the real HTTP client at
 * {@link #baseUri()}.
 *
 * <pre>{@code
 * try (FakeGateway gateway = FakeGateway.start()) {
 *     ServiceCredentials credentials = TestKeys.credentialsFor(gateway);   // a key the gateway accepts
 *     // build the HTTP client with endpoint(gateway.baseUri()) and these credentials, then:
 *     gateway.failures().next(1).respond(Fault.network(NetworkFault.CONNECTION_RESET));
 *     RecordedRequest last = gateway.lastRequest().orElseThrow();
 * }
 * }</pre>
 *
 * <p>It serves every route of PROTOCOL.md §3-§5: the key check ({@code GET merchant-registry/v1/ping}),
 * the registry (list, project, data space, initialize, rename project, rename data space, cleanup,
 * cloud id) and {@code POST {route}/{environmentId}} for every feed the account serves (items at the
 * shared {@code feeds/scopes/v2} route are told apart by the identity field they carry). It checks
 * what the real gateway checks:
 * <ul>
 *   <li>{@code x-api-key} registered, else {@code 403 {"error":{"message":"Client ID is invalid"}}};
 *       {@code x-gw-signature} an RS256 JWT by that key's private half, with {@code exp} ahead and no
 *       {@code iat}/{@code nbf} in the future by the account clock, else {@code 401 {"message":"JWT is invalid"}};</li>
 *   <li>{@code Content-Encoding: gzip} bodies; a JSON array of items per feed request; items without
 *       their identity listed in {@code {"invalidFeedItems":[{"itemIndex":n,"code":"...","message":"..."}]}}
 *       with {@code 200} for the rest; at most the feed's item limit per request ({@code 413} above);</li>
 *   <li>the rate limit per data space (default 2 feed requests a second, {@code 429} with
 *       {@code Retry-After}), timed by the account clock;</li>
 *   <li>in {@linkplain Builder#checkSchema schema mode} (off by default), every item against the exporter's
 *       schema: a field the schema does not have, or a value not of its JSON type, is listed per field as
 *       {@code {"field":"/<n>/<name>","message":"..."}} and the item is not stored;</li>
 *   <li>errors in the gateway's shape {@code {"status":404,"statusText":"Not Found","message":"...","requestId":"..."}},
 *       and an {@code x-request-id} header on every reply.</li>
 * </ul>
 * {@link #failures()} injects statuses, throttling, timeouts and network faults (reset, slow body,
 * drop after the request, empty reply, garbage, malformed chunk); {@link Builder#feedChaos} adds a deterministic
 * mix of failures to feed requests, as a flaky production gateway answers; {@link #requests()} records what
 * arrived, bodies decoded, each marked when it arrived inside a running {@code Retry-After} window
 * ({@link #requestsInsideRetryAfter()} counts them). In {@linkplain Builder#sink sink mode} feed requests are authenticated, read and answered
 * {@code 200} without being parsed, stored or logged (for benchmarks).
 *
 * <p>Starts in milliseconds; {@link #close()} stops every thread it started. Not supported: TLS,
 * HTTP/2 (the JDK client falls back to HTTP/1.1), the OAuth (IMS) mode. Thread-safe.
 */
public final class FakeGateway implements AutoCloseable {
    /** The default rate limit: feed requests per second per data space (PROTOCOL.md §5). */
    public static final double DEFAULT_RATE_LIMIT = 2.0;

    private final FakeCommerceServices services;
    private final GatewaySettings settings;
    private final RequestLog requestLog;
    private final GatewayDispatcher dispatcher;
    private final GatewayServer server;

    private FakeGateway(Builder builder) {
        this.services = builder.services != null ? builder.services
                : FakeCommerceServices.builder().edition(builder.edition).environment(builder.environment).build();
        if (builder.itemLimit != null) {
            services.itemLimit(builder.itemLimit);
        }
        if (builder.checkSchema) {
            services.checkSchema(true);
        }
        this.settings = new GatewaySettings(builder.rateLimit, builder.sink, builder.hangLimit,
                builder.slowBodyDuration, builder.clockSkew, builder.requestLogLimit, builder.maxBodyBytes,
                builder.retryAfter, builder.feedChaos, builder.latency, builder.clockAhead);
        this.requestLog = new RequestLog(builder.requestLogLimit);
        this.dispatcher = new GatewayDispatcher(services.runtime(), settings, requestLog);
        this.server = GatewayServer.start(builder.address, builder.port, dispatcher, settings);
    }

    /** A builder: a standalone account (Adobe Commerce, sandbox), a free loopback port, 2 requests/s. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a gateway with its own account and the defaults. */
    public static FakeGateway start() {
        return builder().start();
    }

    /** Starts a gateway serving the account of {@code services}, with the defaults. */
    public static FakeGateway start(FakeCommerceServices services) {
        return builder().services(services).start();
    }

    /** The base URL to give the HTTP client, e.g. {@code http://127.0.0.1:54321/}. */
    public URI baseUri() {
        return URI.create("http://" + hostForUri() + ":" + port() + "/");
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /** The account behind it, with its test hooks (items, projects, clock, keys). */
    public FakeCommerceServices services() {
        return services;
    }

    /** The account's failure injector (shared with the in-memory clients). */
    public FailureInjector failures() {
        return services.failures();
    }

    /** Accepts signatures by the private half of {@code publicKey} under this API key id. */
    public void registerKey(ApiKey apiKey, PublicKey publicKey) {
        services.registerKey(apiKey, publicKey);
    }

    /** Serves a custom feed at its route (see {@link FakeCommerceServices#registerFeed}). */
    public void registerFeed(Feed feed) {
        services.registerFeed(feed);
    }

    /**
     * The requests received, oldest first, bodies decoded (the newest {@link Builder#requestLogLimit}
     * only; sink-mode feed requests are counted but not kept).
     */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    /** The newest request kept, if any. */
    public Optional<RecordedRequest> lastRequest() {
        List<RecordedRequest> requests = requestLog.snapshot();
        return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(requests.size() - 1));
    }

    /** Every request received since start (or the last reset), kept or not. */
    public long requestCount() {
        return requestLog.requestCount();
    }

    /** Every request body byte received since start (or the last reset), as on the wire. */
    public long bytesReceived() {
        return requestLog.bytesReceived();
    }

    /**
     * Feed requests that arrived while a {@code Retry-After} window of their data space ran (see
     * {@link RecordedRequest#insideRetryAfterWindow()}), since start or the last reset, kept in the log or not.
     */
    public long requestsInsideRetryAfter() {
        return dispatcher.requestsInsideRetryAfter();
    }

    /**
     * The most feed requests to a data space that were in flight at once (from arrival until the reply was written),
     * since start or the last reset: a client that keeps one request in flight per data space shows 1, so more
     * means two senders overlapped, e.g. two workers syncing one data space at a time.
     *
     * @param dataSpaceId the data space
     * @return the most at once; 0 if it received no feed request
     */
    public int maxConcurrentFeedRequests(String dataSpaceId) {
        return dispatcher.maxConcurrentFeedRequests().getOrDefault(Objects.requireNonNull(dataSpaceId,
                "dataSpaceId"), 0);
    }

    /**
     * As {@link #maxConcurrentFeedRequests(String)}, for every data space that received a feed request.
     *
     * @return data space id to the most feed requests in flight at once
     */
    public Map<String, Integer> maxConcurrentFeedRequests() {
        return dispatcher.maxConcurrentFeedRequests();
    }

    /** The faults added to feed requests. */
    public FeedChaos feedChaos() {
        return settings.feedChaos();
    }

    /** Forgets the request log and zeroes the counters. */
    public void clearRequests() {
        requestLog.clear();
    }

    /**
     * How long every request waits before it is answered (zero for none).
     *
     * @return the added latency
     */
    public Duration latency() {
        return settings.latency();
    }

    /** Whether feed requests are only counted. */
    public boolean isSink() {
        return settings.sink();
    }

    /** Whether it still serves. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * Resets the account ({@link FakeCommerceServices#reset()}), the request log, the counters, the
     * rate limit, the {@code Retry-After} windows, the feed chaos' count and the concurrent feed requests' maxima;
     * keeps serving on the same port.
     */
    public void reset() {
        services.reset();
        requestLog.clear();
        dispatcher.reset();
    }

    /** Stops serving, closes every connection and ends its threads. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    /** Shows the address and mode; never keys. */
    @Override
    public String toString() {
        return "FakeGateway[" + baseUri() + (settings.sink() ? ", sink" : "") + ", " + services + "]";
    }

    private String hostForUri() {
        String host = server.address().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Configures a {@link FakeGateway}. */
    public static final class Builder {
        private FakeCommerceServices services;
        private Edition edition = Edition.ADOBE_COMMERCE;
        private Environment environment = Environment.SANDBOX;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private double rateLimit = DEFAULT_RATE_LIMIT;
        private boolean sink;
        private Integer itemLimit;
        private boolean checkSchema;
        private Duration hangLimit = Duration.ofSeconds(30);
        private Duration slowBodyDuration = Duration.ofSeconds(3);
        private Duration clockSkew = Duration.ZERO;
        private int requestLogLimit = 10_000;
        private int maxBodyBytes = 64 * 1024 * 1024;
        private Duration retryAfter;
        private FeedChaos feedChaos = FeedChaos.none();
        private Duration latency = Duration.ZERO;
        private Duration clockAhead = Duration.ZERO;

        private Builder() {
        }

        /** Serves this account (and shares its failures, clock and call log); default: an account of its own. */
        public Builder services(FakeCommerceServices value) {
            this.services = Objects.requireNonNull(value, "services");
            return this;
        }

        /** The edition of its own account (ignored with {@link #services}); default Adobe Commerce. */
        public Builder edition(Edition value) {
            this.edition = Objects.requireNonNull(value, "edition");
            return this;
        }

        /** The environment of its own account (ignored with {@link #services}); default sandbox. */
        public Builder environment(Environment value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /** The port; default {@code 0}, a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port " + value + " is out of range: use 0 (a free port) to 65535");
            }
            this.port = value;
            return this;
        }

        /**
         * The address to listen on; default the loopback address. Anything else exposes the fake
         * beyond this machine: use it only for the standalone gateway.
         *
         * @throws IllegalArgumentException if the host cannot be resolved
         */
        public Builder host(String value) {
            try {
                this.address = InetAddress.getByName(Objects.requireNonNull(value, "host"));
            } catch (UnknownHostException unknown) {
                throw new IllegalArgumentException("Unknown host '" + value + "': use 127.0.0.1 or an address of "
                        + "this machine");
            }
            return this;
        }

        /**
         * Feed requests allowed per second per data space (assumed default 2, PROTOCOL.md §5); above it
         * the gateway answers {@code 429} with {@code Retry-After}. {@code 0} turns the limit off.
         */
        public Builder rateLimit(double requestsPerSecond) {
            if (requestsPerSecond < 0 || Double.isNaN(requestsPerSecond) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException("rate limit " + requestsPerSecond + " is invalid: use a positive "
                        + "number of requests per second, or 0 for no limit");
            }
            this.rateLimit = requestsPerSecond;
            return this;
        }

        /**
         * The rate limit, answering {@code 429} with this {@code Retry-After} (whole seconds, at least 1) instead
         * of the time until a request would be allowed.
         */
        public Builder rateLimit(double requestsPerSecond, Duration retryAfterValue) {
            rateLimit(requestsPerSecond);
            this.retryAfter = positive(retryAfterValue, "retryAfter");
            return this;
        }

        /**
         * Faults added to the feed requests that pass the rate limit, as a flaky gateway answers (see
         * {@link FeedChaos}); default none.
         */
        public Builder feedChaos(FeedChaos value) {
            this.feedChaos = Objects.requireNonNull(value, "feedChaos");
            return this;
        }

        /** Turns the rate limit off (benchmarks). */
        public Builder noRateLimit() {
            return rateLimit(0);
        }

        /**
         * Sink mode: feed requests are authenticated and read, then answered {@code 200 {}} without being
         * parsed, stored or logged; only {@link #requestCount()} and {@link #bytesReceived()} count them.
         * Registry routes work as usual.
         */
        public Builder sink(boolean value) {
            this.sink = value;
            return this;
        }

        /**
         * The most items per feed request, for the account behind the gateway ({@code 413} above it);
         * {@code 0} means each feed's {@link Feed#defaultBatchSize()} (the default).
         */
        public Builder itemLimit(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("itemLimit " + value + " is negative: use 0 for the feeds' "
                        + "default batch sizes");
            }
            this.itemLimit = value;
            return this;
        }

        /**
         * Schema mode: holds every item of a feed the exporter's schema names ({@code exporter-schema.json}, in this
         * testkit) against the schema, and refuses, per field, a name the schema does not have or a value not of
         * its JSON type ({@code ID} a string or number, {@code String}, {@code Int} a JSON integer, {@code Float} a
         * number, {@code Boolean}, records as objects, repeated fields as arrays); {@code deleted} is allowed on
         * every item. Default off; turning it on also turns it on for the account given with {@link #services}.
         */
        public Builder checkSchema(boolean value) {
            this.checkSchema = value;
            return this;
        }

        /** How long a {@link Fault#timeout()} holds a connection at most; default 30 s. */
        public Builder hangLimit(Duration value) {
            this.hangLimit = positive(value, "hangLimit");
            return this;
        }

        /**
         * An added latency: every request, of any kind, is answered only after this long (after the gateway decided
         * its reply, and beside any fault), as over a network with this round trip; default zero. Each connection
         * waits on its own, so requests on other connections are not held up.
         *
         * @param value zero or more, at most one minute
         * @return this builder
         */
        public Builder latency(Duration value) {
            Objects.requireNonNull(value, "latency");
            if (value.isNegative() || value.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("latency " + value + " must be from zero to one minute");
            }
            this.latency = value;
            return this;
        }

        /** How long a {@link NetworkFault#SLOW_BODY} reply takes by default; default 3 s. */
        public Builder slowBodyDuration(Duration value) {
            this.slowBodyDuration = positive(value, "slowBodyDuration");
            return this;
        }

        /** Tolerance when checking JWT times (assumed; default none). */
        public Builder clockSkew(Duration value) {
            Objects.requireNonNull(value, "clockSkew");
            if (value.isNegative()) {
                throw new IllegalArgumentException("clockSkew " + value + " is negative");
            }
            this.clockSkew = value;
            return this;
        }

        /**
         * A gateway whose clock runs this far ahead of the account clock (which the client under test shares, or
         * follows): it checks a JWT's {@code exp}, {@code iat} and {@code nbf} by the account clock plus this, so a
         * token the client still takes for valid may already have expired here. Everything else (the rate limit, the
         * {@code Retry-After} windows, the request log) keeps the account clock. Default zero.
         *
         * @param value zero or more, at most one day
         * @return this builder
         */
        public Builder clockAhead(Duration value) {
            Objects.requireNonNull(value, "clockAhead");
            if (value.isNegative() || value.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("clockAhead " + value + " must be from zero to one day");
            }
            this.clockAhead = value;
            return this;
        }

        /** How many requests the log keeps (the oldest are dropped); default 10,000; {@code 0} keeps none. */
        public Builder requestLogLimit(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("requestLogLimit " + value + " is negative");
            }
            this.requestLogLimit = value;
            return this;
        }

        /** The largest request body read ({@code 413} above); default 64 MiB. */
        public Builder maxBodyBytes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxBodyBytes " + value + " must be positive");
            }
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws java.io.UncheckedIOException if the port cannot be bound
         */
        public FakeGateway start() {
            return new FakeGateway(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " " + value + " must be positive");
            }
            return value;
        }
    }
}

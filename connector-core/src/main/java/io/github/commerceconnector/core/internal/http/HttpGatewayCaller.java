package io.github.commerceconnector.core.internal.http;

import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.observation.BreakerState;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.api.observation.RequestObservation;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.auth.Authenticator;
import io.github.commerceconnector.core.internal.http.GatewayCall.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GatewayCaller} over an {@link HttpTransport}: signs each attempt with the {@link Authenticator},
 * retries with {@link Backoff} (resilience4j {@link Retry}, one decoration per call) and guards each gateway
 * endpoint with a resilience4j {@link CircuitBreaker}, in the order Retry(CircuitBreaker(send)) so that the
 * breaker sees every attempt. Every attempt of a call that has a {@link RequestGate} waits at it first (a retry for
 * the later of its backoff and the gate's next slot), so retries keep the data space's pace and its
 * {@code Retry-After} windows. While a breaker is not closed, attempts through it go one at a time, so that calls
 * arriving during a half-open trial wait for its outcome instead of being refused for want of trial permits (until
 * their own deadline at most: a call that would wait past it ends unsent). A call's
 * first {@code 401} on credentials the authenticator had cached is sent once more with new ones (a gateway clock
 * ahead of ours takes a reused token for expired); any other refusal of the credentials is thrown. Waits go
 * through the injected {@link Sleeper} and time through the injected {@link Clock}, so tests never sleep.
 *
 * <p>Logs the request line, status, duration, attempt and request id at DEBUG, retries at DEBUG and the final
 * failure at WARN; headers only from an allow-list, never a body, a token or a key.
 */
public final class HttpGatewayCaller implements GatewayCaller {
    private static final Logger LOG = LoggerFactory.getLogger(HttpGatewayCaller.class);
    private static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(1);
    private static final String NO_REQUEST_ID = "none";
    /** How much of an I/O error's message is quoted; some quote the bytes received. */
    private static final int MAX_CAUSE = 100;

    private final GatewaySettings settings;
    private final HttpTransport transport;
    private final Authenticator authenticator;
    private final GatewayErrors errors;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ConnectorObserver observer;
    private final Backoff backoff;
    private final Map<RetryPolicy, RetryConfig> retryConfigs = new EnumMap<>(RetryPolicy.class);
    private final CircuitBreakerConfig breakerConfig;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ReentrantLock> trialLocks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> openedAt = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Creates the caller.
     *
     * @param settings      endpoint, user agent, timeouts, retry and breaker settings
     * @param transport     moves the bytes
     * @param authenticator signs each attempt
     * @param errors        maps error replies to exceptions
     * @param clock         the time for deadlines, {@code Retry-After} dates and the breaker
     * @param sleeper       waits between attempts
     */
    public HttpGatewayCaller(GatewaySettings settings, HttpTransport transport, Authenticator authenticator,
            GatewayErrors errors, Clock clock, Sleeper sleeper) {
        this(settings, transport, authenticator, errors, clock, sleeper, ConnectorObserver.NONE);
    }

    /**
     * Creates the caller, telling an observer of every request and of every endpoint's breaker.
     *
     * @param settings      endpoint, user agent, timeouts, retry and breaker settings
     * @param transport     moves the bytes
     * @param authenticator signs each attempt
     * @param errors        maps error replies to exceptions
     * @param clock         the time for deadlines, {@code Retry-After} dates and the breaker
     * @param sleeper       waits between attempts
     * @param observer      told of each request sent and each breaker created
     */
    public HttpGatewayCaller(GatewaySettings settings, HttpTransport transport, Authenticator authenticator,
            GatewayErrors errors, Clock clock, Sleeper sleeper, ConnectorObserver observer) {
        this.observer = observer;
        this.settings = settings;
        this.transport = transport;
        this.authenticator = authenticator;
        this.errors = errors;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = new Backoff(settings.retry());
        for (RetryPolicy policy : RetryPolicy.values()) {
            retryConfigs.put(policy, RetryConfig.<TransportResponse>custom()
                    .maxAttempts(policy == RetryPolicy.NONE ? 1 : settings.retry().maxAttempts())
                    .retryOnException(retryable(policy))
                    .build());
        }
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindow(settings.breaker().windowSize(), settings.breaker().minimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(settings.breaker().failureRatePercent())
                .waitDurationInOpenState(settings.breaker().openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.breaker().halfOpenCalls())
                .recordException(HttpGatewayCaller::isEndpointFailure)
                .clock(clock)
                .build();
    }

    @Override
    public TransportResponse call(GatewayCall call) {
        if (closed) {
            throw new IllegalStateException("This Commerce Services client is closed: build a new one.");
        }
        Attempts attempts = new Attempts(call, breakerFor(call.path()));
        // One Retry per call, decorated once: its interval function waits through this call's sleeper and
        // deadline (resilience4j's own sleep is a JVM-wide static), so it returns 0 after waiting itself.
        RetryConfig config = RetryConfig.<TransportResponse>from(retryConfigs.get(call.retryPolicy()))
                .intervalBiFunction(attempts::waitBeforeRetry)
                .build();
        Retry retry = Retry.of("gateway " + call.method() + " " + call.path(), config);
        try {
            return Retry.decorateSupplier(retry, attempts::attempt).get();
        } catch (RetryStopped stopped) {
            throw attempts.finalFailure(stopped.failure, stopped.reason);
        } catch (RuntimeException failure) {
            throw attempts.finalFailure(failure, null);
        }
    }

    /** Refuses further calls; the transport is closed by its owner. */
    public void close() {
        closed = true;
    }

    @Override
    public boolean isHealthy(String path) {
        return breakerFor(path).getState() == CircuitBreaker.State.CLOSED;
    }

    /**
     * The route an endpoint's breaker is kept for: the path up to its version segment, e.g.
     * {@code merchant-registry/v1} or {@code feeds/catalog/v2}.
     */
    static String endpointOf(String path) {
        String[] segments = stripSlash(path).split("/");
        StringBuilder route = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length && !isVersion(segments[i - 1]); i++) {
            route.append('/').append(segments[i]);
        }
        return route.toString();
    }

    /** Whether a path segment is a version ({@code v} and digits), checked without a regular expression per call. */
    private static boolean isVersion(String segment) {
        if (segment.length() < 2 || segment.charAt(0) != 'v') {
            return false;
        }
        for (int i = 1; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Duration untilPermitted(String path) {
        CircuitBreaker breaker = breakerFor(path);
        Instant opened = openedAt.get(breaker.getName());
        if (breaker.getState() != CircuitBreaker.State.OPEN || opened == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), opened.plus(settings.breaker().openDuration()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The lock that lets one attempt at a time through an endpoint's breaker while it is not closed. */
    private ReentrantLock trialLock(CircuitBreaker breaker) {
        return trialLocks.computeIfAbsent(breaker.getName(), name -> new ReentrantLock());
    }

    @Override
    public void allowTrial(String path) {
        CircuitBreaker breaker = breakerFor(path);
        ReentrantLock trial = trialLock(breaker);
        trial.lock();
        try {
            if (breaker.getState() == CircuitBreaker.State.OPEN) {
                try {
                    breaker.transitionToHalfOpenState();
                } catch (IllegalStateTransitionException alreadyMoved) {
                    LOG.debug("The breaker of {} moved on by itself: {}", breaker.getName(), alreadyMoved.getMessage());
                }
            }
        } finally {
            trial.unlock();
        }
    }

    private CircuitBreaker breakerFor(String path) {
        return breakers.computeIfAbsent(endpointOf(path), route -> {
            CircuitBreaker breaker = CircuitBreaker.of(route, breakerConfig);
            breaker.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAt.put(route, clock.instant());
                }
            });
            observer.circuitBreakerCreated(route, () -> stateOf(breaker));
            return breaker;
        });
    }

    private static BreakerState stateOf(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> BreakerState.CLOSED;
            case HALF_OPEN -> BreakerState.HALF_OPEN;
            case OPEN, FORCED_OPEN -> BreakerState.OPEN;
        };
    }

    private static Predicate<Throwable> retryable(RetryPolicy policy) {
        return failure -> {
            if (Thread.currentThread().isInterrupted() || policy == RetryPolicy.NONE) {
                return false;
            }
            if (failure instanceof TransportFailure transportFailure) {
                return policy == RetryPolicy.IDEMPOTENT || !transportFailure.requestMayHaveArrived();
            }
            if (failure instanceof AuthenticationException) {
                return false;
            }
            if (failure instanceof ConnectorServiceException service) {
                int status = service.statusCode();
                return policy == RetryPolicy.IDEMPOTENT ? service.isRetryable()
                        : status == 408 || status == 429 || status == 503;
            }
            return failure instanceof ConnectorClientException client && client.isRetryable();
        };
    }

    /** What counts against an endpoint's health: no usable reply, or a server error. */
    private static boolean isEndpointFailure(Throwable failure) {
        return failure instanceof TransportFailure
                || failure instanceof ConnectorServiceException service && service.statusCode() >= 500
                        && !(failure instanceof AuthenticationException);
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Why the retries stopped before their number ran out. */
    private enum StopReason {
        DEADLINE, INTERRUPTED
    }

    /** Thrown from the wait between attempts to end the retries with the last failure. */
    private static final class RetryStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Throwable failure;
        private final StopReason reason;

        RetryStopped(Throwable failure, StopReason reason) {
            super(reason.name(), null, false, false);
            this.failure = failure;
            this.reason = reason;
        }
    }

    /**
     * The attempts of one call: counts them, passes each through the call's gate, sends them, waits between them
     * and maps the final failure. The call's deadline runs from the moment its first attempt passed the gate.
     */
    private final class Attempts {
        private final GatewayCall call;
        private final CircuitBreaker breaker;
        private final String what;
        private Instant deadline;
        private Instant notBefore = Instant.EPOCH;
        private Throwable lastFailure;
        private int made;
        private boolean renewed;

        Attempts(GatewayCall call, CircuitBreaker breaker) {
            this.call = call;
            this.breaker = breaker;
            this.what = call.method() + " " + stripSlash(call.path());
        }

        /** Waits at the call's gate; a retry that the gate holds past the call's deadline is not made. */
        private void passGate() {
            if (call.gate() != null) {
                try {
                    call.gate().enter(notBefore);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new RetryStopped(lastFailure != null ? lastFailure : new ConnectorClientException(what
                            + " was not sent: the thread was interrupted while it waited for the data space's rate "
                            + "limit", interrupted, true), StopReason.INTERRUPTED);
                }
            }
            if (deadline == null) {
                deadline = clock.instant().plus(settings.timeouts().call());
            } else if (!clock.instant().isBefore(deadline)) {
                throw new RetryStopped(lastFailure, StopReason.DEADLINE);
            }
        }

        TransportResponse attempt() {
            passGate();
            int number = ++made;
            Map<String, String> signed = authenticator.headers();
            TransportRequest request = request(signed);
            if (LOG.isDebugEnabled()) {
                LOG.debug("-> {} (attempt {}) headers {}", what, number, HeaderLog.render(request.headers()));
            }
            long started = System.nanoTime();
            try {
                TransportResponse response = throughBreaker(() -> exchange(request, attemptLimit(), number));
                if (LOG.isDebugEnabled()) {
                    LOG.debug("<- {} {} in {} ms (attempt {}, request id {}) headers {}", response.statusCode(), what,
                            millisSince(started), number, orNone(ReplyDetails.requestIdFromHeaders(response)),
                            HeaderLog.render(response.headers()));
                }
                call.observer().attempted(number, response.statusCode(), -1);
                return response;
            } catch (ConnectorServiceException refused) {
                LOG.debug("<- {} {} in {} ms (attempt {}, request id {})", refused.statusCode(), what,
                        millisSince(started), number, refused.requestId().orElse(NO_REQUEST_ID));
                call.observer().attempted(number, refused.statusCode(),
                        refused.retryAfter().map(this::capped).map(Duration::toMillis).orElse(-1L));
                if (refused instanceof AuthenticationException && renewsAfter(refused, signed)) {
                    return attempt();
                }
                throw refused;
            } catch (TransportFailure failed) {
                LOG.debug("<- no reply to {} after {} ms (attempt {}): {}", what, millisSince(started), number,
                        describe(failed));
                call.observer().attempted(number, -1, -1);
                throw failed;
            }
        }

        /**
         * Drops the refused credentials; says whether to send the call once more with new ones: after its first
         * {@code 401} on credentials the authenticator had cached (see {@link Authenticator#renewAfterRefusal}).
         */
        private boolean renewsAfter(ConnectorServiceException refused, Map<String, String> signed) {
            if (refused.statusCode() != 401 || renewed) {
                authenticator.refused();
                return false;
            }
            if (!authenticator.renewAfterRefusal(signed)) {
                return false;
            }
            renewed = true;
            lastFailure = refused;
            LOG.debug("{} was refused (401) with cached credentials: sending it once more with new ones", what);
            return true;
        }

        /**
         * Sends through the breaker; one attempt at a time while it is not closed, so that a half-open breaker's
         * trial finishes (and closes or opens it) before the next call asks for a permit.
         */
        private TransportResponse throughBreaker(Supplier<TransportResponse> send) {
            if (breaker.getState() == CircuitBreaker.State.CLOSED) {
                return breaker.executeSupplier(send);
            }
            ReentrantLock trial = trialLock(breaker);
            if (!tryLockWithinDeadline(trial)) {
                throw new TransportFailure(new TransportFailure.NotSent(what + " was not sent: the gateway endpoint's "
                        + "circuit breaker was trying it with another call for longer than this call's "
                        + settings.timeouts().call().toSeconds() + " s deadline allows"));
            }
            try {
                return breaker.executeSupplier(send);
            } finally {
                trial.unlock();
            }
        }

        /** Waits for the trial lock until the call's deadline at most; an interrupt ends the wait, not sent. */
        private boolean tryLockWithinDeadline(ReentrantLock trial) {
            long nanos = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
            try {
                return trial.tryLock(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new TransportFailure(new TransportFailure.NotSent(what + " was not sent: the thread was "
                        + "interrupted while it waited for the circuit breaker's trial call"));
            }
        }

        /**
         * The time an attempt may take, worked out as it starts (after any wait for a trial call): what is left of
         * the call's deadline, at most the attempt timeout, and at least {@link #SHORTEST_ATTEMPT}.
         */
        private Duration attemptLimit() {
            Duration left = Duration.between(clock.instant(), deadline);
            Duration limit = left.compareTo(settings.timeouts().attempt()) < 0 ? left : settings.timeouts().attempt();
            return limit.compareTo(SHORTEST_ATTEMPT) < 0 ? SHORTEST_ATTEMPT : limit;
        }

        /** A wait the gateway asked for, shortened to the longest {@code Retry-After} the settings honour. */
        private Duration capped(Duration asked) {
            Duration max = settings.retry().maxRetryAfter();
            return asked.compareTo(max) > 0 ? max : asked;
        }

        private TransportResponse exchange(TransportRequest request, Duration limit, int number) {
            RequestObservation observation = observer.requestStarted(call.label().request(call.method(), number));
            TransportResponse response;
            try {
                response = transport.send(request, limit);
            } catch (IOException io) {
                observation.finished(-1);
                throw new TransportFailure(io);
            } catch (RuntimeException failed) {
                observation.finished(-1);
                throw failed;
            }
            observation.finished(response.statusCode());
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                throw errors.toException(call, response, clock.instant());
            }
            return response;
        }

        long waitBeforeRetry(int failedAttempts, Either<Throwable, TransportResponse> outcome) {
            Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
            lastFailure = failure;
            Duration wait = backoff.waitAfter(failedAttempts, failure);
            Instant retryAt = clock.instant().plus(wait);
            if (!retryAt.isBefore(deadline)) {
                throw new RetryStopped(failure, StopReason.DEADLINE);
            }
            LOG.debug("Retrying {} in {} ms after attempt {} of {}: {}", what, wait.toMillis(), failedAttempts,
                    settings.retry().maxAttempts(), summary(failure));
            if (call.gate() != null) {
                notBefore = retryAt;
                return 0L;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new RetryStopped(failure, StopReason.INTERRUPTED);
            }
            return 0L;
        }

        RuntimeException finalFailure(Throwable failure, StopReason reason) {
            String after = " after " + made + (made == 1 ? " attempt" : " attempts")
                    + (reason == StopReason.DEADLINE ? " (the next retry would pass the "
                            + settings.timeouts().call().toSeconds() + " s call deadline)" : "");
            if (failure instanceof ConnectorServiceException service) {
                if (redelivered()) {
                    LOG.debug("{} failed{}: HTTP {} (request id {})", what, after, service.statusCode(),
                            service.requestId().orElse(NO_REQUEST_ID));
                } else {
                    LOG.warn("{} failed{}: HTTP {} (request id {})", what, after, service.statusCode(),
                            service.requestId().orElse(NO_REQUEST_ID));
                }
                return service;
            }
            if (failure instanceof TransportFailure transportFailure) {
                boolean interrupted = reason == StopReason.INTERRUPTED || Thread.currentThread().isInterrupted();
                if (redelivered()) {
                    LOG.debug("{} failed{}: {}", what, after, describe(transportFailure));
                } else {
                    LOG.warn("{} failed{}: {}", what, after, describe(transportFailure));
                }
                return new ConnectorClientException(what + " got no usable reply from " + host() + after + ": "
                        + describe(transportFailure) + (interrupted ? "; the thread was interrupted."
                        : ". Check the network, the proxy and the endpoint; the call can be repeated later."),
                        transportFailure.io(), !interrupted);
            }
            if (failure instanceof CallNotPermittedException open) {
                if (call.gate() == null) {
                    LOG.warn("{} refused without a request: the circuit breaker of {} is open", what,
                            open.getCausingCircuitBreakerName());
                } else {
                    LOG.debug("{} refused without a request: the circuit breaker of {} is open", what,
                            open.getCausingCircuitBreakerName());
                }
                return new ConnectorClientException(what + " was not sent: the gateway endpoint "
                        + open.getCausingCircuitBreakerName() + " at " + host() + " failed repeatedly, so calls to it "
                        + "are refused for " + settings.breaker().openDuration().toSeconds() + " s to let it "
                        + "recover (circuit breaker open). Try again later.", open, true);
            }
            if (failure instanceof ConnectorException connector) {
                LOG.warn("{} failed{}: {}", what, after, connector.getClass().getSimpleName());
                return connector;
            }
            return failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Unexpected failure of " + what, failure);
        }

        /**
         * Whether the caller paces the call and delivers it again itself (a gate and no retries: a catalog batch on a
         * shared runtime), so that a failed attempt is its to report, not a final failure.
         */
        private boolean redelivered() {
            return call.gate() != null && call.retryPolicy() == RetryPolicy.NONE;
        }

        private TransportRequest request(Map<String, String> authHeaders) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            authHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
            headers.put("User-Agent", List.of(settings.userAgent()));
            headers.put("Accept", List.of("application/json"));
            if (call.body().length > 0 || call.method().equals("POST") || call.method().equals("PUT")) {
                headers.put("Content-Type", List.of("application/json"));
            }
            call.extraHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
            URI uri = settings.endpoint().resolve(stripSlash(call.path()));
            return new TransportRequest(call.method(), uri, headers, call.body());
        }

        private String describe(TransportFailure failure) {
            if (failure.isTimeout()) {
                return "no complete reply within the attempt timeout ("
                        + settings.timeouts().attempt().toMillis() + " ms)";
            }
            String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
            return "the connection failed (" + failure.io().getClass().getSimpleName()
                    + (message.length() > MAX_CAUSE ? message.substring(0, MAX_CAUSE) + "..." : message) + ")";
        }

        private String summary(Throwable failure) {
            if (failure instanceof ConnectorServiceException service) {
                return "HTTP " + service.statusCode() + service.requestId().map(id -> ", request id " + id).orElse("");
            }
            if (failure instanceof TransportFailure transportFailure) {
                return describe(transportFailure);
            }
            return failure == null ? "no failure" : failure.getClass().getSimpleName();
        }

        private String host() {
            return settings.endpoint().getScheme() + "://" + settings.endpoint().getAuthority();
        }
    }

    private static String orNone(String requestId) {
        return requestId == null ? NO_REQUEST_ID : requestId;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}

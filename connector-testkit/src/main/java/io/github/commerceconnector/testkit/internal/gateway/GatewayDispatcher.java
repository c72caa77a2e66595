package io.github.commerceconnector.testkit.internal.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.testkit.FakeCall;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.FeedResult;
import io.github.commerceconnector.testkit.NetworkFault;
import io.github.commerceconnector.testkit.RecordedRequest;
import io.github.commerceconnector.testkit.internal.account.AccountError;
import io.github.commerceconnector.testkit.internal.account.AccountState;
import io.github.commerceconnector.testkit.internal.fake.FakeRuntime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one HTTP request into what the fake gateway does: authentication, then the route, then an
 * injected failure if one matches, then (for feeds) sink mode and the rate limit, then the account
 * operation. Every request is counted; all but sink-mode feed requests are kept in the request log
 * with their decoded body. Thread-safe.
 */
public final class GatewayDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayDispatcher.class);

    private final FakeRuntime runtime;
    private final AccountState account;
    private final GatewaySettings settings;
    private final RequestLog log;
    private final SignatureVerifier verifier;
    private final DataSpaceRateLimiter limiter;
    private final RetryAfterWindows windows = new RetryAfterWindows();
    private final AtomicLong insideWindows = new AtomicLong();
    private final FeedConcurrency concurrency = new FeedConcurrency();
    private volatile ChaosRun chaos;

    /** Creates a dispatcher over a fake account. */
    public GatewayDispatcher(FakeRuntime runtime, GatewaySettings settings, RequestLog log) {
        this.runtime = runtime;
        this.account = runtime.account();
        this.settings = settings;
        this.log = log;
        this.verifier = new SignatureVerifier(account, Clock.offset(runtime.clock(), settings.clockAhead()),
                settings.clockSkew());
        this.limiter = new DataSpaceRateLimiter(settings.rateLimit(), runtime.clock());
        this.chaos = new ChaosRun(settings.feedChaos());
    }

    /** Forgets the rate limiter's buckets and the {@code Retry-After} windows; restarts the feed chaos. */
    public void reset() {
        limiter.reset();
        windows.reset();
        insideWindows.set(0);
        concurrency.reset();
        chaos = new ChaosRun(settings.feedChaos());
    }

    /** Feed requests that arrived inside a running {@code Retry-After} window of their data space. */
    public long requestsInsideRetryAfter() {
        return insideWindows.get();
    }

    /** The most feed requests in flight at once, per data space that received any. */
    public Map<String, Integer> maxConcurrentFeedRequests() {
        return concurrency.maxima();
    }

    /**
     * Handles a request and carries out what was decided, counting a feed request in flight for its data space
     * from its arrival until the carrier returns.
     *
     * @return what the carrier returns
     */
    boolean serve(WireRequest request, Carrier carrier) throws IOException {
        Route route = Route.match(request.method(), request.path(), account);
        String feedDataSpace = route != null && route.operation() == FakeOperation.SEND_FEED ? route.dataSpaceId()
                : null;
        concurrency.enter(feedDataSpace);
        try {
            return carrier.carryOut(handle(request));
        } finally {
            concurrency.exit(feedDataSpace);
        }
    }

    /** Carries out a {@link GatewayAction} on the connection; returns whether the connection stays open. */
    interface Carrier {
        boolean carryOut(GatewayAction action) throws IOException;
    }

    GatewayAction handle(WireRequest request) {
        Instant at = runtime.clock().instant();
        String requestId = UUID.randomUUID().toString();
        log.count(request.body().length);
        Route route = Route.match(request.method(), request.path(), account);
        boolean sinkFeed = settings.sink() && route != null && route.operation() == FakeOperation.SEND_FEED;
        Decoded body = sinkFeed ? Decoded.NOT_DECODED : decode(request);
        boolean feedRequest = route != null && route.operation() == FakeOperation.SEND_FEED;
        boolean insideWindow = feedRequest && windows.inside(route.dataSpaceId(), at);
        if (insideWindow) {
            insideWindows.incrementAndGet();
            LOG.warn("Fake gateway: a feed request to data space {} arrived inside a running Retry-After window",
                    route.dataSpaceId());
        }
        GatewayAction action = dispatch(request, route, body, requestId, at);
        if (feedRequest) {
            openWindowIfThrottled(route.dataSpaceId(), action);
        }
        if (!sinkFeed) {
            log.add(record(request, body, action, requestId, at, insideWindow));
        }
        LOG.debug("Fake gateway: {} /{} -> {}", request.method(), request.path(), action);
        return action;
    }

    private GatewayAction dispatch(WireRequest request, Route route, Decoded body, String requestId, Instant at) {
        SignatureVerifier.Outcome auth = verifier.verify(request.header("x-api-key"), request.header("x-gw-signature"));
        if (auth == SignatureVerifier.Outcome.UNKNOWN_CLIENT) {
            return reply(WireReply.json(403, requestId, RegistryJson.invalidClient()));
        }
        if (auth == SignatureVerifier.Outcome.INVALID_JWT) {
            return reply(WireReply.json(401, requestId, RegistryJson.invalidJwt()));
        }
        if (route == null) {
            boolean otherMethod = Route.servedWithOtherMethod(request.method(), request.path(), account);
            return reply(error(otherMethod ? 405 : 404, (otherMethod ? "Method " + request.method()
                    + " is not allowed on /" : "Route not found: /") + request.path(), requestId));
        }
        FakeCall call = route.toCall(request.method(), request.path(), at);
        runtime.calls().add(call);
        Optional<Fault> fault = runtime.faults().take(call);
        if (fault.isPresent()) {
            return injected(fault.get(), route, body, requestId);
        }
        if (route.operation() == FakeOperation.SEND_FEED) {
            return feedRequest(route, body, requestId);
        }
        return reply(process(route, body, requestId));
    }

    private void openWindowIfThrottled(String dataSpaceId, GatewayAction action) {
        if (action instanceof GatewayAction.Reply reply && reply.reply().status() == 429) {
            String retryAfter = reply.reply().headers().get("Retry-After");
            if (retryAfter != null && retryAfter.chars().allMatch(Character::isDigit)) {
                windows.open(dataSpaceId, runtime.clock().instant(), Duration.ofSeconds(Long.parseLong(retryAfter)));
            }
        }
    }

    /** The rate limit, then the feed chaos, then the account: what a feed request that passed auth gets. */
    private GatewayAction feedRequest(Route route, Decoded body, String requestId) {
        if (settings.sink()) {
            return reply(WireReply.json(200, requestId, RegistryJson.empty()));
        }
        Duration wait = limiter.acquire(route.dataSpaceId());
        if (!wait.isZero()) {
            long seconds = settings.retryAfter() != null ? Math.max(1, settings.retryAfter().toSeconds())
                    : Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
            return reply(throttled(seconds, requestId));
        }
        int fate = chaos.next();
        if (fate == ChaosRun.RESET_AFTER_APPLYING) {
            process(route, body, requestId);
            return new GatewayAction.Fail(NetworkFault.RESET_AFTER_APPLYING);
        }
        if (fate != ChaosRun.NONE) {
            WireReply failed = error(fate, "The gateway failed this request (FakeGateway feed chaos): try again",
                    requestId);
            String retryAfter = settings.feedChaos().throttledRetryAfter();
            return reply(fate == 429 && retryAfter != null ? failed.withHeader("Retry-After", retryAfter) : failed);
        }
        return reply(process(route, body, requestId));
    }

    private GatewayAction injected(Fault fault, Route route, Decoded body, String requestId) {
        if (fault instanceof Fault.Status) {
            Fault.Status status = (Fault.Status) fault;
            return reply(error(status.status(), status.message(), requestId));
        }
        if (fault instanceof Fault.Throttle) {
            return reply(throttled(((Fault.Throttle) fault).retryAfterSeconds(), requestId));
        }
        if (fault instanceof Fault.Timeout) {
            Duration hold = ((Fault.Timeout) fault).hold();
            return new GatewayAction.Hang(hold == null ? settings.hangLimit() : hold);
        }
        Fault.Network network = (Fault.Network) fault;
        if (network.fault() == NetworkFault.SLOW_BODY) {
            return new GatewayAction.Reply(process(route, body, requestId),
                    network.duration() == null ? settings.slowBodyDuration() : network.duration());
        }
        if (network.fault() == NetworkFault.DROP_AFTER_REQUEST
                || network.fault() == NetworkFault.RESET_AFTER_APPLYING) {
            process(route, body, requestId);
        }
        return new GatewayAction.Fail(network.fault());
    }

    private WireReply process(Route route, Decoded body, String requestId) {
        try {
            if (route.operation() == FakeOperation.SEND_FEED) {
                return feed(route, body, requestId);
            }
            return WireReply.json(200, requestId, registry(route, body));
        } catch (AccountError refused) {
            WireReply reply = error(refused.status(), refused.getMessage(), requestId);
            return refused.retryAfter() == null ? reply
                    : reply.withHeader("Retry-After", String.valueOf(Math.max(1, refused.retryAfter().toSeconds())));
        }
    }

    private WireReply feed(Route route, Decoded body, String requestId) {
        if (settings.sink()) {
            return WireReply.json(200, requestId, RegistryJson.empty());
        }
        Object json = body.json();
        if (!(json instanceof List<?>)) {
            throw AccountError.badRequest("The body of a feed request must be a JSON array of feed items");
        }
        FeedResult result = account.acceptFeed(route.dataSpaceId(), route.feedRoute(), (List<?>) json);
        return WireReply.json(200, requestId, RegistryJson.feedReply(result));
    }

    private byte[] registry(Route route, Decoded body) {
        switch (route.operation()) {
            case PING:
                return RegistryJson.empty();
            case LIST_REGISTRY:
                return RegistryJson.results(account.projects());
            case GET_PROJECT:
                return RegistryJson.projectWithStatus(account.requireProject(route.projectId()));
            case RENAME_PROJECT:
                return RegistryJson.results(List.of(account.renameProject(route.projectId(),
                        body.stringField("projectName"))));
            case CREATE_PROJECT:
                return RegistryJson.results(List.of(account.createProject(body.stringField("projectName"))));
            case GET_DATA_SPACE:
                return recordOf(account.requireDataSpace(route.dataSpaceId()));
            case RENAME_DATA_SPACE:
                return recordOf(account.renameDataSpace(route.dataSpaceId(), body.stringField("environmentName")));
            case CLEANUP:
                account.cleanup(route.dataSpaceId());
                return RegistryJson.empty();
            case ASSIGN_CLOUD_ID:
                account.assignCloudId(route.dataSpaceId(), route.cloudId());
                return RegistryJson.empty();
            default:
                throw new IllegalStateException("No registry operation " + route.operation());
        }
    }

    private byte[] recordOf(DataSpace dataSpace) {
        return RegistryJson.record(account.requireProject(dataSpace.projectId()), dataSpace.id());
    }

    private static GatewayAction reply(WireReply reply) {
        return new GatewayAction.Reply(reply, null);
    }

    private static WireReply error(int status, String message, String requestId) {
        return WireReply.json(status, requestId, RegistryJson.error(status, message, requestId));
    }

    private static WireReply throttled(long retryAfterSeconds, String requestId) {
        return error(429, "Too many requests: this data space accepts about 2 feed requests a second; retry after "
                + retryAfterSeconds + " s", requestId).withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    private RecordedRequest record(WireRequest request, Decoded body, GatewayAction action, String requestId,
            Instant at, boolean insideWindow) {
        int status = -1;
        NetworkFault fault = null;
        if (action instanceof GatewayAction.Reply) {
            GatewayAction.Reply reply = (GatewayAction.Reply) action;
            status = reply.reply().status();
            fault = reply.dribble() == null ? null : NetworkFault.SLOW_BODY;
        } else if (action instanceof GatewayAction.Fail) {
            fault = ((GatewayAction.Fail) action).fault();
        }
        return new RecordedRequest(at, request.method(), request.path(), request.query(), request.headers(),
                request.body(), body.bytes(), status, fault, status < 0 ? null : requestId, insideWindow);
    }

    private static Decoded decode(WireRequest request) {
        String encoding = request.header("content-encoding");
        String normalized = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals("identity") || normalized.isEmpty()) {
            return new Decoded(request.body(), null);
        }
        if (!normalized.equals("gzip") && !normalized.equals("x-gzip")) {
            return new Decoded(null, new AccountError(415, "Content-Encoding " + encoding
                    + " is not supported: send gzip or no encoding"));
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()))) {
            return new Decoded(in.readAllBytes(), null);
        } catch (IOException notGzip) {
            return new Decoded(null, AccountError.badRequest("The body is marked Content-Encoding: gzip but is "
                    + "not valid gzip"));
        }
    }

    /** A request body after content decoding, or why it could not be decoded. */
    private static final class Decoded {
        static final Decoded NOT_DECODED = new Decoded(null, null);

        private final byte[] bytes;
        private final AccountError failure;

        private Decoded(byte[] bytes, AccountError failure) {
            this.bytes = bytes;
            this.failure = failure;
        }

        byte[] bytes() {
            return bytes;
        }

        Object json() {
            if (failure != null) {
                throw failure;
            }
            if (bytes == null || bytes.length == 0) {
                throw AccountError.badRequest("The request has no body: send JSON");
            }
            try {
                return RegistryJson.MAPPER.readValue(bytes, Object.class);
            } catch (JsonProcessingException notJson) {
                throw AccountError.badRequest("The body is not valid JSON ("
                        + (notJson.getLocation() == null ? "unreadable" : "line " + notJson.getLocation().getLineNr()
                                + ", column " + notJson.getLocation().getColumnNr()) + ")");
            } catch (IOException unreadable) {
                throw AccountError.badRequest("The body could not be read as JSON");
            }
        }

        String stringField(String field) {
            Object json = json();
            Object value = json instanceof Map<?, ?> ? ((Map<?, ?>) json).get(field) : null;
            if (!(value instanceof String)) {
                throw AccountError.badRequest("The body must be a JSON object with a string field " + field);
            }
            return (String) value;
        }
    }
}

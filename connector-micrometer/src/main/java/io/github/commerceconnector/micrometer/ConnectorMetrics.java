package io.github.commerceconnector.micrometer;

/**
 * The names of the connector's observations and meters, and of their tags. Tag values are bounded: operations
 * and outcomes come from fixed sets, feeds and data spaces from the account, client names from the application;
 * no value is ever a secret.
 */
public final class ConnectorMetrics {
    /**
     * One observation per gateway request (each attempt), a timer as metric and a span as trace. Tags:
     * {@value #OPERATION}, {@value #FEED}, {@value #DATA_SPACE}, {@value #STATUS_CLASS}, {@value #ATTEMPT}.
     */
    public static final String REQUESTS = "commerce.connector.requests";
    /** One observation per catalog call, a timer as metric and a span as trace. Tags: feed, data space, outcome. */
    public static final String SYNC = "commerce.connector.sync";
    /** Counter of a catalog call's items, tagged with feed, data space and {@value #RESULT}. */
    public static final String SYNC_ITEMS = "commerce.connector.sync.items";
    /** Counter of request body bytes sent by catalog calls (compressed, as on the wire), per feed and data space. */
    public static final String SYNC_BYTES = "commerce.connector.sync.bytes";
    /** Counter of the times a catalog call started waiting, tagged with feed, data space and {@value #REASON}. */
    public static final String SYNC_WAITS = "commerce.connector.sync.waits";
    /** Timer of how long catalog calls waited before the gateway accepted a request again, per feed and data space. */
    public static final String SYNC_WAITED = "commerce.connector.sync.waited";
    /**
     * Gauge of the rate a data space's limiter lets requests out at, in requests per second (0: no limit); tagged
     * with {@value #CLIENT} and {@value #DATA_SPACE}.
     */
    public static final String LIMITER_RATE = "commerce.connector.limiter.rate";
    /**
     * Gauge of an endpoint's circuit breaker: 0 closed, 1 half open, 2 open; tagged with {@value #CLIENT} and
     * {@value #ENDPOINT}.
     */
    public static final String BREAKER_STATE = "commerce.connector.breaker.state";
    /** Gauge of the items read and queued for the gateway whose outcome is not recorded yet, per {@value #CLIENT}. */
    public static final String ITEMS_IN_FLIGHT = "commerce.connector.items.in.flight";

    /** What a request does: {@code feeds.send}, {@code projects.list}, ... */
    public static final String OPERATION = "operation";
    /** The feed's name, or {@code none}. */
    public static final String FEED = "feed";
    /** The data space's id, or {@code none}. */
    public static final String DATA_SPACE = "data.space";
    /** {@code 2xx}, {@code 4xx}, {@code 5xx}, ..., or {@code none} when no reply came. */
    public static final String STATUS_CLASS = "status.class";
    /** {@code 1} for a call's first attempt, {@code 2}, {@code 3}, {@code 4}, then {@code 5+}. */
    public static final String ATTEMPT = "attempt";
    /** How a catalog call ended: {@code complete}, {@code stopped} (its report says why) or {@code failed}. */
    public static final String OUTCOME = "outcome";
    /** {@code read}, {@code sent}, {@code unchanged}, {@code rejected}, {@code retryable} or {@code deleted}. */
    public static final String RESULT = "result";
    /** Why a catalog call waits: {@code throttled}, {@code endpoint.failing} or {@code breaker.open}. */
    public static final String REASON = "reason";
    /** A gateway endpoint, e.g. {@code feeds/catalog/v2}. */
    public static final String ENDPOINT = "endpoint";
    /**
     * The name of the client a gauge reads, given to its observer ({@code default} unless named), e.g. {@code
     * sandbox} and {@code production} for two clients on one registry. Only the gauges carry it.
     */
    public static final String CLIENT = "client";

    private ConnectorMetrics() {
    }
}

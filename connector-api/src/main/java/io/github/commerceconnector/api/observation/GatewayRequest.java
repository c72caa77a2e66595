package io.github.commerceconnector.api.observation;

import java.util.Objects;

/**
 * One request to the gateway as an observer sees it: what it is for, never what it carries.
 *
 * @param operation   what the request does, from a fixed set: {@code keys.check}, {@code projects.list},
 *                    {@code projects.get}, {@code projects.create}, {@code projects.rename}, {@code dataspaces.get},
 *                    {@code dataspaces.rename}, {@code dataspaces.cleanup}, {@code dataspaces.ims-organization},
 *                    {@code feeds.send} or {@code other}
 * @param method      the HTTP method
 * @param feed        the feed's name for {@code feeds.send}, otherwise {@link #NONE}
 * @param dataSpaceId the data space the request is about, or {@link #NONE}
 * @param attempt     1 for a call's first attempt, 2 for its first retry, ...
 */
public record GatewayRequest(String operation, String method, String feed, String dataSpaceId, int attempt) {

    /** The value of {@link #feed} and {@link #dataSpaceId} when the request has none. */
    public static final String NONE = "none";

    /** Checks the values. */
    public GatewayRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(dataSpaceId, "dataSpaceId");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is " + attempt + ": it counts from 1");
        }
    }
}

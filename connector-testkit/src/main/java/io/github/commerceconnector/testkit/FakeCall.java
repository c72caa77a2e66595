package io.github.commerceconnector.testkit;

import io.github.commerceconnector.api.catalog.Feed;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call that reached a fake Commerce Services account, through an in-memory client of
 * {@link FakeCommerceServices} or over HTTP through a {@link FakeGateway}. In-memory calls carry the
 * method and path the real HTTP client would have used, so one failure-injection predicate matches
 * both. Holds no secret.
 *
 * @param operation   what was asked
 * @param method      the HTTP method, e.g. {@code POST}
 * @param path        the path relative to the gateway base URL, without a leading {@code /}
 * @param projectId   the project named in the path, or {@code null}
 * @param dataSpaceId the data space (registry environment) named in the path, or {@code null}
 * @param feedRoute   the feed route of a {@link FakeOperation#SEND_FEED}, or {@code null}
 * @param via         whether it came through an in-memory client or the fake gateway
 * @param at          when it arrived, by the account's clock
 */
public record FakeCall(FakeOperation operation, String method, String path, String projectId, String dataSpaceId,
        String feedRoute, Via via, Instant at) {

    /** Checks the required fields. */
    public FakeCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(at, "at");
    }

    /** Whether this call is the given operation. */
    public boolean is(FakeOperation expected) {
        return operation == expected;
    }

    /** Whether this call sends items of the given feed (matched by its route). */
    public boolean isFeed(Feed feed) {
        return operation == FakeOperation.SEND_FEED && feed.route().equals(feedRoute);
    }

    /** Whether this call names the given data space. */
    public boolean targets(String expectedDataSpaceId) {
        return expectedDataSpaceId != null && expectedDataSpaceId.equals(dataSpaceId);
    }

    /** The data space named in the path, if any. */
    public Optional<String> dataSpace() {
        return Optional.ofNullable(dataSpaceId);
    }

    /** How a call reached the fake account. */
    public enum Via {
        /** Through an in-memory client of {@link FakeCommerceServices}. */
        IN_MEMORY,
        /** Over HTTP through a {@link FakeGateway}. */
        GATEWAY
    }
}

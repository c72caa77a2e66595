package io.github.commerceconnector.testkit.internal.fake;

import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConflictException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.exception.ThrottledException;
import io.github.commerceconnector.testkit.NetworkFault;
import io.github.commerceconnector.testkit.internal.account.HttpStatusTexts;
import java.time.Duration;

/** The exceptions the real HTTP client throws for a gateway status or a transport failure. */
public final class ServiceErrors {

    private ServiceErrors() {
    }

    /** The exception for an error status: authentication, not found, conflict, throttled or generic. */
    public static ConnectorServiceException forStatus(int status, String message, String requestId,
            Duration retryAfter) {
        String code = HttpStatusTexts.of(status);
        switch (status) {
            case 401:
            case 403:
                return new AuthenticationException(message + ". Check the environment's API key id and that the "
                        + "private key belongs to it.", status, requestId, code, retryAfter);
            case 404:
                return new NotFoundException(message, status, requestId, code, retryAfter);
            case 409:
                return new ConflictException(message, status, requestId, code, retryAfter);
            case 429:
                return new ThrottledException(message, status, requestId, code, retryAfter);
            default:
                return new ConnectorServiceException(message, status, requestId, code, retryAfter);
        }
    }

    /** The retryable client exception for a transport failure. */
    public static ConnectorClientException forNetworkFault(NetworkFault fault) {
        return new ConnectorClientException("The gateway connection failed (" + describe(fault)
                + "): the outcome is unknown; check the state before repeating a create, retry otherwise.",
                null, true);
    }

    /** The retryable client exception for a call that got no reply in time. */
    public static ConnectorClientException forTimeout() {
        return new ConnectorClientException("The gateway did not answer in time: retry later.", null, true);
    }

    private static String describe(NetworkFault fault) {
        switch (fault) {
            case CONNECTION_RESET:
                return "connection reset";
            case DROP_AFTER_REQUEST:
                return "connection closed after the request was sent";
            case RESET_AFTER_APPLYING:
                return "connection reset after the request was sent";
            case EMPTY_REPLY:
                return "empty reply";
            case GARBAGE_THEN_CLOSE:
                return "malformed reply";
            case MALFORMED_CHUNK:
                return "malformed chunked reply";
            default:
                return fault.name();
        }
    }
}

package io.github.commerceconnector.core.internal.http;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConflictException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.exception.ThrottledException;
import io.github.commerceconnector.api.spi.TransportResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns a gateway error reply into the matching exception of {@code io.github.commerceconnector.api.exception}.
 * A reply saying the keys are not valid ({@code "JWT is invalid"}, {@code "Client ID is invalid"}) is an
 * authentication failure whatever its status.
 */
public final class GatewayErrors {
    /** The advice for a refusal when requests are signed with the environment's key pair. */
    public static final String KEY_PAIR_ADVICE = "check the environment's API key and private key. They must be the "
            + "pair shown together for this environment on the Commerce Services Connector page of the license "
            + "owner's Adobe account.";

    private final Environment environment;
    private final String credentialAdvice;

    /**
     * Creates the mapper.
     *
     * @param environment      the environment whose credentials sign the requests
     * @param credentialAdvice what to check when the gateway refuses them, e.g. {@link #KEY_PAIR_ADVICE}
     */
    public GatewayErrors(Environment environment, String credentialAdvice) {
        this.environment = environment;
        this.credentialAdvice = credentialAdvice;
    }

    /**
     * The exception for a reply that is not {@code 2xx}.
     *
     * @param call     what was sent, named in the message
     * @param response the reply
     * @param now      the current time, for a {@code Retry-After} date
     */
    public ConnectorServiceException toException(GatewayCall call, TransportResponse response, Instant now) {
        ReplyDetails details = ReplyDetails.of(response);
        int status = response.statusCode();
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), now).orElse(null);
        String what = call.method() + " " + call.path();
        String said = details.message() == null ? "" : " (\"" + details.message() + "\")";
        if (status == 401 || status == 403 || saysKeysInvalid(details.message())) {
            return new AuthenticationException("The gateway refused the " + environment.wireName() + " credentials on "
                    + what + said + ": " + credentialAdvice, status, details.requestId(), details.errorCode(),
                    retryAfter);
        }
        if (status == 404) {
            return new NotFoundException("Not found: " + what + said + ". Check the id: the keys only see the "
                    + "projects and data spaces of their own license.", status, details.requestId(),
                    details.errorCode(), retryAfter);
        }
        if (status == 409) {
            return new ConflictException("The gateway refused " + what + " as a conflict" + said + ": the name is "
                    + "already in use, or the license's allowance is used up.", status, details.requestId(),
                    details.errorCode(), retryAfter);
        }
        if (status == 429) {
            return new ThrottledException("The gateway is rate-limiting this client on " + what + said
                    + ": send fewer requests per second" + (retryAfter == null ? "" : " and wait "
                    + retryAfter.toSeconds() + " s") + ".", status, details.requestId(), details.errorCode(),
                    retryAfter);
        }
        if (status >= 500 || status == 408) {
            return new ConnectorServiceException("The gateway failed on " + what + said + ": a server-side error; "
                    + "trying again later may help.", status, details.requestId(), details.errorCode(), retryAfter);
        }
        return new ConnectorServiceException("The gateway refused " + what + said + ".", status, details.requestId(),
                details.errorCode(), retryAfter);
    }

    /** Whether a gateway message is one of the known "keys not valid" answers. */
    static boolean saysKeysInvalid(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("jwt is invalid") || lower.contains("client id is invalid");
    }
}

package io.github.commerceconnector.testkit.internal.fake;

import io.github.commerceconnector.testkit.FakeCall;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.NetworkFault;
import io.github.commerceconnector.testkit.internal.account.AccountError;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where every in-memory client call meets the account: it logs the call, applies an injected failure
 * if one matches, and otherwise runs the call, turning an {@link AccountError} into the exception the
 * real HTTP client would throw for that status. A catalog fake goes through the same gate.
 */
public final class CallGate {
    private final CallLog log;
    private final FaultRules faults;
    private final Clock clock;
    private volatile boolean closed;

    /** Creates a gate over a log, the injected failures and the account clock. */
    public CallGate(CallLog log, FaultRules faults, Clock clock) {
        this.log = log;
        this.faults = faults;
        this.clock = clock;
    }

    /** Refuses every later call: the client was closed. */
    public void close() {
        closed = true;
    }

    /**
     * Makes one call.
     *
     * @param operation   the gateway operation it stands for
     * @param method      the HTTP method the real client would use
     * @param path        the path the real client would use, relative to the gateway base URL
     * @param projectId   the project named in the path, or {@code null}
     * @param dataSpaceId the data space named in the path, or {@code null}
     * @param feedRoute   the feed route of a feed call, or {@code null}
     * @param action      what the account does
     * @return the action's result
     * @throws IllegalStateException after {@link #close()}
     */
    public <T> T call(FakeOperation operation, String method, String path, String projectId, String dataSpaceId,
            String feedRoute, Supplier<T> action) {
        if (closed) {
            throw new IllegalStateException("This FakeCommerceServices is closed: build a new one");
        }
        FakeCall call = new FakeCall(operation, method, path, projectId, dataSpaceId, feedRoute,
                FakeCall.Via.IN_MEMORY, clock.instant());
        log.add(call);
        String requestId = UUID.randomUUID().toString();
        Optional<Fault> fault = faults.take(call);
        if (fault.isPresent()) {
            return failOrRun(fault.get(), requestId, action);
        }
        return run(requestId, action);
    }

    private <T> T failOrRun(Fault fault, String requestId, Supplier<T> action) {
        if (fault instanceof Fault.Status) {
            Fault.Status status = (Fault.Status) fault;
            throw ServiceErrors.forStatus(status.status(), status.message(), requestId, null);
        }
        if (fault instanceof Fault.Throttle) {
            Fault.Throttle throttle = (Fault.Throttle) fault;
            throw ServiceErrors.forStatus(429, "Too many requests: the gateway's rate limit was reached", requestId,
                    Duration.ofSeconds(throttle.retryAfterSeconds()));
        }
        if (fault instanceof Fault.Timeout) {
            throw ServiceErrors.forTimeout();
        }
        NetworkFault network = ((Fault.Network) fault).fault();
        if (network == NetworkFault.SLOW_BODY) {
            return run(requestId, action);
        }
        if (network == NetworkFault.DROP_AFTER_REQUEST || network == NetworkFault.RESET_AFTER_APPLYING) {
            try {
                action.get();
            } catch (AccountError refusedAnyway) {
                throw ServiceErrors.forNetworkFault(network);
            }
        }
        throw ServiceErrors.forNetworkFault(network);
    }

    private static <T> T run(String requestId, Supplier<T> action) {
        try {
            return action.get();
        } catch (AccountError error) {
            throw ServiceErrors.forStatus(error.status(), error.getMessage(), requestId, error.retryAfter());
        }
    }
}

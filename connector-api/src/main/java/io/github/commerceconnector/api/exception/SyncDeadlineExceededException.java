package io.github.commerceconnector.api.exception;

import io.github.commerceconnector.api.catalog.SyncReport;
import java.time.Duration;
import java.util.Objects;

/**
 * A catalog call ended because the gateway failed its requests continuously for longer than the sync deadline
 * ({@code CatalogSyncSettings.syncDeadline} in the default client): throttled without end, failing, or behind an
 * open circuit breaker. Nothing is lost: every item in flight whose request was not confirmed is kept retryable, so
 * {@code retryFailed} or the next sync sends it; the items read but not sent yet are not counted as processed, and
 * the next sync sends them. {@link #report()} says what the call did before it ended.
 */
public class SyncDeadlineExceededException extends ConnectorClientException {
    private static final long serialVersionUID = 1L;

    private final transient SyncReport report;
    private final Duration failingFor;

    /**
     * Creates the exception.
     *
     * @param message    what happened and what to do next
     * @param cause      the last failure the gateway answered with
     * @param report     what the call did before it ended
     * @param failingFor how long the gateway had failed without a single success
     */
    public SyncDeadlineExceededException(String message, Throwable cause, SyncReport report, Duration failingFor) {
        super(message, cause, true);
        this.report = Objects.requireNonNull(report, "report");
        this.failingFor = Objects.requireNonNull(failingFor, "failingFor");
    }

    /** What the call did before it ended; its {@code stopReason} says why it ended. */
    public SyncReport report() {
        return report;
    }

    /** How long the gateway had failed the call without a single success when it ended. */
    public Duration failingFor() {
        return failingFor;
    }
}

package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.exception.ConnectorException;
import java.time.Duration;

/**
 * A sender gave up: the gateway failed the call continuously for longer than the sync deadline. Lives between
 * the {@link FeedSender} and its {@link SyncRun}, which turns it, with the report, into the public
 * {@code SyncDeadlineExceededException}.
 */
final class PatienceExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SyncWait.Reason reason;
    private final Duration failingFor;

    PatienceExhausted(SyncWait.Reason reason, Duration failingFor, ConnectorException lastFailure) {
        super(lastFailure.getMessage(), lastFailure, false, false);
        this.reason = reason;
        this.failingFor = failingFor;
    }

    /** Why the last delivery had to wait. */
    SyncWait.Reason reason() {
        return reason;
    }

    /** How long the gateway had failed without a success. */
    Duration failingFor() {
        return failingFor;
    }

    /** The gateway's last failure. */
    ConnectorException lastFailure() {
        return (ConnectorException) getCause();
    }
}

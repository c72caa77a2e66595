package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.observation.SyncObservation;
import java.time.Duration;

/**
 * The caller's listener and the observer's, told the same things in that order. The observer's is told even when
 * the caller's throws, so a call's observation always ends.
 */
final class BothListeners implements SyncListener {
    private final SyncListener caller;
    private final SyncObservation observation;

    BothListeners(SyncListener caller, SyncObservation observation) {
        this.caller = caller == null ? SyncListener.NONE : caller;
        this.observation = observation;
    }

    @Override
    public void progress(SyncProgress progress) {
        try {
            caller.progress(progress);
        } finally {
            observation.progress(progress);
        }
    }

    @Override
    public void waiting(SyncWait wait) {
        try {
            caller.waiting(wait);
        } finally {
            observation.waiting(wait);
        }
    }

    @Override
    public void resumed(Feed feed, Duration waited) {
        try {
            caller.resumed(feed, waited);
        } finally {
            observation.resumed(feed, waited);
        }
    }

    @Override
    public void finished(SyncReport report) {
        try {
            caller.finished(report);
        } finally {
            observation.finished(report);
        }
    }
}

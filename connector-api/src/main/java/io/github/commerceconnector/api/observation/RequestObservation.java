package io.github.commerceconnector.api.observation;

/** Told how one gateway request ended; called once, on the thread that sent it. */
@FunctionalInterface
public interface RequestObservation {

    /** Ignores the end. */
    RequestObservation NONE = status -> { };

    /**
     * The request ended.
     *
     * @param status the HTTP status of the reply, or {@code -1} when no reply came (a reset, a timeout)
     */
    void finished(int status);
}

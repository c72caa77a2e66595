package io.github.commerceconnector.core.internal.catalog;

import java.util.List;

/**
 * A {@link BatchSender} that a call run in steps drives without blocking. A batch offered when there is no room is
 * parked: the sender starts it itself as soon as a place frees (on the thread that freed it, with no queue between),
 * then wakes the call. Wake-ups may come more often than needed (a woken step checks again) but never fewer.
 */
interface SteppedSender extends BatchSender {

    /**
     * Hands a batch over, never waiting: starts it now if there is room, else parks it until there is. The caller
     * offers no other batch while one is {@linkplain #hasParked() parked}.
     *
     * @param resume run (it must not block) once a parked batch has started, or was dropped because the call stopped
     */
    void offer(List<BatchItem> batch, Runnable resume);

    /** Whether a batch offered is still waiting for its place. */
    boolean hasParked();

    /** Whether no batch of the call is parked, waiting or in flight: every outcome handed over is recorded. */
    boolean idle();

    /** Runs {@code resume} (which must not block) once the call may be {@link #idle()}. */
    void whenIdle(Runnable resume);
}

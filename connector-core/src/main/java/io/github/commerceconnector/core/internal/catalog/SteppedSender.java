package io.github.commerceconnector.core.internal.catalog;

import java.util.List;

/**
 * A {@link BatchSender} that a call run in steps drives without blocking: it offers a batch and, when there is no
 * room, asks to be woken once there may be. Wake-ups may come more often than needed (a woken step checks again)
 * but never fewer: a step that registers after the room came back is woken too.
 */
interface SteppedSender extends BatchSender {

    /**
     * Hands a batch over if there is room now, never waiting.
     *
     * @return whether the batch was taken (sent, or dropped because the call stopped); {@code false} leaves it with
     *         the caller, who offers it again after {@link #whenRoom}
     */
    boolean offer(List<BatchItem> batch);

    /** Runs {@code resume} (which must not block) once a batch's place may have come free. */
    void whenRoom(Runnable resume);

    /** Whether no batch of the call is waiting or in flight: every outcome handed over is recorded. */
    boolean idle();

    /** Runs {@code resume} (which must not block) once the call may be {@link #idle()}. */
    void whenIdle(Runnable resume);
}

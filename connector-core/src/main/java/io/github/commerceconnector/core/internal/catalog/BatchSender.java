package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.spi.StateChange;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Sends the batches of one catalog call and records each outcome in the sync state once the gateway answered;
 * bounds the batches in flight by blocking the reading thread in {@link #submit}.
 */
interface BatchSender extends AutoCloseable {

    /** The call's deliveries: its outcomes, records and stop, which every sender keeps the same way. */
    FeedDeliveries deliveries();

    /** What stopped the call, or {@code null} while it goes on. */
    default RuntimeException failure() {
        return deliveries().failure();
    }

    /** Whether the call must stop reading its input. */
    default boolean stopped() {
        return deliveries().stopped();
    }

    /**
     * Hands a batch over, waiting for room.
     *
     * @param whileWaiting called every progress interval while there is none
     * @throws InterruptedException if the reading thread is interrupted while waiting
     */
    void submit(List<BatchItem> batch, Runnable whileWaiting) throws InterruptedException;

    /**
     * Waits until every batch handed over has finished.
     *
     * @throws InterruptedException if the reading thread is interrupted while waiting
     */
    void awaitIdle(Runnable whileWaiting) throws InterruptedException;

    /**
     * Tells a listener, on the sender's thread, of each batch's outcomes once recorded (a resync's checkpoint).
     *
     * @param listener given the items and their changes, in the same order
     */
    default void onRecorded(BiConsumer<List<BatchItem>, List<StateChange>> listener) {
        deliveries().onRecorded(listener);
    }

    /** Lets the batches in flight finish and releases what the sender holds. */
    @Override
    void close();
}

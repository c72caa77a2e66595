package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.core.internal.runtime.RuntimeResources;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a stage over a stream of inputs on worker threads, in chunks, and hands the outputs to a sink on the
 * calling thread in input order. At most {@link #chunksAhead} chunks are ahead of the sink: {@link #add} blocks
 * (draining the oldest chunk into the sink) once they are, so memory stays bounded. Where the calling thread
 * would wait for the oldest chunk, it runs the chunks no worker has started yet itself, oldest first: it is one
 * of the threads preparing, and the inputs it runs are still in its processor's cache, where a worker on another
 * core would fetch each one's memory from this one's (measured: a worker's chunk costs more CPU than the same
 * chunk on the thread that made its inputs). With no worker the stage runs inline; on a shared runtime, on its
 * preparing pool, which the pipeline does not close. An exception the stage throws reaches the caller from
 * {@link #add} or {@link #finish}, as it was thrown, whichever thread ran it. Not thread-safe: one calling
 * thread.
 *
 * @param <I> the inputs
 * @param <O> the outputs
 */
final class OrderedPipeline<I, O> implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The work done per input on a worker thread; must be thread-safe. */
    @FunctionalInterface
    interface Stage<I, O> {
        /** The output for one input at a position of the stream. */
        O apply(I input, long position);

        /**
         * Adds to {@code outputs} the outputs for a chunk of inputs that follow one another, the first at
         * position {@code first}: by default {@link #apply} for each; a stage may do part of the work for the
         * chunk at once. When it throws, {@code outputs} holds the outputs of the inputs before the one that
         * failed.
         */
        default void applyAll(List<I> inputs, long first, List<O> outputs) {
            for (int i = 0; i < inputs.size(); i++) {
                outputs.add(apply(inputs.get(i), first + i));
            }
        }
    }

    /** Where the outputs go, in order, on the calling thread. */
    @FunctionalInterface
    interface Sink<O> {
        /** Takes one output. */
        void accept(O output) throws InterruptedException;

        /**
         * Takes the outputs of a chunk, in order: by default {@link #accept} for each; a sink may do part of the
         * work for the chunk at once.
         */
        default void acceptAll(List<O> outputs) throws InterruptedException {
            for (O output : outputs) {
                accept(output);
            }
        }
    }

    private final Stage<I, O> stage;
    private final Sink<O> sink;
    private final int chunkSize;
    private final int maxChunks;
    private final ExecutorService workers;
    private final RuntimeResources shared;
    private final ArrayDeque<Future<List<O>>> ahead = new ArrayDeque<>();
    private List<I> chunk;
    private long chunkStart;

    /**
     * A pipeline.
     *
     * @param name      the prefix of its thread names
     * @param workers   worker threads beside the calling thread (started as needed); 0 runs the stage inline
     * @param chunkSize inputs per task
     */
    OrderedPipeline(String name, int workers, int chunkSize, Stage<I, O> stage, Sink<O> sink) {
        if (workers < 0) {
            throw new IllegalArgumentException("Worker threads must be 0 or more, not " + workers);
        }
        this.stage = stage;
        this.sink = sink;
        this.chunkSize = chunkSize;
        this.maxChunks = chunksAhead(workers);
        this.workers = workers == 0 ? null : Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, name + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.chunk = new ArrayList<>(chunkSize);
        this.shared = null;
    }

    /**
     * A pipeline on a shared runtime's preparing pool: one chunk at a time on the pool while the calling thread
     * fills the next (the pool's threads are kept busy by the many calls sharing it, and each chunk ahead is
     * memory held per call).
     *
     * @param shared    the runtime whose preparing pool runs the stage
     * @param chunkSize inputs per task
     */
    OrderedPipeline(RuntimeResources shared, int chunkSize, Stage<I, O> stage, Sink<O> sink) {
        this.stage = stage;
        this.sink = sink;
        this.chunkSize = chunkSize;
        this.maxChunks = 1;
        this.workers = null;
        this.shared = shared;
        this.chunk = new ArrayList<>(chunkSize);
    }

    /**
     * The most chunks ahead of the sink with this many workers: two per worker and one for the calling thread, so
     * that it has a chunk of its own to run while the workers run theirs (with two in all for one worker, the
     * calling thread waited for the worker's chunk with nothing to run: an unchanged re-sync of 1,000,000 took 3.3 s
     * against 2.7 s with three). 0 without workers: the stage runs inline.
     */
    static int chunksAhead(int workers) {
        return workers == 0 ? 0 : 2 * workers + 1;
    }

    /** The number of worker threads worth using on this machine for CPU-bound work, at most {@code cap}. */
    static int availableThreads(int cap) {
        return Math.max(1, Math.min(cap, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Adds an input.
     *
     * @throws InterruptedException if interrupted while waiting for a worker
     */
    void add(I input, long position) throws InterruptedException {
        if (workers == null && shared == null) {
            sink.accept(stage.apply(input, position));
            return;
        }
        if (chunk.isEmpty()) {
            chunkStart = position;
        }
        chunk.add(input);
        if (chunk.size() >= chunkSize) {
            submit();
        }
    }

    /**
     * Hands every output still pending to the sink.
     *
     * @throws InterruptedException if interrupted while waiting for a worker
     */
    void finish() throws InterruptedException {
        if (workers == null && shared == null) {
            return;
        }
        if (!chunk.isEmpty()) {
            submit();
        }
        while (!ahead.isEmpty()) {
            drainOldest();
        }
    }

    private void submit() throws InterruptedException {
        List<I> inputs = chunk;
        long start = chunkStart;
        chunk = new ArrayList<>(chunkSize);
        while (ahead.size() >= maxChunks) {
            drainOldest();
        }
        Callable<List<O>> task = () -> {
            List<O> outputs = new ArrayList<>(inputs.size());
            stage.applyAll(inputs, start, outputs);
            return outputs;
        };
        if (shared != null) {
            ahead.add(shared.prepare(task));
        } else {
            FutureTask<List<O>> future = new FutureTask<>(task);
            workers.execute(future);
            ahead.add(future);
        }
    }

    /**
     * Runs the chunks no worker has started yet on the calling thread, oldest first, until the oldest is done. A
     * worker that takes one of them from its queue later finds it done and moves on; one a worker is running is
     * left to it ({@link FutureTask#run} runs a task once).
     */
    private void helpWithOldest() {
        Future<List<O>> oldest = ahead.peek();
        for (Future<List<O>> future : ahead) {
            if (oldest.isDone()) {
                return;
            }
            if (future instanceof FutureTask<List<O>> task && !task.isDone()) {
                task.run();
            }
        }
    }

    private void drainOldest() throws InterruptedException {
        List<O> outputs;
        if (workers != null) {
            helpWithOldest();
        }
        try {
            outputs = ahead.remove().get();
        } catch (CancellationException e) {
            throw shared != null ? shared.closedException() : e;
        } catch (ExecutionException e) {
            throw rethrown(e.getCause(), "A preparation task failed: ");
        }
        sink.acceptAll(outputs);
    }

    /**
     * Throws what a stage or a source threw as it was thrown when it is unchecked, else wrapped with a message of
     * this prefix; declared to return it so that callers can {@code throw} the call.
     */
    static RuntimeException rethrown(Throwable failure, String prefix) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(prefix + failure, failure);
    }

    /** Drops whatever is still pending and stops the workers. */
    @Override
    public void close() {
        for (Future<List<O>> future : ahead) {
            future.cancel(shared == null);
        }
        ahead.clear();
        if (workers == null) {
            return;
        }
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Item preparation threads did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

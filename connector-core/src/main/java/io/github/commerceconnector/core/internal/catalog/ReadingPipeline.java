package io.github.commerceconnector.core.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Reads a stream of inputs in chunks and runs a stage over each chunk on the thread that read it, on worker
 * threads and on the calling thread alike, then hands the outputs to a sink on the calling thread in input order.
 * Each chunk is read and prepared by one thread, so its inputs are prepared while they are still in the cache of
 * the processor that made them (a worker preparing inputs another thread read fetches each one's memory from that
 * thread's core: about 2 µs an item for a product). The source is read by one thread at a time, under a lock, so
 * that the order of the chunks is the order of the input and the source needs no thread safety of its own, only
 * to allow being called from different threads one after the other.
 *
 * <p>At most {@code 2 × workers + 1} chunks are read ahead of the sink, so memory stays bounded. The calling
 * thread drains the chunks in order; where the oldest is not ready yet, it reads and prepares the next chunk
 * itself rather than wait. An exception the source or the stage throws reaches the caller from {@link #run}, as it
 * was thrown, after the outputs of the inputs before it; nothing is read after it. Not thread-safe: one calling
 * thread.
 *
 * @param <I> the inputs
 * @param <O> the outputs
 */
final class ReadingPipeline<I, O> implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Where the inputs come from; called by one thread at a time, under the pipeline's read lock. */
    @FunctionalInterface
    interface Source<I> {
        /** The next input, or {@code null} when there is none (the input ended, or reading should stop). */
        I next();
    }

    /** The outputs of one chunk, and what stopped its reading or preparing, if anything did. */
    private record Chunk<O>(List<O> outputs, Throwable failure) {
    }

    private final Source<I> source;
    private final OrderedPipeline.Stage<I, O> stage;
    private final OrderedPipeline.Sink<O> sink;
    private final int chunkSize;
    private final int maxAhead;
    private final ExecutorService workers;
    private final ReentrantLock reading = new ReentrantLock();
    /** Guards the fields below; waited on for a chunk to be ready or room to read another. */
    private final Object lock = new Object();
    private final Object[] ready;
    private long nextChunk;
    private long drained;
    private boolean ended;
    private boolean closed;
    /** The position of the next input read; only under {@link #reading}. */
    private long position;

    /**
     * A pipeline; its workers start at once and read as soon as there is room.
     *
     * @param name      the prefix of its thread names
     * @param workers   worker threads beside the calling thread, at least 1
     * @param chunkSize inputs per chunk
     */
    ReadingPipeline(String name, int workers, int chunkSize, Source<I> source, OrderedPipeline.Stage<I, O> stage,
            OrderedPipeline.Sink<O> sink) {
        if (workers < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("A reading pipeline needs a worker and chunks of an input at least, not "
                    + workers + " workers and chunks of " + chunkSize);
        }
        this.source = source;
        this.stage = stage;
        this.sink = sink;
        this.chunkSize = chunkSize;
        this.maxAhead = OrderedPipeline.chunksAhead(workers);
        this.ready = new Object[maxAhead];
        this.workers = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, name + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workers; i++) {
            this.workers.execute(this::work);
        }
    }

    /**
     * Reads the whole input and hands every output to the sink, in input order, until the source ends; or until
     * {@code stopped} says so before a chunk, leaving the rest (the source should end then too).
     *
     * @throws InterruptedException if interrupted while waiting for a worker's chunk
     */
    void run(BooleanSupplier stopped) throws InterruptedException {
        while (!stopped.getAsBoolean()) {
            Chunk<O> chunk;
            synchronized (lock) {
                chunk = takeReady();
                if (chunk == null && ended && drained == nextChunk) {
                    return;
                }
            }
            if (chunk == null) {
                if (!readAndPrepare(true)) {
                    awaitOldest();
                }
                continue;
            }
            for (O output : chunk.outputs()) {
                sink.accept(output);
            }
            if (chunk.failure() != null) {
                throw rethrown(chunk.failure());
            }
        }
    }

    /** A worker: reads and prepares chunks while there is room ahead of the sink, until the pipeline closes. */
    private void work() {
        try {
            while (true) {
                if (!readAndPrepare(false)) {
                    synchronized (lock) {
                        while (!closed && !roomToRead()) {
                            lock.wait();
                        }
                        if (closed) {
                            return;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether another chunk may be read now. Under {@link #lock}. */
    private boolean roomToRead() {
        return !ended && nextChunk - drained < maxAhead;
    }

    /** Takes the oldest chunk if it is ready, making room for another. Under {@link #lock}. */
    @SuppressWarnings("unchecked")
    private Chunk<O> takeReady() {
        int slot = (int) (drained % maxAhead);
        Chunk<O> chunk = (Chunk<O>) ready[slot];
        if (chunk == null) {
            return null;
        }
        ready[slot] = null;
        drained++;
        lock.notifyAll();
        return chunk;
    }

    private void awaitOldest() throws InterruptedException {
        synchronized (lock) {
            while (ready[(int) (drained % maxAhead)] == null && !(ended && drained == nextChunk)) {
                lock.wait();
            }
        }
    }

    /**
     * Reads the next chunk, if there is room and input, and prepares it on this thread. For the calling thread
     * ({@code draining}), only while the oldest chunk is not ready: once it is, the sink comes first.
     *
     * @return whether a chunk was read
     */
    private boolean readAndPrepare(boolean draining) {
        reading.lock();
        long number;
        long first;
        List<I> inputs = new ArrayList<>(chunkSize);
        Throwable failure = null;
        try {
            synchronized (lock) {
                if (closed || !roomToRead() || (draining && ready[(int) (drained % maxAhead)] != null)) {
                    return false;
                }
                number = nextChunk++;
            }
            first = position;
            try {
                while (inputs.size() < chunkSize) {
                    I input = source.next();
                    if (input == null) {
                        end();
                        break;
                    }
                    inputs.add(input);
                }
            } catch (Throwable e) {
                failure = e;
                end();
            }
            position += inputs.size();
        } finally {
            reading.unlock();
        }
        List<O> outputs = List.of();
        try {
            outputs = new ArrayList<>(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                outputs.add(stage.apply(inputs.get(i), first + i));
            }
        } catch (Throwable e) {
            failure = failure == null ? e : failure;
            end();
        }
        synchronized (lock) {
            ready[(int) (number % maxAhead)] = new Chunk<>(outputs, failure);
            lock.notifyAll();
        }
        return true;
    }

    private void end() {
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("Reading or preparing the input failed: " + failure, failure);
    }

    /**
     * Drops whatever is still pending and stops the workers. A worker inside the source is not interrupted (an
     * interrupt can close the channel of a caller's database cursor): it finishes the chunk it is reading, at most
     * a minute, and reads no more.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            ended = true;
            lock.notifyAll();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                workers.shutdownNow();
                throw new IllegalStateException("Item preparation threads did not stop within a minute: the input's "
                        + "iterator did not return");
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

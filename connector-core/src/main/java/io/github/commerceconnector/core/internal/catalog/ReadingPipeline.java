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
 * to allow being called from different threads one after the other (the lock orders the calls).
 *
 * <p>At most {@code 2 × workers + 1} chunks are read ahead of the sink, so memory stays bounded. The calling
 * thread drains the chunks in order; where the oldest is not ready yet, it reads and prepares the next chunk
 * itself rather than wait. An exception the source or the stage throws reaches the caller from {@link #run}, as it
 * was thrown, after the outputs of the inputs before it; nothing is read after it. Once the pipeline is closed
 * nothing more is read: {@link #close} waits for a thread inside the source to return, without interrupting it
 * unless the calling thread was interrupted (as it would have been inside the source, were it reading). Not
 * thread-safe: one calling thread.
 *
 * @param <I> the inputs
 * @param <O> the outputs
 */
final class ReadingPipeline<I, O> implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final String FAILED = "Reading or preparing the input failed: ";

    /** Where the inputs come from; called by one thread at a time, under the pipeline's read lock. */
    @FunctionalInterface
    interface Source<I> {
        /** The next input, or {@code null} when there is none (the input ended, or reading should stop). */
        I next();
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
    /** The ready chunks by slot (chunk number modulo {@link #maxAhead}): published without allocating. */
    private final List<?>[] outputs;
    private final Throwable[] failures;
    private final boolean[] ready;
    private long nextChunk;
    private long drained;
    private boolean ended;
    /** What killed a worker outside any chunk; ends the run. */
    private Throwable broken;
    /** Set once; also read without the lock by a thread reading, to stop between two inputs. */
    private volatile boolean closed;
    /** Whether the calling thread was interrupted while running: closing then interrupts the workers too. */
    private boolean interrupted;
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
        this.outputs = new List<?>[maxAhead];
        this.failures = new Throwable[maxAhead];
        this.ready = new boolean[maxAhead];
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
     * @throws InterruptedException if interrupted while waiting for a worker's chunk or the read lock
     */
    void run(BooleanSupplier stopped) throws InterruptedException {
        try {
            while (!stopped.getAsBoolean()) {
                List<?> chunk;
                Throwable failure;
                synchronized (lock) {
                    int slot = (int) (drained % maxAhead);
                    if (!ready[slot]) {
                        if (broken != null) {
                            throw OrderedPipeline.rethrown(broken, FAILED);
                        }
                        if (ended && drained == nextChunk) {
                            return;
                        }
                        chunk = null;
                        failure = null;
                    } else {
                        chunk = outputs[slot];
                        failure = failures[slot];
                        outputs[slot] = null;
                        failures[slot] = null;
                        ready[slot] = false;
                        drained++;
                        lock.notifyAll();
                    }
                }
                if (chunk == null) {
                    if (!readAndPrepare(true)) {
                        awaitOldest();
                    }
                    continue;
                }
                drain(chunk);
                if (failure != null) {
                    throw OrderedPipeline.rethrown(failure, FAILED);
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private void drain(List<?> chunk) throws InterruptedException {
        sink.acceptAll((List<O>) chunk);
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
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                if (broken == null) {
                    broken = e;
                }
                ended = true;
                lock.notifyAll();
            }
        }
    }

    /** Whether another chunk may be read now. Under {@link #lock}. */
    private boolean roomToRead() {
        return !ended && !closed && nextChunk - drained < maxAhead;
    }

    private void awaitOldest() throws InterruptedException {
        synchronized (lock) {
            while (!ready[(int) (drained % maxAhead)] && broken == null && !(ended && drained == nextChunk)) {
                lock.wait();
            }
        }
    }

    /**
     * Reads the next chunk, if there is room and input, and prepares it on this thread. For the calling thread
     * ({@code draining}), only while the oldest chunk is not ready (once it is, the sink comes first), and its wait
     * for the read lock can be interrupted.
     *
     * @return whether a chunk was read
     */
    private boolean readAndPrepare(boolean draining) throws InterruptedException {
        List<I> inputs = new ArrayList<>(chunkSize);
        if (draining) {
            reading.lockInterruptibly();
        } else {
            reading.lock();
        }
        boolean locked = true;
        long number = -1;
        List<O> prepared = null;
        Throwable failure = null;
        try {
            synchronized (lock) {
                if (!roomToRead() || (draining && ready[(int) (drained % maxAhead)])) {
                    return false;
                }
                number = nextChunk++;
            }
            long first = position;
            failure = read(inputs);
            position += inputs.size();
            reading.unlock();
            locked = false;
            prepared = new ArrayList<>(inputs.size());
            stage.applyAll(inputs, first, prepared);
        } catch (RuntimeException | Error e) {
            if (number < 0) {
                throw e;
            }
            failure = failure == null ? e : failure;
        } finally {
            if (locked) {
                reading.unlock();
            }
            if (number >= 0) {
                publish(number, prepared, failure);
            }
        }
        return true;
    }

    /**
     * Reads up to a chunk of inputs, stopping early at the end of the input or once the pipeline is closed. Under
     * {@link #reading}.
     *
     * @return what the source threw, or {@code null}
     */
    private Throwable read(List<I> inputs) {
        try {
            while (inputs.size() < chunkSize && !closed) {
                I input = source.next();
                if (input == null) {
                    end();
                    return null;
                }
                inputs.add(input);
            }
            return null;
        } catch (RuntimeException | Error e) {
            end();
            return e;
        }
    }

    /** Publishes a chunk's outputs (or what is left of them) in its slot, allocating nothing. */
    private void publish(long number, List<O> prepared, Throwable failure) {
        synchronized (lock) {
            int slot = (int) (number % maxAhead);
            outputs[slot] = prepared == null ? List.of() : prepared;
            failures[slot] = failure;
            ready[slot] = true;
            if (failure != null) {
                ended = true;
            }
            lock.notifyAll();
        }
    }

    private void end() {
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
    }

    /**
     * Drops whatever is still pending and stops the workers. Returns once no thread is inside the source, nor can
     * enter it: a worker reading finishes the input it is reading and stops, without being interrupted (an
     * interrupt can close the channel of a caller's database cursor) unless the calling thread was interrupted.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            ended = true;
            lock.notifyAll();
        }
        if (interrupted || Thread.currentThread().isInterrupted()) {
            workers.shutdownNow();
        } else {
            workers.shutdown();
        }
        reading.lock();
        reading.unlock();
        boolean wasInterrupted = Thread.interrupted();
        try {
            while (!workers.isTerminated()) {
                try {
                    workers.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                }
            }
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.github.commerceconnector.examples.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link FleetWorker} in a JVM of its own, on this JVM's class path: its standard output read line by line (each
 * line kept and handed to a listener), its standard error in a file. It can be stopped (SIGTERM: the worker finishes
 * what it does) or killed (SIGKILL: it ends at once, mid-sync). Thread-safe.
 */
public final class WorkerProcess implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final FleetWorkerOptions options;
    private final Path errors;
    private final Process process;
    private final Thread reader;

    private WorkerProcess(FleetWorkerOptions options, Path errors, Process process, Consumer<String> listener) {
        this.options = options;
        this.errors = errors;
        this.process = process;
        Thread output = new Thread(() -> read(listener), options.worker() + "-output");
        output.setDaemon(true);
        output.start();
        this.reader = output;
    }

    /**
     * Starts a worker.
     *
     * @param options     its options
     * @param environment variables added to its environment ({@link FleetKeys#VARIABLE})
     * @param errorsDir   where its standard error goes, as {@code <worker>.err}
     * @param listener    told each line of its standard output, on the reader thread
     * @return the running worker
     */
    public static WorkerProcess start(FleetWorkerOptions options, Map<String, String> environment, Path errorsDir,
            Consumer<String> listener) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), FleetWorker.class.getName()));
        command.addAll(List.of(options.toArgs()));
        try {
            Path errors = Files.createDirectories(errorsDir).resolve(options.worker() + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().putAll(environment);
            return new WorkerProcess(options, errors, builder.start(), listener);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the worker " + options.worker(), e);
        }
    }

    private void read(Consumer<String> listener) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
                listener.accept(line);
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("(standard output unreadable: " + e + ")");
                lines.notifyAll();
            }
        }
    }

    /** The worker's name. */
    public String name() {
        return options.worker();
    }

    /** Every line it printed so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Waits for a line it prints (or printed) that matches.
     *
     * @param wanted  the line wanted
     * @param seconds how long at most
     * @return the line
     * @throws IllegalStateException if none came in time, or the worker ended first
     */
    public String await(Predicate<String> wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            for (int seen = 0; ; ) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) {
                    throw new IllegalStateException("Worker " + options.worker() + " did not print the line awaited: " + tail());
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills it with SIGKILL, mid-whatever, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks it to stop (SIGTERM: it finishes the syncs under way, for up to 10 s); returns at once. */
    public void terminate() {
        process.destroy();
    }

    /**
     * Waits up to {@code seconds} for it to end, then kills it.
     *
     * @return its exit code
     */
    public int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill();
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    /** Its last lines of output and error, for failure messages. */
    public String tail() {
        return "output " + last(lines(), 10) + ", errors " + last(errorLines(), 30);
    }

    private List<String> errorLines() {
        try {
            return Files.exists(errors) ? Files.readAllLines(errors) : List.of();
        } catch (IOException e) {
            return List.of("(" + errors + " unreadable: " + e.getMessage() + ")");
        }
    }

    private static List<String> last(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    /** Kills it if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

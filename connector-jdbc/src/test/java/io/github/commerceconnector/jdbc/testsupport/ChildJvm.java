package io.github.commerceconnector.jdbc.testsupport;

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
 * A class's {@code main} in a child JVM on the test class path (a worker of the crash and race tests), sized for
 * small machines. Its standard output is read line by line on a thread of its own, each line handed to a listener
 * as it comes; its standard error goes to {@code target/child-<name>.err}. It can be killed with SIGKILL and
 * paused and resumed with SIGSTOP and SIGCONT (Linux).
 */
public final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path errors;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(String name, Process process, Path errors, Consumer<String> listener) {
        this.name = name;
        this.process = process;
        this.errors = errors;
        this.reader = new Thread(() -> read(listener), "child-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a child.
     *
     * @param environment variables added to its environment
     * @param listener    told each line of its standard output, on the reader thread
     */
    public static ChildJvm start(String name, Map<String, String> environment, Consumer<String> listener,
            Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            Path errors = Files.createDirectories(Path.of("target")).resolve("child-" + name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().putAll(environment);
            return new ChildJvm(name, builder.start(), errors, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the child JVM " + name, e);
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
            }
        }
    }

    /**
     * Waits for a line the child prints (or printed already) that matches.
     *
     * @return the line
     * @throws IllegalStateException if none came within the time, or the child ended first
     */
    public String await(Predicate<String> wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new IllegalStateException("The child " + name + " did not print the line awaited: "
                            + tail());
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Every line printed so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Kills the child with SIGKILL; returns at once. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Pauses every thread of the child (SIGSTOP). */
    public void pause() {
        signal("STOP");
    }

    /** Resumes a paused child (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot send SIG" + signal + " to the child " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling the child " + name, e);
        }
    }

    /**
     * Waits for the child to end and its output to be read.
     *
     * @return its exit code (137 after SIGKILL)
     */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The child " + name + " did not end within " + seconds + " s: " + tail());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** The last lines of standard output and standard error, for failure messages. */
    public String tail() {
        List<String> out = lines();
        String err;
        try {
            err = Files.exists(errors) ? Files.readString(errors) : "";
        } catch (IOException e) {
            err = "(unreadable: " + e + ")";
        }
        return out.subList(Math.max(0, out.size() - 8), out.size()) + " / stderr: "
                + err.substring(Math.max(0, err.length() - 3000));
    }

    /** Kills the child if it still runs (SIGKILL ends a paused child too). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

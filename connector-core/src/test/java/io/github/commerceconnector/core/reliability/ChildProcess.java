package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.core.testsupport.secrets.CapturedText;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A class's {@code main} in a child JVM on the test class path, sized for small machines (class data sharing,
 * the C1 compiler only, a small heap, the serial collector). Each line the child prints goes to a listener on a
 * reader thread as it comes; standard error goes to a file. The SDK's log of the child is mirrored to a file
 * that {@link #close()} hands to {@link CapturedText}, so the suite's secret scan covers children too.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final Thread reader;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path errors;
    private final Path log;
    private final String name;

    private ChildProcess(Process process, Consumer<String> listener, Path errors, Path log, String name) {
        this.process = process;
        this.errors = errors;
        this.log = log;
        this.name = name;
        this.reader = new Thread(() -> read(listener), name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a child.
     *
     * @param work        a directory for the child's standard error and log files
     * @param environment variables added to the child's environment
     * @param listener    told each line of standard output, on the reader thread
     */
    static ChildProcess start(String name, Path work, Map<String, String> environment, Consumer<String> listener,
            Class<?> main, String... args) {
        Path errors = work.resolve(name + ".err");
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m",
                "-D" + CapturedText.MIRROR_PROPERTY + "=" + log, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        try {
            return new ChildProcess(builder.start(), listener, errors, log, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the child JVM " + name, e);
        }
    }

    private void read(Consumer<String> listener) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                listener.accept(line);
            }
        } catch (IOException e) {
            lines.add("(standard output unreadable: " + e + ")");
        }
    }

    /** Kills the child with SIGKILL; returns at once. */
    void kill() {
        process.destroyForcibly();
    }

    /** Whether the child still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the child to end and for its output to be read.
     *
     * @return its exit code (137 after SIGKILL)
     */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The child JVM " + name + " did not end within " + seconds + " s; "
                    + "its last lines: " + tail());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** Every line the child printed so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last lines of standard output and standard error, for failure messages. */
    String tail() {
        List<String> out = lines();
        String err;
        try {
            err = Files.exists(errors) ? Files.readString(errors) : "";
        } catch (IOException e) {
            err = "(unreadable: " + e + ")";
        }
        return out.subList(Math.max(0, out.size() - 5), out.size()) + " / stderr: "
                + err.substring(Math.max(0, err.length() - 2000));
    }

    /** Kills the child if it still runs and hands its SDK log to the secret scan. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        CapturedText.importMirror(log, "child JVM " + name);
    }
}

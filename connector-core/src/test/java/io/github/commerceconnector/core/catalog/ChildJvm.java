package io.github.commerceconnector.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class's {@code main} in a child JVM on the test class path, for the cross-process tests. The
 * child's standard error goes to {@code target/child-jvm-<class>.log}.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;

    private ChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        return start(List.of(), main, args);
    }

    /** {@link #start(Class, String...)} with more JVM options. */
    static ChildJvm start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path log = Files.createDirectories(Path.of("target")).resolve("child-jvm-" + main.getSimpleName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        return new ChildJvm(builder.start());
    }

    /** The next line the child printed, or {@code null} when it ended. */
    String readLine() throws IOException {
        return output.readLine();
    }

    /** Kills the child with SIGKILL (on Linux) and waits for it to die. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** How the child ended; waits for it. */
    int exitCode() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}

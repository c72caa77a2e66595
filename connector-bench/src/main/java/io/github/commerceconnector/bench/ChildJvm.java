package io.github.commerceconnector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one scenario in a child JVM on this JVM's class path ({@link ScenarioMain}), so that each scenario has
 * a heap of its own and its peak is its own. The child's standard error passes through; its standard output is
 * searched for the result line.
 */
final class ChildJvm {
    private final List<String> jvmArguments;

    /** Children started with these extra JVM arguments (e.g. a flight recording). */
    ChildJvm(List<String> jvmArguments) {
        this.jvmArguments = List.copyOf(jvmArguments);
    }

    /**
     * Runs a scenario and returns its figures.
     *
     * @param heap      the child's {@code -Xmx}, e.g. {@code 256m}
     * @param arguments the scenario and its parameters
     * @throws IllegalStateException if the child fails or reports nothing
     */
    Figures run(String heap, String... arguments) throws IOException, InterruptedException {
        return run(ScenarioMain.class, heap, arguments);
    }

    /**
     * Runs a scenario of another entry point (one that prints a {@link Figures#PREFIX result line} as
     * {@link ScenarioMain} does) and returns its figures.
     *
     * @throws IllegalStateException if the child fails or reports nothing
     */
    Figures run(Class<?> main, String heap, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Figures figures = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(Figures.PREFIX)) {
                    figures = Figures.parse(line);
                } else {
                    other.add(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || figures == null) {
            throw new IllegalStateException("Scenario '" + String.join(" ", arguments) + "' with -Xmx" + heap
                    + " failed (exit code " + exit + ")" + (other.isEmpty() ? "" : ": " + String.join(" | ", other)));
        }
        return figures;
    }
}

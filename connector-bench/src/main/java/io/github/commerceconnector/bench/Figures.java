package io.github.commerceconnector.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The named figures one scenario measured, in the order they were put. A child JVM prints them as one line
 * starting with {@link #PREFIX}; the parent finds that line in the child's output and reads it back.
 */
final class Figures {
    /** What starts the result line of a child JVM. */
    static final String PREFIX = "BENCH-RESULT ";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Double> values = new LinkedHashMap<>();

    /** Sets a figure. */
    Figures put(String name, double value) {
        values.put(name, value);
        return this;
    }

    /** Sets every figure of another set, prefixing the names. */
    Figures putAll(String prefix, Figures other) {
        other.values.forEach((name, value) -> values.put(prefix + name, value));
        return this;
    }

    /**
     * Puts the warm figures of a run repeated in the same JVM after the measured one: {@code warmCpuSeconds},
     * {@code warmSeconds} and {@code warmItemsPerSecond}.
     */
    static void warm(Figures figures, double cpuSeconds, long nanos, int items) {
        figures.put("warmCpuSeconds", cpuSeconds).put("warmSeconds", nanos / 1e9)
                .put("warmItemsPerSecond", items / (nanos / 1e9));
    }

    /** A figure, if it was measured. */
    Optional<Double> find(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * A figure that must be there.
     *
     * @throws IllegalStateException naming the figure when it is missing
     */
    double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("The scenario did not report '" + name + "'; it reported " + values.keySet());
        }
        return value;
    }

    /** The names, in order. */
    Iterable<String> names() {
        return values.keySet();
    }

    /** The result line. */
    String toLine() {
        try {
            return PREFIX + MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Figures cannot be written as JSON", e);
        }
    }

    /**
     * Reads a result line.
     *
     * @throws IllegalArgumentException if the line is not one
     */
    static Figures parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a result line: " + line);
        }
        try {
            Map<String, Double> read = MAPPER.readValue(line.substring(PREFIX.length()),
                    new TypeReference<LinkedHashMap<String, Double>>() { });
            Figures figures = new Figures();
            figures.values.putAll(read);
            return figures;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable result line: " + line, e);
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package io.github.commerceconnector.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure set the end-to-end benchmark collected, by scenario key (e.g. {@code sdk/1000000}), with the
 * targets as judged from them.
 */
final class E2eResults {
    private final Map<String, List<Figures>> byKey = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();

    /**
     * One target and whether the figures meet it.
     *
     * @param name     what is aimed at
     * @param measured what was measured, in words
     * @param met      whether the target is met
     */
    record Target(String name, String measured, boolean met) {
    }

    /** Adds the figures of one run. */
    void add(String key, Figures figures) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(figures);
    }

    /** Every run of a scenario, in order; empty if it did not run. */
    List<Figures> runs(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** The first run of a scenario, if it ran. */
    Optional<Figures> first(String key) {
        List<Figures> runs = runs(key);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    /** The median of a figure over the runs of a scenario (the mean of the middle two for an even count). */
    double median(String key, String figure) {
        List<Double> values = new ArrayList<>();
        for (Figures figures : runs(key)) {
            values.add(figures.get(figure));
        }
        if (values.isEmpty()) {
            throw new IllegalStateException("No runs of " + key);
        }
        values.sort(null);
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }

    /** Records a judged target. */
    void target(String name, String measured, boolean met) {
        targets.add(new Target(name, measured, met));
    }

    /** The judged targets. */
    List<Target> targets() {
        return List.copyOf(targets);
    }

    /** The scenario keys that ran. */
    Iterable<String> keys() {
        return byKey.keySet();
    }
}

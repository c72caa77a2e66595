package io.github.commerceconnector.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where this JVM's CPU time goes, by group of threads: every thread's user and system time as Linux reports it
 * in {@code /proc/self/task}, which, unlike {@code ThreadMXBean}, also sees the JIT compiler and the collector.
 * A sampler reads every thread five times a second and keeps each one's last reading: a thread that ends keeps
 * what it used up to its last reading, and one that lives less than a fifth of a second may be missed (the
 * report shows what no group accounts for). Groups are told by thread name, read again at every sample: a new
 * thread bears its parent's name until it has named itself. Where there is no
 * {@code /proc} (not Linux), {@link #available()} is false and nothing is measured.
 */
final class ThreadCpuGauge implements AutoCloseable {
    /** The groups, in report order, each with the thread-name prefixes (as Linux truncates them) it takes. */
    static final Map<String, List<String>> GROUPS = groups();

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long SAMPLE_MILLIS = 200;
    /** Clock ticks per second of the times in {@code /proc/.../stat} ({@code USER_HZ}, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> startTicks = new HashMap<>();
    private final Map<String, Long> lastTicks = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Thread sampler;
    private final boolean available = Files.isDirectory(TASKS);
    private volatile boolean running = true;

    private final Map<String, List<String>> groups;

    /** Starts measuring from now, with the {@link #GROUPS} of a single client's sync. */
    ThreadCpuGauge() {
        this(GROUPS);
    }

    /**
     * Starts measuring from now.
     *
     * @param groups the groups, in report order, each with the thread-name prefixes (as Linux truncates them)
     */
    ThreadCpuGauge(Map<String, List<String>> groups) {
        this.groups = groups;
        if (available) {
            sample(startTicks);
        }
        sampler = new Thread(this::sampleUntilClosed, "bench-thread-cpu-gauge");
        sampler.setDaemon(true);
        if (available) {
            sampler.start();
        }
    }

    /** Whether this system reports CPU time per thread. */
    boolean available() {
        return available;
    }

    /**
     * Stops measuring and returns the CPU seconds each group used since the gauge started (groups that used
     * nothing included), plus {@code other} for threads of no group.
     */
    Figures stop() {
        close();
        synchronized (lastTicks) {
            sample(lastTicks);
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.keySet().forEach(group -> seconds.put(group, 0.0));
        seconds.put("other", 0.0);
        synchronized (lastTicks) {
            lastTicks.forEach((thread, ticks) -> {
                long used = ticks - startTicks.getOrDefault(thread, 0L);
                seconds.merge(group(groups, names.get(thread)), used / TICKS_PER_SECOND, Double::sum);
            });
        }
        Figures figures = new Figures();
        seconds.forEach(figures::put);
        return figures;
    }

    /** The group of a thread name. */
    static String group(String name) {
        return group(GROUPS, name);
    }

    private static String group(Map<String, List<String>> groups, String name) {
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            for (String prefix : group.getValue()) {
                if (name != null && name.startsWith(prefix)) {
                    return group.getKey();
                }
            }
        }
        return "other";
    }

    /** Stops the sampler and waits for it to end (a fraction of a second). */
    @Override
    public void close() {
        running = false;
        if (!available) {
            return;
        }
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleUntilClosed() {
        while (running) {
            synchronized (lastTicks) {
                sample(lastTicks);
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Reads every live thread's ticks (user + system) into a map by thread id. */
    private void sample(Map<String, Long> into) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String id = task.getFileName().toString();
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.ISO_8859_1);
                    into.put(id, ticks(stat));
                    names.put(id, Files.readString(task.resolve("comm"), StandardCharsets.ISO_8859_1).strip());
                } catch (IOException ended) {
                    // The thread ended between the listing and the read: its last sample stands.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + TASKS, e);
        }
    }

    /** User plus system ticks from a {@code stat} line (fields 14 and 15; the name in parentheses may hold spaces). */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("preparers", List.of("catalog-prepare"));
        groups.put("senders", List.of("catalog-sync-"));
        groups.put("httpClient", List.of("commerce-connec", "HttpClient-", "Thread-"));
        groups.put("readingThread", List.of("main", "java"));
        groups.put("fakeGateway", List.of("fake-gateway-"));
        groups.put("jit", List.of("C1 CompilerThre", "C2 CompilerThre"));
        groups.put("gc", List.of("GC Thread", "G1 "));
        return groups;
    }
}

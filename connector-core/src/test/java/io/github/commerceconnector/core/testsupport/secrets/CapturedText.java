package io.github.commerceconnector.core.testsupport.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every text the SDK produced during the test run that could carry a secret: each log line of an SDK logger at
 * every level, with its throwables, and texts imported from child JVMs. Kept in memory for the suite's final
 * secret scan ({@code SuiteSecretScanTest}). Thread-safe.
 */
public final class CapturedText {
    private static final ConcurrentLinkedQueue<Entry> ENTRIES = new ConcurrentLinkedQueue<>();
    private static final AtomicLong CHARACTERS = new AtomicLong();
    /**
     * Set in a child JVM (see {@code SyncChild}): every text is also appended to this file at once, so that the
     * parent can scan what a child logged before it was killed.
     */
    public static final String MIRROR_PROPERTY = "commerceconnector.test.capturedTextFile";
    private static final Path MIRROR = Optional.ofNullable(System.getProperty(MIRROR_PROPERTY)).map(Path::of)
            .orElse(null);

    private CapturedText() {
    }

    /**
     * One captured text.
     *
     * @param source where it came from, e.g. {@code log DEBUG io.github...HttpGatewayCaller}
     * @param text   the text itself
     */
    public record Entry(String source, String text) {
    }

    /** Keeps a text. */
    public static void add(String source, String text) {
        ENTRIES.add(new Entry(source, text));
        CHARACTERS.addAndGet(text.length());
        if (MIRROR != null) {
            mirror(source, text);
        }
    }

    private static synchronized void mirror(String source, String text) {
        try {
            Files.writeString(MIRROR, source + "\t" + text.replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mirror the captured text to " + MIRROR, e);
        }
    }

    /** Adds every line a child JVM mirrored to a file (see {@link #MIRROR_PROPERTY}); a missing file adds nothing. */
    public static void importMirror(Path file, String child) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                add(child + ": " + (tab < 0 ? "" : line.substring(0, tab)), tab < 0 ? line : line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the captured text of " + child + " from " + file, e);
        }
    }

    /** Every text kept so far, oldest first. */
    public static List<Entry> snapshot() {
        return new ArrayList<>(ENTRIES);
    }

    /** How many texts were kept. */
    public static int count() {
        return ENTRIES.size();
    }

    /** How many characters were kept in all. */
    public static long characters() {
        return CHARACTERS.get();
    }

    /** The messages of a throwable, its causes and its suppressed throwables, one per line. */
    public static String describe(Throwable throwable) {
        StringBuilder text = new StringBuilder();
        describe(throwable, text, 0);
        return text.toString();
    }

    private static void describe(Throwable throwable, StringBuilder text, int depth) {
        if (throwable == null || depth > 16) {
            return;
        }
        text.append(throwable).append('\n');
        for (Throwable suppressed : throwable.getSuppressed()) {
            describe(suppressed, text, depth + 1);
        }
        describe(throwable.getCause(), text, depth + 1);
    }
}

package io.github.commerceconnector.core.testsupport.secrets;

import java.util.ArrayList;
import java.util.List;
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

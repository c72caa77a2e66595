package io.github.commerceconnector.examples;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncWait;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a sync's progress: on a terminal one line rewritten in place, otherwise a plain line at most
 * every two seconds (so logs and CI output stay readable).
 */
final class ProgressPrinter implements SyncListener {
    private static final long PLAIN_INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private long lastPlainLine;
    private boolean wroteInPlace;

    ProgressPrinter(PrintStream out, boolean terminal, long total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.lastPlainLine = System.nanoTime();
    }

    @Override
    public void progress(SyncProgress progress) {
        String line = String.format(Locale.ROOT, "      %,d/%,d read, %,d sent, %,d unchanged, %,d rejected, %,d KiB",
                progress.processed(), total, progress.sent(), progress.unchanged(), progress.rejected(),
                progress.bytesSent() / 1024);
        if (terminal) {
            out.print("\r" + line + "   ");
            out.flush();
            wroteInPlace = true;
        } else if (System.nanoTime() - lastPlainLine >= PLAIN_INTERVAL_NANOS) {
            out.println(line);
            lastPlainLine = System.nanoTime();
        }
    }

    @Override
    public void waiting(SyncWait wait) {
        done();
        String why = switch (wait.reason()) {
            case THROTTLED -> "the gateway throttled the sync (429)";
            case ENDPOINT_FAILING -> "the gateway is failing requests";
            case BREAKER_OPEN -> "the circuit breaker is open after repeated failures";
        };
        out.println(String.format(Locale.ROOT, "      waiting: %s; next request in about %.1f s (gives up after "
                + "%d s more of failures)", why, wait.expectedWait().toMillis() / 1000.0,
                wait.patienceLeft().toSeconds()));
    }

    @Override
    public void resumed(Feed feed, Duration waited) {
        done();
        out.println(String.format(Locale.ROOT, "      resumed: the gateway answers again after %.1f s; going on "
                + "at full pace", waited.toMillis() / 1000.0));
    }

    /** Ends the in-place line, if one was written. */
    void done() {
        if (wroteInPlace) {
            out.println();
            wroteInPlace = false;
        }
    }
}

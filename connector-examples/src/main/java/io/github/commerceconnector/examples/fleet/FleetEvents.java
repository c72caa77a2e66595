package io.github.commerceconnector.examples.fleet;

import java.io.PrintStream;
import java.util.Objects;

/**
 * What a worker tells its operator, one line per event on its standard output, each starting with a word that a
 * script (or the fleet's test) can match: {@code READY}, {@code START}, {@code DONE}, {@code LOCKED},
 * {@code FAILED}, {@code STOPPED}. Thread-safe.
 */
public final class FleetEvents {
    private final PrintStream out;
    private final String worker;

    /**
     * Events of a worker.
     *
     * @param out    where the lines go
     * @param worker the worker's name, in every line
     */
    public FleetEvents(PrintStream out, String worker) {
        this.out = Objects.requireNonNull(out, "out");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    /**
     * Prints one line: the event, the worker, then the details.
     *
     * @param event   the event's word
     * @param details what happened, separated by spaces
     */
    public void say(String event, Object... details) {
        StringBuilder line = new StringBuilder(event).append(' ').append(worker);
        for (Object detail : details) {
            line.append(' ').append(detail);
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}

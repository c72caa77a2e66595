package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.testkit.FakeCall;
import io.github.commerceconnector.testkit.FakeOperation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Kills a child JVM with SIGKILL at one chosen {@link Moment}: on the Nth feed request of the run as the fake
 * gateway receives it (before or after applying it), on a line the child prints, or some time after the child
 * said {@code READY}. As a fake gateway failure predicate it answers whether to hold the request unapplied.
 */
final class KillSwitch implements Predicate<FakeCall> {
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile Moment moment;
    private ChildProcess child;
    private boolean pending;

    /** When to kill. */
    sealed interface Moment permits OnRequest, OnLine, AfterReady, Never {
    }

    /**
     * On the Nth feed request of the run, while the gateway holds it.
     *
     * @param applied whether the gateway applies the request (the reply then goes to a dead process)
     */
    record OnRequest(int n, boolean applied) implements Moment {
        @Override
        public String toString() {
            return "on feed request " + n + (applied ? ", after the gateway applied it" : ", before it is applied");
        }
    }

    /** When the child prints a line. */
    record OnLine(String line, String meaning) implements Moment {
        @Override
        public String toString() {
            return "on '" + line + "' (" + meaning + ")";
        }
    }

    /**
     * A while after the child said {@code READY}, or on its Nth feed request if that comes first: a fast machine
     * must not finish the catalog before the later moments of the test get their turn.
     */
    record AfterReady(Duration delay, int latestRequest) implements Moment {
        @Override
        public String toString() {
            return delay.toMillis() + " ms after READY (at the latest on feed request " + latestRequest + ")";
        }
    }

    /** Not at all: the run completes. */
    record Never() implements Moment {
        @Override
        public String toString() {
            return "never";
        }
    }

    /** Arms the switch for the next run. */
    synchronized void arm(Moment next) {
        moment = next;
        child = null;
        pending = false;
        requests.set(0);
        fired.set(false);
    }

    /** The child of the run; kills it at once if its moment already came. */
    synchronized void attach(ChildProcess started) {
        child = started;
        if (pending) {
            started.kill();
        }
    }

    /** Whether the switch killed the child of this run. */
    boolean fired() {
        return fired.get();
    }

    /** Feed requests of this run the gateway received. */
    int requests() {
        return requests.get();
    }

    /** Told each line the child prints. */
    void line(String line) {
        Moment now = moment;
        if (now instanceof OnLine onLine && onLine.line().equals(line)) {
            kill();
        } else if (now instanceof AfterReady after && line.equals("READY")) {
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(after.delay().toMillis());
                    kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kill-timer");
            timer.setDaemon(true);
            timer.start();
        }
    }

    /** As a gateway failure predicate: counts feed requests, kills on the chosen one, and holds it if unapplied. */
    @Override
    public boolean test(FakeCall call) {
        if (!call.is(FakeOperation.SEND_FEED)) {
            return false;
        }
        int n = requests.incrementAndGet();
        if (moment instanceof OnRequest onRequest && n == onRequest.n() && !fired.get()) {
            kill();
            return !onRequest.applied();
        }
        if (moment instanceof AfterReady after && n >= after.latestRequest()) {
            kill();
        }
        return false;
    }

    private synchronized void kill() {
        if (fired.compareAndSet(false, true)) {
            ChildProcess target = child;
            if (target == null) {
                pending = true;
            } else {
                target.kill();
            }
        }
    }
}

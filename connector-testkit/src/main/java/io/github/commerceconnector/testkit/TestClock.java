package io.github.commerceconnector.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock tests control. It either follows the system clock shifted by an offset
 * ({@link #system()}) or stands still ({@link #fixed}); {@link #advance} and {@link #set} move it in
 * both modes. The fakes use it for JWT expiry, the gateway's rate limit and timestamps, so a test
 * moves time instead of sleeping. Thread-safe; {@link #withZone} views share the same time.
 */
public final class TestClock extends Clock {
    private final State state;
    private final ZoneId zone;

    private TestClock(State state, ZoneId zone) {
        this.state = state;
        this.zone = zone;
    }

    /** A clock that follows the system clock until moved. */
    public static TestClock system() {
        return new TestClock(new State(false, Instant.EPOCH, Duration.ZERO), ZoneOffset.UTC);
    }

    /** A clock that stands still at {@code instant} until moved. */
    public static TestClock fixed(Instant instant) {
        return new TestClock(new State(true, Objects.requireNonNull(instant, "instant"), Duration.ZERO),
                ZoneOffset.UTC);
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        synchronized (state) {
            if (state.fixed) {
                state.fixedInstant = state.fixedInstant.plus(duration);
            } else {
                state.offset = state.offset.plus(duration);
            }
        }
    }

    /** Sets the current instant; a system-following clock keeps ticking from there. */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        synchronized (state) {
            if (state.fixed) {
                state.fixedInstant = instant;
            } else {
                state.offset = Duration.between(Instant.now(), instant);
            }
        }
    }

    /** Whether the clock stands still between moves. */
    public boolean isFixed() {
        synchronized (state) {
            return state.fixed;
        }
    }

    /** The current instant. */
    @Override
    public Instant instant() {
        synchronized (state) {
            return state.fixed ? state.fixedInstant : Instant.now().plus(state.offset);
        }
    }

    /** The zone, UTC unless a {@link #withZone} view. */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone sharing this clock's time and moves. */
    @Override
    public TestClock withZone(ZoneId newZone) {
        return new TestClock(state, Objects.requireNonNull(newZone, "zone"));
    }

    /** Shows the mode and the current instant. */
    @Override
    public String toString() {
        return "TestClock[" + (isFixed() ? "fixed" : "system-following") + ", " + instant() + "]";
    }

    private static final class State {
        private final boolean fixed;
        private Instant fixedInstant;
        private Duration offset;

        private State(boolean fixed, Instant fixedInstant, Duration offset) {
            this.fixed = fixed;
            this.fixedInstant = fixedInstant;
            this.offset = offset;
        }
    }
}

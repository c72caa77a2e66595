package io.github.commerceconnector.testkit;

import io.github.commerceconnector.testkit.internal.fake.FaultRules;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Injects failures into a fake account. One injector serves a {@link FakeCommerceServices} and every
 * {@link FakeGateway} backed by it: the in-memory clients throw what the real HTTP client would
 * throw, the gateway answers on the wire. Rules are tried in the order they were added; the first
 * armed one that matches a call fires. Thread-safe.
 *
 * <pre>{@code
 * services.failures().next(2).respond(Fault.status(503));                        // the next two calls
 * services.failures().when(call -> call.is(FakeOperation.CREATE_PROJECT))
 *         .times(1).respond(Fault.network(NetworkFault.DROP_AFTER_REQUEST));     // one matching call
 * }</pre>
 */
public final class FailureInjector {
    private final FaultRules rules;

    FailureInjector(FaultRules rules) {
        this.rules = rules;
    }

    /** Targets the next {@code calls} calls, whatever they are. */
    public Target next(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("next(" + calls + "): give a number of calls of at least 1");
        }
        return new Target(call -> true, calls);
    }

    /** Targets every call matching the predicate (until {@link Target#times} limits it or it is cleared). */
    public Target when(Predicate<? super FakeCall> predicate) {
        return new Target(Objects.requireNonNull(predicate, "predicate"), -1);
    }

    /** Removes every injected failure. */
    public void clear() {
        rules.clear();
    }

    /** How many injected failures can still fire. */
    public int armedCount() {
        return rules.armedCount();
    }

    /** The calls a failure will apply to; {@link #respond} arms it. */
    public final class Target {
        private final Predicate<? super FakeCall> predicate;
        private final int shots;

        private Target(Predicate<? super FakeCall> predicate, int shots) {
            this.predicate = predicate;
            this.shots = shots;
        }

        /** Limits the failure to the first {@code calls} matching calls. */
        public Target times(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("times(" + calls + "): give a number of calls of at least 1");
            }
            return new Target(predicate, calls);
        }

        /** Arms the failure: the targeted calls answer {@code fault}. */
        public Injection respond(Fault fault) {
            return new Injection(rules.add(predicate, shots, fault));
        }
    }

    /** An armed failure: how often it fired, and a way to disarm it. */
    public static final class Injection {
        private final FaultRules.Rule rule;

        private Injection(FaultRules.Rule rule) {
            this.rule = rule;
        }

        /** How many calls it has failed so far. */
        public int timesFired() {
            return rule.fired();
        }

        /** Whether it can still fire. */
        public boolean isArmed() {
            return rule.isArmed();
        }

        /** Disarms it. */
        public void cancel() {
            rule.cancel();
        }
    }
}

package io.github.commerceconnector.testkit.internal.fake;

import io.github.commerceconnector.testkit.FakeCall;
import io.github.commerceconnector.testkit.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The injected failures of one fake account, consulted by the in-memory clients and the fake gateway
 * alike. Rules are tried in the order they were added; the first armed rule whose predicate matches
 * fires and uses up one of its shots. Thread-safe.
 */
public final class FaultRules {
    private final List<Rule> rules = new ArrayList<>();

    /**
     * Adds a rule.
     *
     * @param predicate which calls it applies to
     * @param shots     how many calls it fails, or {@code -1} for every matching call
     * @param fault     what those calls answer
     * @return the rule, to read how often it fired or to cancel it
     */
    public synchronized Rule add(Predicate<? super FakeCall> predicate, int shots, Fault fault) {
        Rule rule = new Rule(Objects.requireNonNull(predicate, "predicate"), shots,
                Objects.requireNonNull(fault, "fault"));
        rules.add(rule);
        return rule;
    }

    /** The fault for this call, if an armed rule matches it; uses up one shot of that rule. */
    public synchronized Optional<Fault> take(FakeCall call) {
        for (Rule rule : rules) {
            if (rule.armed() && rule.predicate.test(call)) {
                rule.fire();
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.forEach(Rule::cancel);
        rules.clear();
    }

    /** How many rules can still fire. */
    public synchronized int armedCount() {
        return (int) rules.stream().filter(Rule::armed).count();
    }

    /** One injected failure rule. Its counters are guarded by the owning {@link FaultRules}. */
    public final class Rule {
        private final Predicate<? super FakeCall> predicate;
        private final Fault fault;
        private int remaining;
        private int fired;
        private boolean cancelled;

        private Rule(Predicate<? super FakeCall> predicate, int shots, Fault fault) {
            this.predicate = predicate;
            this.remaining = shots;
            this.fault = fault;
        }

        private boolean armed() {
            return !cancelled && remaining != 0;
        }

        private void fire() {
            fired++;
            if (remaining > 0) {
                remaining--;
            }
        }

        /** How many calls this rule has failed. */
        public int fired() {
            synchronized (FaultRules.this) {
                return fired;
            }
        }

        /** Whether it can still fire. */
        public boolean isArmed() {
            synchronized (FaultRules.this) {
                return armed();
            }
        }

        /** Stops it from firing again. */
        public void cancel() {
            synchronized (FaultRules.this) {
                cancelled = true;
            }
        }
    }
}

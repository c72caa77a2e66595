package io.github.commerceconnector.api;

import java.util.List;
import java.util.Objects;

/**
 * Whether a Commerce Service can work for this store: every check made, with pass or fail and the
 * next step to take.
 *
 * @param service the service asked about
 * @param checks  the checks, in the order they were made
 */
public record Readiness(CommerceService service, List<Check> checks) {

    /** Copies the list. */
    public Readiness {
        Objects.requireNonNull(service, "service");
        checks = List.copyOf(checks);
    }

    /** Whether every check passed. */
    public boolean isReady() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The checks that failed. */
    public List<Check> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    /**
     * One check.
     *
     * @param name     what was checked, e.g. {@code edition}, {@code keys}, {@code data space}
     * @param passed   whether it passed
     * @param detail   what was found
     * @param nextStep what to do when it failed; empty when it passed
     */
    public record Check(String name, boolean passed, String detail, String nextStep) {

        /** Checks presence of the fields. */
        public Check {
            Objects.requireNonNull(name, "name");
            detail = detail == null ? "" : detail;
            nextStep = nextStep == null ? "" : nextStep;
        }

        /** A passed check. */
        public static Check pass(String name, String detail) {
            return new Check(name, true, detail, "");
        }

        /** A failed check with the next step. */
        public static Check fail(String name, String detail, String nextStep) {
            return new Check(name, false, detail, nextStep);
        }
    }
}

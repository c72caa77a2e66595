package io.github.commerceconnector.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A mix of faults a {@link FakeGateway} adds to the feed requests that pass its rate limit, the way a flaky
 * production gateway behaves: every Nth request answered with a chosen status, every Nth request applied and then
 * its connection reset before the reply, and the same at random with a seed. Rules add up: a mix may fail every
 * 3rd and every 7th request. Deterministic: the same mix and the same sequence of requests give the same faults.
 * Counting covers the feed requests of every data space together, in arrival order, after the rate limit (a
 * {@code 429} of the rate limit is not counted).
 *
 * <pre>{@code
 * FakeGateway gateway = FakeGateway.builder()
 *         .feedChaos(FeedChaos.builder().failEvery(7, 503).resetAfterApplyingEvery(11).build())
 *         .start();
 * }</pre>
 *
 * <p>A request that a failing rule and a resetting rule both pick is failed (nothing applied). Immutable; the
 * gateway keeps its own count and random generator, which {@link FakeGateway#reset()} restarts.
 */
public final class FeedChaos {
    private static final FeedChaos NONE = builder().build();

    private final int failFirst;
    private final int failFirstStatus;
    private final List<FailRule> failRules;
    private final List<Integer> resetPeriods;
    private final double failShare;
    private final int randomStatus;
    private final double resetShare;
    private final long seed;
    private final String throttledRetryAfter;

    private FeedChaos(Builder builder) {
        this.failFirst = builder.failFirst;
        this.failFirstStatus = builder.failFirstStatus;
        this.failRules = List.copyOf(builder.failRules);
        this.resetPeriods = List.copyOf(builder.resetPeriods);
        this.failShare = builder.failShare;
        this.randomStatus = builder.randomStatus;
        this.resetShare = builder.resetShare;
        this.seed = builder.seed;
        this.throttledRetryAfter = builder.throttledRetryAfter;
    }

    /** No faults. */
    public static FeedChaos none() {
        return NONE;
    }

    /** A builder with no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the mix adds no fault at all. */
    public boolean isNone() {
        return failFirst == 0 && failRules.isEmpty() && resetPeriods.isEmpty() && failShare == 0 && resetShare == 0;
    }

    /** How many feed requests, from the first, are failed (an outage at the start); 0 for none. */
    public int failFirst() {
        return failFirst;
    }

    /** The status of the requests failed by {@link #failFirst()}. */
    public int failFirstStatus() {
        return failFirstStatus;
    }

    /** The rules answering every Nth request with a status. */
    public List<FailRule> failRules() {
        return failRules;
    }

    /** The periods N of the rules applying then resetting every Nth request. */
    public List<Integer> resetPeriods() {
        return resetPeriods;
    }

    /** The share of requests failed at random. */
    public double failShare() {
        return failShare;
    }

    /** The status of the requests failed at random. */
    public int randomStatus() {
        return randomStatus;
    }

    /** The share of requests applied then reset at random. */
    public double resetShare() {
        return resetShare;
    }

    /** The seed of the random choices. */
    public long seed() {
        return seed;
    }

    /**
     * The {@code Retry-After} text sent, as is, with every {@code 429} the mix answers; {@code null} for none (the
     * default).
     */
    public String throttledRetryAfter() {
        return throttledRetryAfter;
    }

    /** Shows the mix. */
    @Override
    public String toString() {
        if (isNone()) {
            return "FeedChaos[none]";
        }
        List<String> parts = new ArrayList<>();
        if (failFirst > 0) {
            parts.add("the first " + failFirst + " answered " + failFirstStatus);
        }
        failRules.forEach(rule -> parts.add("every " + rule.every() + ". answered " + rule.status()));
        resetPeriods.forEach(n -> parts.add("every " + n + ". applied then reset"));
        if (failShare > 0) {
            parts.add(Math.round(failShare * 100) + "% answered " + randomStatus);
        }
        if (resetShare > 0) {
            parts.add(Math.round(resetShare * 100) + "% applied then reset");
        }
        if (failShare > 0 || resetShare > 0) {
            parts.add("seed " + seed);
        }
        if (throttledRetryAfter != null) {
            parts.add("429 with Retry-After: " + throttledRetryAfter);
        }
        return "FeedChaos[" + String.join("; ", parts) + "]";
    }

    /**
     * Answers every {@code every}th feed request with {@code status}.
     *
     * @param every  the period, 1 or more
     * @param status the error status answered
     */
    public record FailRule(int every, int status) {
        /** Checks the rule. */
        public FailRule {
            if (every < 1) {
                throw new IllegalArgumentException("failEvery(" + every + "): give 1 (every request) or more");
            }
            Builder.checkStatus(status);
        }
    }

    /** Builds a {@link FeedChaos}. */
    public static final class Builder {
        private final List<FailRule> failRules = new ArrayList<>();
        private final List<Integer> resetPeriods = new ArrayList<>();
        private int failFirst;
        private int failFirstStatus = 503;
        private double failShare;
        private int randomStatus = 503;
        private double resetShare;
        private long seed = 1;
        private String throttledRetryAfter;

        private Builder() {
        }

        /**
         * Answers every {@code n}th feed request with {@code status} (a {@code 5xx}, {@code 408}, or a {@code 429}
         * without {@code Retry-After} unless {@link #throttledRetryAfter} gives one), applying nothing. May be called
         * more than once.
         */
        public Builder failEvery(int n, int status) {
            failRules.add(new FailRule(n, status));
            return this;
        }

        /** Answers the first {@code n} feed requests with {@code status}, applying nothing: an outage at the start. */
        public Builder failFirst(int n, int status) {
            if (n < 0) {
                throw new IllegalArgumentException("failFirst(" + n + "): give 0 (none) or more requests");
            }
            this.failFirst = n;
            this.failFirstStatus = checkStatus(status);
            return this;
        }

        /** Answers a share (0 to 1) of the feed requests, drawn with the {@link #seed}, with {@code status}. */
        public Builder failRandomly(double share, int status) {
            this.failShare = share(share, "failRandomly");
            this.randomStatus = checkStatus(status);
            return this;
        }

        /**
         * Applies every {@code n}th feed request, then resets its connection (TCP RST) without a reply. May be
         * called more than once.
         */
        public Builder resetAfterApplyingEvery(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("resetAfterApplyingEvery(" + n + "): give 1 (every request) or "
                        + "more");
            }
            resetPeriods.add(n);
            return this;
        }

        /** Applies a share (0 to 1) of the feed requests, drawn with the {@link #seed}, then resets them. */
        public Builder resetAfterApplyingRandomly(double share) {
            this.resetShare = share(share, "resetAfterApplyingRandomly");
            return this;
        }

        /** The seed of the random choices; default 1. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sends this {@code Retry-After} text, as is, with every {@code 429} the mix answers, as a gateway that
         * throttles but asks for no wait: {@code "0"}, or an HTTP date already past such as
         * {@code "Wed, 21 Oct 2015 07:28:00 GMT"}. Default none (a {@code 429} without {@code Retry-After}).
         *
         * @param value the header's text; {@code null} for none
         * @return this builder
         */
        public Builder throttledRetryAfter(String value) {
            if (value != null && (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c > 0x7e))) {
                throw new IllegalArgumentException("throttledRetryAfter: give seconds or an HTTP date in printable "
                        + "ASCII, or null for none");
            }
            this.throttledRetryAfter = value;
            return this;
        }

        /** Adds every rule of another mix (its random shares and seed replace this builder's if set). */
        public Builder add(FeedChaos other) {
            Objects.requireNonNull(other, "other");
            if (other.failFirst > 0) {
                failFirst = other.failFirst;
                failFirstStatus = other.failFirstStatus;
            }
            failRules.addAll(other.failRules);
            resetPeriods.addAll(other.resetPeriods);
            if (other.failShare > 0) {
                failShare = other.failShare;
                randomStatus = other.randomStatus;
                seed = other.seed;
            }
            if (other.resetShare > 0) {
                resetShare = other.resetShare;
                seed = other.seed;
            }
            if (other.throttledRetryAfter != null) {
                throttledRetryAfter = other.throttledRetryAfter;
            }
            return this;
        }

        /** The mix. */
        public FeedChaos build() {
            return new FeedChaos(this);
        }

        private static double share(double share, String name) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException(name + "(" + share + "): give a share from 0 to 1");
            }
            return share;
        }

        static int checkStatus(int status) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status " + status + ": give an error status, 400 to 599");
            }
            return status;
        }
    }
}

package io.github.commerceconnector.examples;

import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FeedChaos;
import java.time.Duration;

/**
 * How the quickstart's in-process fake gateway behaves: its guardrail (requests per second per data space and the
 * {@code Retry-After} of its {@code 429}) and the faults it adds to feed requests, so anyone can watch a sync ride
 * out a flaky gateway.
 *
 * @param rate       feed requests per second per data space; 0 for no limit
 * @param retryAfter the {@code Retry-After} of a {@code 429}, or {@code null} for the time until a request is allowed
 * @param chaos      the faults added to feed requests
 * @param latency    how long every request waits before it is answered; zero for none
 */
record FakeGatewayOptions(double rate, Duration retryAfter, FeedChaos chaos, Duration latency) {

    /** A well-behaved gateway: the default guardrail, no faults. */
    static FakeGatewayOptions defaults() {
        return new FakeGatewayOptions(FakeGateway.DEFAULT_RATE_LIMIT, null, FeedChaos.none(), Duration.ZERO);
    }

    /** Whether anything differs from {@link #defaults()}. */
    boolean customized() {
        return rate != FakeGateway.DEFAULT_RATE_LIMIT || retryAfter != null || !chaos.isNone() || !latency.isZero();
    }

    /** A builder for a fake gateway that behaves so. */
    FakeGateway.Builder applyTo(FakeGateway.Builder builder) {
        builder.latency(latency);
        return retryAfter == null ? builder.rateLimit(rate) : builder.rateLimit(rate, retryAfter);
    }

    /** Reads {@code --gateway-...} options; each call returns the options with one more setting. */
    static final class Parser {
        private double rate = FakeGateway.DEFAULT_RATE_LIMIT;
        private Duration retryAfter;
        private final FeedChaos.Builder chaos = FeedChaos.builder();
        private Duration latency = Duration.ZERO;

        /** Whether {@code option} is one of the fake gateway's. */
        static boolean handles(String option) {
            return option.startsWith("--gateway-");
        }

        /**
         * Takes one option and its value.
         *
         * @throws ConfigurationException naming the option and what would be valid
         */
        void take(String option, String value) {
            try {
                switch (option) {
                    case "--gateway-rate" -> rate = number(option, value, 0, 10_000);
                    case "--gateway-retry-after" -> retryAfter = Duration.ofSeconds(
                            (long) number(option, value, 1, 3600));
                    case "--gateway-fail-first" -> chaos.failFirst(whole(option, before(value), 0), status(value));
                    case "--gateway-fail-every" -> chaos.failEvery(whole(option, before(value), 1), status(value));
                    case "--gateway-reset-every" -> chaos.resetAfterApplyingEvery(whole(option, value, 1));
                    case "--gateway-fail-share" -> chaos.failRandomly(number(option, before(value), 0, 1),
                            status(value));
                    case "--gateway-reset-share" -> chaos.resetAfterApplyingRandomly(number(option, value, 0, 1));
                    case "--gateway-latency" -> latency = Duration.ofMillis((long) number(option, value, 0, 60_000));
                    case "--gateway-seed" -> chaos.seed(whole(option, value, Integer.MIN_VALUE));
                    default -> throw new ConfigurationException("Unknown option " + option + ", see --help");
                }
            } catch (IllegalArgumentException invalid) {
                throw new ConfigurationException(option + " " + value + ": " + invalid.getMessage());
            }
        }

        FakeGatewayOptions result() {
            return new FakeGatewayOptions(rate, retryAfter, chaos.build(), latency);
        }

        private static String before(String value) {
            int colon = value.indexOf(':');
            return colon < 0 ? value : value.substring(0, colon);
        }

        private static int status(String value) {
            int colon = value.indexOf(':');
            return colon < 0 ? 503 : whole("status", value.substring(colon + 1), 400);
        }

        private static double number(String option, String value, double min, double max) {
            try {
                double number = Double.parseDouble(value.trim());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new ConfigurationException(option + " '" + value + "' is not a number from " + min + " to " + max);
        }

        private static int whole(String option, String value, int min) {
            try {
                int number = Integer.parseInt(value.trim());
                if (number >= min) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new ConfigurationException(option + " '" + value + "' is not a whole number of at least " + min);
        }
    }
}

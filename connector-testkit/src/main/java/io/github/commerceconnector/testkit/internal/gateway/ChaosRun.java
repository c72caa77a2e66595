package io.github.commerceconnector.testkit.internal.gateway;

import io.github.commerceconnector.testkit.FeedChaos;
import java.util.Random;

/** One run of a {@link FeedChaos} over a gateway's feed requests: its count and random generator. Thread-safe. */
final class ChaosRun {
    /** What {@link #next()} answers for a request that is applied, then reset. */
    static final int RESET_AFTER_APPLYING = -1;
    /** What {@link #next()} answers for a request processed as usual. */
    static final int NONE = 0;

    private final FeedChaos chaos;
    private final Random random;
    private long requests;

    ChaosRun(FeedChaos chaos) {
        this.chaos = chaos;
        this.random = new Random(chaos.seed());
    }

    /** The fate of the next feed request: an error status, {@link #RESET_AFTER_APPLYING} or {@link #NONE}. */
    synchronized int next() {
        if (chaos.isNone()) {
            return NONE;
        }
        long n = ++requests;
        double failDraw = random.nextDouble();
        double resetDraw = random.nextDouble();
        if (n <= chaos.failFirst()) {
            return chaos.failFirstStatus();
        }
        for (FeedChaos.FailRule rule : chaos.failRules()) {
            if (n % rule.every() == 0) {
                return rule.status();
            }
        }
        if (failDraw < chaos.failShare()) {
            return chaos.randomStatus();
        }
        for (int every : chaos.resetPeriods()) {
            if (n % every == 0) {
                return RESET_AFTER_APPLYING;
            }
        }
        return resetDraw < chaos.resetShare() ? RESET_AFTER_APPLYING : NONE;
    }
}

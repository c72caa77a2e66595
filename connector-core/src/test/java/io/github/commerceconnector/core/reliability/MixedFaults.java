package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.testkit.FailureInjector;
import io.github.commerceconnector.testkit.FakeCall;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.NetworkFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fails a share of a fake gateway's feed requests at random, each with one fault drawn from a mix of error
 * statuses, throttling, resets, drops after the request was applied, empty and malformed replies, hangs and
 * bodies that trickle past the client's deadline. Seeded, so a failing run can be repeated.
 */
final class MixedFaults {
    private final Random random;
    private final double share;
    private final List<Fault> mix;
    private final Map<String, FailureInjector.Injection> injections = new LinkedHashMap<>();
    private FakeCall decided;
    private int drawn = -1;

    /**
     * Arms the faults on a gateway.
     *
     * @param share  the share of feed requests to fail, e.g. 0.2
     * @param slow   how long a hang or a trickling body lasts (longer than the client's attempt timeout)
     * @param seed   the seed of the draw
     */
    MixedFaults(FakeGateway gateway, double share, Duration slow, long seed) {
        this.random = new Random(seed);
        this.share = share;
        Map<String, Fault> faults = new LinkedHashMap<>();
        faults.put("500", Fault.status(500));
        faults.put("503", Fault.status(503));
        faults.put("429 Retry-After 1 s", Fault.throttle(Duration.ofSeconds(1)));
        faults.put("reset", Fault.network(NetworkFault.CONNECTION_RESET));
        faults.put("drop after applying", Fault.network(NetworkFault.DROP_AFTER_REQUEST));
        faults.put("empty reply", Fault.network(NetworkFault.EMPTY_REPLY));
        faults.put("malformed chunk", Fault.network(NetworkFault.MALFORMED_CHUNK));
        faults.put("no reply (hang)", Fault.timeout(slow));
        faults.put("body trickling past the deadline (applied)", Fault.slowBody(slow));
        this.mix = new ArrayList<>(faults.values());
        int index = 0;
        for (Map.Entry<String, Fault> fault : faults.entrySet()) {
            int kind = index++;
            injections.put(fault.getKey(), gateway.failures().when(call -> draw(call) == kind)
                    .respond(fault.getValue()));
        }
    }

    /**
     * The fault drawn for a call, or -1. The fake's rules are tried in order under one lock, so the first rule
     * draws for a new call and the others read the same draw.
     */
    private int draw(FakeCall call) {
        if (call != decided) {
            decided = call;
            drawn = call.is(FakeOperation.SEND_FEED) && random.nextDouble() < share ? random.nextInt(mix.size()) : -1;
        }
        return drawn;
    }

    /** How often each fault fired so far. */
    Map<String, Integer> fired() {
        Map<String, Integer> fired = new LinkedHashMap<>();
        injections.forEach((name, injection) -> fired.put(name, injection.timesFired()));
        return fired;
    }

    /** How many faults fired in all. */
    int total() {
        return fired().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Disarms every fault. */
    void stop() {
        injections.values().forEach(FailureInjector.Injection::cancel);
    }
}

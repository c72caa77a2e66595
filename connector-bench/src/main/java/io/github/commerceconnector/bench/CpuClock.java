package io.github.commerceconnector.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM has used (all its threads: the scenario's, the in-process gateway's, the JIT's and the
 * collector's), so that a scenario can report its CPU cost per item as well as its wall-clock speed: on a
 * machine shared with other work, the first is much steadier than the second.
 */
final class CpuClock {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long startNanos = OS.getProcessCpuTime();

    /** CPU seconds used since this clock was made. */
    double seconds() {
        return (OS.getProcessCpuTime() - startNanos) / 1e9;
    }
}

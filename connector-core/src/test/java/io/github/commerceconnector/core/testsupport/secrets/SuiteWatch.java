package io.github.commerceconnector.core.testsupport.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Watches the whole test run of connector-core (registered in {@code META-INF/services}): starts the
 * {@link ExceptionRecorder} before the first test, and keeps track of what has finished, so that the final secret
 * scan can prove it runs after every other test of the plan.
 */
public final class SuiteWatch implements TestExecutionListener {
    private static final List<TestPlan> PLANS = new CopyOnWriteArrayList<>();
    private static final Set<String> FINISHED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger FINISHED_TESTS = new AtomicInteger();

    /** Made by the JUnit Platform launcher through {@code ServiceLoader}. */
    public SuiteWatch() {
        // state is static: the launcher may make more than one instance
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        ExceptionRecorder.start();
        PLANS.add(testPlan);
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        FINISHED.add(identifier.getUniqueId());
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        FINISHED.add(identifier.getUniqueId());
        if (identifier.isTest()) {
            FINISHED_TESTS.incrementAndGet();
        }
    }

    /** How many tests have finished so far. */
    public static int finishedTests() {
        return FINISHED_TESTS.get();
    }

    /** How many test plans were started in this JVM. */
    public static int plans() {
        return PLANS.size();
    }

    /**
     * The tests and containers of every plan that have not finished yet, apart from the given class, its methods
     * and the containers around it.
     */
    public static List<String> unfinishedApartFrom(Class<?> running) {
        String marker = "[class:" + running.getName() + "]";
        List<String> unfinished = new ArrayList<>();
        for (TestPlan plan : PLANS) {
            List<String> runningIds = new ArrayList<>();
            for (TestIdentifier root : plan.getRoots()) {
                plan.getDescendants(root).stream().map(TestIdentifier::getUniqueId)
                        .filter(id -> id.contains(marker)).forEach(runningIds::add);
            }
            for (TestIdentifier root : plan.getRoots()) {
                check(root, marker, runningIds, unfinished);
                for (TestIdentifier identifier : plan.getDescendants(root)) {
                    check(identifier, marker, runningIds, unfinished);
                }
            }
        }
        return unfinished;
    }

    private static void check(TestIdentifier identifier, String marker, List<String> runningIds,
            List<String> unfinished) {
        String id = identifier.getUniqueId();
        boolean around = runningIds.stream().anyMatch(running -> running.startsWith(id));
        if (!id.contains(marker) && !around && !FINISHED.contains(id)) {
            unfinished.add(identifier.getLegacyReportingName() + " (" + id + ")");
        }
    }
}

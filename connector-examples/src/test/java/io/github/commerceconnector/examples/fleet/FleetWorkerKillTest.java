package io.github.commerceconnector.examples.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fleet survives a killed worker: 30 merchants in an embedded PostgreSQL, a fake gateway, three worker JVMs
 * sharing the merchants through db-scheduler. One worker is killed with SIGKILL in the middle of its syncs; the
 * others take its merchants over; later a fourth worker joins and every catalog changes. In the end every
 * merchant's catalog is exact in the gateway, no data space ever had two feed requests in flight at once (each
 * worker keeps one in flight per data space, so two would mean two workers syncing one merchant at a time), and
 * every merchant still has its task, none held by the dead worker.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FleetWorkerKillTest {
    private static final int MERCHANTS = 30;
    private static final long PATIENCE_SECONDS = 240;

    private final List<String> events = new ArrayList<>();

    @Test
    void everyCatalogEndsExactAfterAWorkerIsKilledMidSyncAndAnotherJoins() throws Exception {
        LocalFleet.Settings settings = new LocalFleet.Settings(null, MERCHANTS, 120, 4, Duration.ofSeconds(3),
                Duration.ofSeconds(6), Duration.ofSeconds(1), Duration.ofMillis(500), 50);
        try (LocalFleet fleet = LocalFleet.start(settings, Path.of("target", "fleet-kill-test"))) {
            assertTrue(fleet.differences() > 0, "the gateway holds nothing before the workers run");
            WorkerProcess first = start(fleet, "worker-a");
            WorkerProcess second = start(fleet, "worker-b");
            WorkerProcess victim = start(fleet, "worker-c");

            String merchant = victim.await(line -> line.startsWith("START worker-c ") && line.contains(" products "),
                    PATIENCE_SECONDS).split(" ")[2];
            String dataSpace = fleet.dataSpaceOf(merchant);
            waitUntil(() -> !fleet.gateway().services().items(dataSpace, Feed.PRODUCTS).isEmpty(),
                    () -> merchant + "'s first products to arrive");
            victim.kill();
            Set<String> unfinished = startedButNotDone(victim.lines());
            assertFalse(unfinished.isEmpty(), () -> "worker-c was killed between syncs: " + victim.lines());

            waitUntil(() -> fleet.differences() == 0, () -> "every catalog exact after the kill: "
                    + fleet.differences() + " items differ; " + tails(first, second));
            for (String sync : unfinished) {
                assertTrue(doneByOthers(sync, "revision=0"), () -> sync + " was taken over: " + events());
            }

            WorkerProcess late = start(fleet, "worker-d");
            assertEquals(MERCHANTS, fleet.merchants().reviseAll(1));
            waitUntil(() -> fleet.differences() == 0, () -> "every catalog exact at revision 1: "
                    + fleet.differences() + " items differ; " + tails(first, second, late));
            late.await(line -> line.startsWith("DONE worker-d ") && line.contains("revision=1"), PATIENCE_SECONDS);

            assertEquals(0, fleet.differences(), "every merchant's catalog is exact in the gateway");
            Map<String, Integer> concurrency = fleet.gateway().maxConcurrentFeedRequests();
            for (Merchant each : fleet.merchants().all()) {
                assertEquals(1, concurrency.get(fleet.dataSpaceOf(each.id())),
                        () -> each.id() + ": feed requests in flight at once, by data space: " + concurrency);
            }
            assertEquals(MERCHANTS, count(fleet, "SELECT count(*) FROM scheduled_tasks WHERE task_name = '"
                    + CatalogSyncTask.NAME + "'"), "every merchant keeps its task");
            waitUntil(() -> count(fleet, "SELECT count(*) FROM scheduled_tasks WHERE picked_by = 'worker-c'") == 0,
                    () -> "the dead worker's tasks were revived");
            report(fleet, unfinished);
        }
    }

    /** Prints what the run did (for RELIABILITY.md): items received against the catalogs, locks met, syncs. */
    private void report(LocalFleet fleet, Set<String> unfinished) {
        long received = fleet.gateway().requests().stream().filter(request -> request.path().startsWith("feeds/")
                && request.status() == 200).mapToLong(request -> request.items().size()).sum();
        long catalogs = fleet.merchants().all().stream().mapToLong(each -> MerchantCatalog.FEEDS.stream()
                .mapToLong(feed -> MerchantCatalog.items(each, feed).size()).sum()).sum();
        List<String> lines = events();
        System.out.printf("FLEET-KILL-TEST killed mid-sync: %s; items received %d for catalogs of %d at revision 1 "
                + "(revision 0 and the changed 1%% of revision 1 before); DONE %d, LOCKED %d, FAILED %d; "
                + "feed requests %d%n", unfinished, received, catalogs, countOf(lines, "DONE "),
                countOf(lines, "LOCKED "), countOf(lines, "FAILED "), fleet.gateway().requestCount());
    }

    private static long countOf(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    private WorkerProcess start(LocalFleet fleet, String name) throws InterruptedException {
        WorkerProcess worker = fleet.startWorker(name, this::record);
        worker.await(line -> line.startsWith("READY " + name), PATIENCE_SECONDS);
        return worker;
    }

    private void record(String line) {
        synchronized (events) {
            events.add(line);
        }
    }

    private List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The merchant and feed of each {@code START} of the worker without its {@code DONE}. */
    private static Set<String> startedButNotDone(List<String> lines) {
        Set<String> open = new HashSet<>();
        for (String line : lines) {
            String[] words = line.split(" ");
            if (words[0].equals("START")) {
                open.add(words[2] + " " + words[3]);
            } else if (words[0].equals("DONE")) {
                open.remove(words[2] + " " + words[3]);
            }
        }
        return open;
    }

    /** Whether a worker other than the victim finished this merchant's feed at a revision. */
    private boolean doneByOthers(String merchantAndFeed, String revision) {
        return events().stream().anyMatch(line -> line.startsWith("DONE ") && !line.startsWith("DONE worker-c ")
                && line.contains(" " + merchantAndFeed + " " + revision + " "));
    }

    private static String tails(WorkerProcess... workers) {
        StringBuilder text = new StringBuilder();
        for (WorkerProcess worker : workers) {
            text.append(worker.name()).append(": ").append(worker.tail()).append('\n');
        }
        return text.toString();
    }

    private static long count(LocalFleet fleet, String sql) {
        try (Connection connection = fleet.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void waitUntil(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + PATIENCE_SECONDS + " s for " + what.get());
            }
            Thread.sleep(200);
        }
    }
}

package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.jdbc.testsupport.ChildJvm;
import io.github.commerceconnector.jdbc.testsupport.GatewayFixture;
import io.github.commerceconnector.jdbc.testsupport.StateSnapshot;
import io.github.commerceconnector.jdbc.testsupport.SyncCatalog;
import io.github.commerceconnector.jdbc.testsupport.TestDatabase;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import io.github.commerceconnector.testkit.FakeCall;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers killed with SIGKILL in the middle of a sync whose state is in PostgreSQL: a child JVM, a stateless
 * worker with its selection and sync state in the database only, syncs 5,000 products into a fake gateway in
 * this JVM and is killed at five moments (as a state write starts, during a feed request before and
 * after the gateway applied it, right after a state write, while the state opens). After each kill the next worker
 * (another worker id) gets the feed once the dead worker's lease ended, the state claims nothing accepted that the
 * gateway lacks, and the next child carries on. The last child completes: the gateway holds exactly the catalog,
 * and the items resent stay within what the kills can cost.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SigkillCrashTest {
    private static final int CATALOG = 5_000;
    private static final int BATCH = 50;
    private static final int IN_FLIGHT = 2;
    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path work;

    /** When to kill a worker. */
    private record Moment(String description, String line, int request, boolean applied) {
        static Moment onLine(String line, String description) {
            return new Moment(description, line, 0, false);
        }

        static Moment onRequest(int request, boolean applied) {
            return new Moment("on feed request " + request + (applied ? ", after the gateway applied it"
                    : ", before it is applied"), null, request, applied);
        }
    }

    private static final List<Moment> KILLS = List.of(
            Moment.onLine("RECORDING 15", "as a state write starts"),
            Moment.onRequest(12, false),
            Moment.onRequest(14, true),
            Moment.onLine("RECORDED 20", "between batches, right after a state write committed"),
            Moment.onLine("OPENING", "while the state opens: lease and load"));

    @Test
    void workersKilledAtFiveMomentsLoseNothingAndTheLastRunCompletesTheCatalog() throws Exception {
        List<String> figures = new ArrayList<>();
        try (GatewayFixture fixture = new GatewayFixture(); TestSchema schema = TestSchema.create()) {
            DataSource inspector = schema.dataSource();
            Map<String, String> environment = fixture.workerEnvironment(work);
            KillSwitch killSwitch = new KillSwitch();
            fixture.gateway.failures().when(killSwitch).respond(Fault.timeout(Duration.ofSeconds(30)));
            int run = 0;
            for (Moment moment : KILLS) {
                run++;
                long before = fixture.productsReceived();
                int exit = runWorker(fixture, schema, environment, killSwitch, run, moment);
                assertTrue(killSwitch.fired, "run " + run + " was not killed " + moment.description());
                assertEquals(137, exit, "run " + run + " ends by SIGKILL");
                StateSnapshot state = StateSnapshot.read(schema, inspector, fixture.dataSpaceId);
                assertEquals(List.of(), List.copyOf(state.acceptedButNotHeld(fixture.productsHeld())),
                        "after run " + run + " (killed " + moment.description() + ")");
                figures.add(String.format("run %d killed %s: %d products received; state: %d accepted, %d "
                        + "unconfirmed", run, moment.description(), fixture.productsReceived() - before,
                        state.count(ItemStatus.ACCEPTED), state.count(ItemStatus.UNCONFIRMED)));
            }
            int exit = runWorker(fixture, schema, environment, killSwitch, ++run, null);
            assertEquals(0, exit, "the last run completes");

            Map<ItemKey, String> held = fixture.productsHeld();
            assertEquals(GatewayFixture.catalogKeys(CATALOG), held.keySet(), "the gateway holds exactly the catalog");
            for (int n = 0; n < CATALOG; n += 499) {
                assertEquals(SyncCatalog.name(n), held.get(ItemKey.of(Feed.PRODUCTS, SyncCatalog.sku(n), "default")));
            }
            StateSnapshot state = StateSnapshot.read(schema, inspector, fixture.dataSpaceId);
            assertEquals(CATALOG, state.count(ItemStatus.ACCEPTED));
            assertEquals(0, state.count(ItemStatus.UNCONFIRMED) + state.count(ItemStatus.RETRYABLE));
            long received = fixture.productsReceived();
            figures.add(String.format("%d products received for a catalog of %d after %d kills: %d resent",
                    received, CATALOG, KILLS.size(), received - CATALOG));
            assertTrue(received - CATALOG <= (long) KILLS.size() * (IN_FLIGHT + 1) * BATCH,
                    "each kill costs at most the batches in flight and the one being recorded: " + received);
        } finally {
            System.out.println("SIGKILL crash figures:");
            figures.forEach(figure -> System.out.println("  " + figure));
        }
    }

    private int runWorker(GatewayFixture fixture, TestSchema schema, Map<String, String> environment,
            KillSwitch killSwitch, int run, Moment moment) throws InterruptedException {
        killSwitch.arm(moment);
        try (ChildJvm worker = ChildJvm.start("sync-worker-" + run, environment, killSwitch::line,
                SyncWorkerChild.class, fixture.gateway.baseUri().toString(), TestDatabase.get().jdbcUrl(),
                schema.name(), fixture.project.id(), fixture.dataSpaceId, String.valueOf(CATALOG), "worker-" + run,
                String.valueOf(LEASE.toMillis()))) {
            killSwitch.attach(worker);
            int exit = worker.waitFor(120);
            if (moment == null) {
                assertNotNull(worker.lines().stream().filter(line -> line.startsWith("DONE")).findFirst()
                        .orElse(null), "the last run says DONE: " + worker.tail());
            }
            return exit;
        }
    }

    /**
     * Kills the worker of a run at its moment: on a line it prints, or on its Nth feed request as the gateway
     * receives it; as a gateway failure predicate it says whether to hold that request unapplied.
     */
    private static final class KillSwitch implements Predicate<FakeCall> {
        private final AtomicInteger requests = new AtomicInteger();
        private volatile Moment moment;
        private volatile boolean fired;
        private ChildJvm worker;
        private boolean pending;

        synchronized void arm(Moment next) {
            moment = next;
            worker = null;
            pending = false;
            fired = false;
            requests.set(0);
        }

        synchronized void attach(ChildJvm started) {
            worker = started;
            if (pending) {
                started.kill();
            }
        }

        void line(String line) {
            Moment now = moment;
            if (now != null && line.equals(now.line())) {
                kill();
            }
        }

        @Override
        public boolean test(FakeCall call) {
            Moment now = moment;
            if (now == null || !call.is(FakeOperation.SEND_FEED)) {
                return false;
            }
            if (requests.incrementAndGet() == now.request() && !fired) {
                kill();
                return !now.applied();
            }
            return false;
        }

        private synchronized void kill() {
            if (!fired) {
                fired = true;
                if (worker == null) {
                    pending = true;
                } else {
                    worker.kill();
                }
            }
        }
    }
}

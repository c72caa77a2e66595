package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.jdbc.testsupport.GatewayFixture;
import io.github.commerceconnector.jdbc.testsupport.StateSnapshot;
import io.github.commerceconnector.jdbc.testsupport.SyncCatalog;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import io.github.commerceconnector.jdbc.testsupport.WriteKiller;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Database connections killed by the server in the middle of a state write: the test locks a table every write
 * touches, so that a write call stops inside its transaction (after the statements before it), and ends its backend
 * with {@code pg_terminate_backend}; the transaction is rolled back. A single kill costs nothing (the write runs
 * again on a fresh connection); a database that kills every attempt stops the sync with a clear error, leaving
 * nothing marked accepted that the gateway lacks, and the next worker sends what was not confirmed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KilledConnectionTest {
    private static final int CATALOG = 3_000;

    private static CommerceServicesClient client(GatewayFixture fixture, TestSchema schema, DataSource dataSource,
            String worker) {
        CommerceServicesClient client = fixture.builder()
                .selectionStore(JdbcSelectionStore.create(dataSource, "installation-1", schema.tables()))
                .syncStateStore(JdbcSyncStateStore.builder(dataSource).tables(schema.tables()).ownerId(worker).build())
                .build();
        if (client.dataSpaces().current().isEmpty()) {
            client.dataSpaces().select(fixture.project.id(), fixture.dataSpaceId);
        }
        return client;
    }

    /** Holds the sync at some points of its progress until the test let it go on. */
    private static final class Checkpoints implements SyncListener {
        private final Set<Integer> points;
        private final SynchronousQueue<Integer> reached = new SynchronousQueue<>();
        private final Semaphore goOn = new Semaphore(0);
        private int next;

        Checkpoints(Set<Integer> points) {
            this.points = new TreeSet<>(points);
        }

        @Override
        public synchronized void progress(SyncProgress progress) {
            for (int point : points) {
                if (point > next && progress.processed() >= point) {
                    next = point;
                    try {
                        reached.put(point);
                        goOn.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
            }
        }
    }

    @Test
    void aConnectionKilledInsideAStateWriteIsRetriedAndTheSyncCompletes() throws Exception {
        try (GatewayFixture fixture = new GatewayFixture(); TestSchema schema = TestSchema.create();
                WriteKiller killer = new WriteKiller(schema);
                CommerceServicesClient client = client(fixture, schema, schema.dataSource(), "worker-1")) {
            Checkpoints checkpoints = new Checkpoints(Set.of(500, 1500, 2500));
            CompletableFuture<SyncReport> sync = CompletableFuture.supplyAsync(() -> client.catalog()
                    .sync(Feed.PRODUCTS, SyncCatalog.items(CATALOG), checkpoints));
            for (int round = 0; round < 3; round++) {
                assertTrue(checkpoints.reached.poll(60, TimeUnit.SECONDS) != null, "the sync reached a checkpoint");
                killer.lock();
                checkpoints.goOn.release();
                assertTrue(killer.killNext(sync::isDone), "a write was killed inside its transaction");
                killer.unlock();
            }
            SyncReport report = sync.get(60, TimeUnit.SECONDS);

            assertEquals(3, killer.killed());
            assertTrue(report.isComplete() && report.sent() == CATALOG, report.toString());
            assertEquals(CATALOG, fixture.productsReceived(), "no product was sent twice");
            assertEquals(GatewayFixture.catalogKeys(CATALOG), fixture.productsHeld().keySet());
            StateSnapshot state = StateSnapshot.read(schema, schema.dataSource(), fixture.dataSpaceId);
            assertEquals(CATALOG, state.count(ItemStatus.ACCEPTED));
            assertEquals(0, state.count(ItemStatus.UNCONFIRMED));
        }
    }

    @Test
    void aDatabaseThatKeepsKillingTheConnectionStopsTheSyncAndTheNextWorkerSendsWhatWasNotConfirmed()
            throws Exception {
        try (GatewayFixture fixture = new GatewayFixture(); TestSchema schema = TestSchema.create();
                WriteKiller killer = new WriteKiller(schema)) {
            try (CommerceServicesClient client = client(fixture, schema, schema.dataSource(), "worker-1")) {
                Checkpoints checkpoints = new Checkpoints(Set.of(1000));
                CompletableFuture<SyncReport> sync = CompletableFuture.supplyAsync(() -> client.catalog()
                        .sync(Feed.PRODUCTS, SyncCatalog.items(CATALOG), checkpoints));
                assertTrue(checkpoints.reached.poll(60, TimeUnit.SECONDS) != null, "the sync reached its checkpoint");
                killer.lock();
                checkpoints.goOn.release();
                while (killer.killNext(sync::isDone)) {
                    assertTrue(killer.killed() < 100, "the sync never gave up");
                }
                killer.unlock();
                ExecutionException stopped = assertThrows(ExecutionException.class, () -> sync.get(60,
                        TimeUnit.SECONDS));
                assertTrue(stopped.getCause() instanceof ConnectorClientException
                        && stopped.getCause().getMessage().contains("connection failed 4 times"), stopped.toString());
            }
            StateSnapshot afterFailure = StateSnapshot.read(schema, schema.dataSource(), fixture.dataSpaceId);
            assertEquals(List.of(), List.copyOf(afterFailure.acceptedButNotHeld(fixture.productsHeld())),
                    "nothing is marked accepted that the gateway lacks");
            long accepted = afterFailure.count(ItemStatus.ACCEPTED);
            assertTrue(accepted > 0 && accepted < CATALOG, accepted + " accepted before the database gave up");

            SyncReport next;
            try (CommerceServicesClient client = client(fixture, schema, schema.dataSource(), "worker-2")) {
                next = client.catalog().sync(Feed.PRODUCTS, SyncCatalog.items(CATALOG));
            }
            assertTrue(next.isComplete(), next.toString());
            assertEquals(accepted, next.unchanged(), "what was confirmed is not sent again");
            assertEquals(CATALOG - accepted, next.sent(), "everything else is");
            assertEquals(GatewayFixture.catalogKeys(CATALOG), fixture.productsHeld().keySet());
            StateSnapshot state = StateSnapshot.read(schema, schema.dataSource(), fixture.dataSpaceId);
            assertEquals(CATALOG, state.count(ItemStatus.ACCEPTED));
            System.out.printf("Killed connections: the sync stopped after %d kills with %d of %d accepted, %d "
                    + "unconfirmed; the next worker sent %d and left %d unchanged%n", killer.killed(), accepted,
                    CATALOG, afterFailure.count(ItemStatus.UNCONFIRMED), next.sent(), next.unchanged());
        }
    }
}

package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.jdbc.testsupport.CommitHookDataSource;
import io.github.commerceconnector.jdbc.testsupport.GatewayFixture;
import io.github.commerceconnector.jdbc.testsupport.StateSnapshot;
import io.github.commerceconnector.jdbc.testsupport.SyncCatalog;
import io.github.commerceconnector.jdbc.testsupport.TestDatabase;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.PGConnection;

/**
 * Database connections killed by the server in the middle of a state write: just before a write transaction of the
 * sync commits, the test ends its backend with {@code pg_terminate_backend}, so the transaction's statements ran
 * and are rolled back. A single kill costs nothing (the write runs again on a fresh connection); a database that
 * kills every attempt stops the sync with a clear error, leaving nothing marked accepted that the gateway lacks,
 * and the next worker sends what was not confirmed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KilledConnectionTest {
    private static final int CATALOG = 3_000;

    /** Kills the backend of chosen commits on the sync's sender threads (the threads that record outcomes). */
    private static final class Killer implements CommitHookDataSource.Hook {
        private final Set<Integer> victims;
        private final AtomicInteger commits = new AtomicInteger();
        private final AtomicInteger killed = new AtomicInteger();

        Killer(Set<Integer> victims) {
            this.victims = victims;
        }

        @Override
        public void beforeCommit(Connection connection) throws SQLException {
            if (Thread.currentThread().getName().startsWith("catalog-sync-")
                    && victims.contains(commits.incrementAndGet())) {
                terminate(connection.unwrap(PGConnection.class).getBackendPID());
                killed.incrementAndGet();
            }
        }
    }

    private static void terminate(int pid) throws SQLException {
        try (Connection admin = TestDatabase.get().connect();
                PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)");
                PreparedStatement alive = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            kill.setInt(1, pid);
            kill.executeQuery().close();
            alive.setInt(1, pid);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = alive.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
            }
            throw new IllegalStateException("Backend " + pid + " outlived pg_terminate_backend");
        }
    }

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

    @Test
    void aConnectionKilledInsideAStateWriteIsRetriedAndTheSyncCompletes() throws Exception {
        try (GatewayFixture fixture = new GatewayFixture(); TestSchema schema = TestSchema.create()) {
            Killer killer = new Killer(Set.of(7, 20, 33, 60));
            SyncReport report;
            try (CommerceServicesClient client = client(fixture, schema,
                    new CommitHookDataSource(schema.dataSource(), killer), "worker-1")) {
                report = client.catalog().sync(Feed.PRODUCTS, SyncCatalog.items(CATALOG));
            }

            assertEquals(4, killer.killed.get(), "four write transactions lost their connection");
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
        try (GatewayFixture fixture = new GatewayFixture(); TestSchema schema = TestSchema.create()) {
            Killer killer = new Killer(Set.of(20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31));
            try (CommerceServicesClient client = client(fixture, schema,
                    new CommitHookDataSource(schema.dataSource(), killer), "worker-1")) {
                ConnectorClientException stopped = assertThrows(ConnectorClientException.class,
                        () -> client.catalog().sync(Feed.PRODUCTS, SyncCatalog.items(CATALOG)));
                assertTrue(stopped.getMessage().contains("connection failed 4 times"), stopped.getMessage());
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
                    + "unconfirmed; the next worker sent %d and left %d unchanged%n", killer.killed.get(), accepted,
                    CATALOG, afterFailure.count(ItemStatus.UNCONFIRMED), next.sent(), next.unchanged());
        }
    }
}

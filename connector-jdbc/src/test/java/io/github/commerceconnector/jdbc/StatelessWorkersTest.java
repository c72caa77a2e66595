package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.jdbc.testsupport.GatewayFixture;
import io.github.commerceconnector.jdbc.testsupport.SyncCatalog;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workers without a disk of their own, as the README shows them: each builds its client with the selection and
 * sync state in PostgreSQL, in one line each. A worker built after the first one selected the data space finds
 * that selection and its state, sends nothing for an unchanged catalog, and cannot sync the feed while the first
 * one does.
 */
@Timeout(120)
class StatelessWorkersTest {
    private static final int CATALOG = 2_000;

    private static CommerceServicesClient worker(GatewayFixture fixture, DataSource dataSource, TestSchema schema,
            String id) {
        return fixture.builder()
                .selectionStore(JdbcSelectionStore.create(dataSource, "merchant-4711", schema.tables()))
                .syncStateStore(JdbcSyncStateStore.builder(dataSource).tables(schema.tables()).ownerId(id).build())
                .build();
    }

    @Test
    void aSecondWorkerCarriesOnWhereTheFirstLeftAndWaitsWhileItSyncs() throws Exception {
        try (GatewayFixture fixture = new GatewayFixture(); TestSchema schema = TestSchema.create()) {
            DataSource dataSource = schema.dataSource();
            CountDownLatch halfway = new CountDownLatch(1);
            CountDownLatch carryOn = new CountDownLatch(1);
            SyncReport first;
            try (CommerceServicesClient workerA = worker(fixture, dataSource, schema, "worker-a")) {
                workerA.dataSpaces().select(fixture.project.id(), fixture.dataSpaceId);
                CompletableFuture<SyncReport> running = CompletableFuture.supplyAsync(() -> workerA.catalog()
                        .sync(Feed.PRODUCTS, SyncCatalog.items(CATALOG), new SyncListener() {
                            @Override
                            public void progress(SyncProgress progress) {
                                if (progress.sent() >= CATALOG / 2 && halfway.getCount() > 0) {
                                    halfway.countDown();
                                    await(carryOn);
                                }
                            }
                        }));
                assertTrue(halfway.await(60, TimeUnit.SECONDS), "worker A got halfway");
                try (CommerceServicesClient workerB = worker(fixture, dataSource, schema, "worker-b")) {
                    SyncLockedException locked = assertThrows(SyncLockedException.class,
                            () -> workerB.catalog().sync(Feed.PRODUCTS, SyncCatalog.items(CATALOG)));
                    assertEquals("worker-a", locked.owner().orElseThrow(), locked.getMessage());
                }
                carryOn.countDown();
                first = running.get(60, TimeUnit.SECONDS);
            }
            assertTrue(first.isComplete() && first.sent() == CATALOG, first.toString());

            try (CommerceServicesClient workerC = worker(fixture, dataSource, schema, "worker-c")) {
                assertEquals(fixture.dataSpaceId, workerC.dataSpaces().current().orElseThrow().dataSpaceId(),
                        "the selection is shared");
                long received = fixture.productsReceived();
                SyncReport again = workerC.catalog().sync(Feed.PRODUCTS, SyncCatalog.items(CATALOG));
                assertEquals(CATALOG, again.unchanged());
                assertEquals(0, again.sent());
                assertEquals(received, fixture.productsReceived(), "an unchanged catalog sends nothing");
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.testkit.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a sync that its deadline stopped adds up, and its message tells what became of the items: those
 * in flight are kept retryable, and those read but never sent are not counted as processed (the next sync sends
 * them). Through the public API against a gateway that answers every feed request {@code 503}, on a clock that
 * only moves when the client waits.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyncDeadlineReportTest {
    private static final int PRODUCTS = 3_000;

    @TempDir
    Path stateDirectory;

    @Test
    void aSyncStoppedByItsDeadlineReportsEveryProcessedItemAndItsMessageQuotesTheReport() {
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = fake.client(stateDirectory,
                        CatalogSyncSettings.defaults().withSyncDeadline(Duration.ofMinutes(1)))) {
            fake.account.failures().when(call -> call.path().startsWith("feeds/")).times(100_000)
                    .respond(Fault.status(503));

            SyncDeadlineExceededException stopped = assertThrows(SyncDeadlineExceededException.class,
                    () -> client.catalog().sync(Feed.PRODUCTS, generated(PRODUCTS, n -> product(n, 1))));

            SyncReport report = stopped.report();
            FeedStatus status = client.catalog().status(Feed.PRODUCTS);
            assertTrue(report.processed() > 0 && report.processed() < PRODUCTS, report.toString());
            assertEquals(report.processed(), report.unchanged() + report.sent() + report.rejectedCount()
                    + report.retryable() + report.deleted(), "every processed item is counted: " + report);
            assertEquals(status.retryable(), report.retryable(), "the retryable items are those the state keeps");
            assertEquals(0, status.unconfirmed(), status.toString());
            assertTrue(stopped.getMessage().contains(report.processed() + " items processed"), stopped.getMessage());
            assertTrue(stopped.getMessage().contains(report.retryable() + " are kept retryable"),
                    stopped.getMessage());
            assertTrue(stopped.getMessage().contains("not counted as processed"), stopped.getMessage());
        }
    }

    @Test
    void theNextSyncSendsWhatTheStoppedSyncReadButNeverSent() {
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = fake.client(stateDirectory,
                        CatalogSyncSettings.defaults().withSyncDeadline(Duration.ofMinutes(1)))) {
            fake.account.failures().when(call -> call.path().startsWith("feeds/")).times(100_000)
                    .respond(Fault.status(503));
            SyncReport stopped = assertThrows(SyncDeadlineExceededException.class,
                    () -> client.catalog().sync(Feed.PRODUCTS, generated(PRODUCTS, n -> product(n, 1)))).report();
            fake.account.failures().clear();
            fake.clock.advance(Duration.ofMinutes(1));

            SyncReport next = client.catalog().sync(Feed.PRODUCTS, generated(PRODUCTS, n -> product(n, 1)));

            assertEquals(PRODUCTS, next.sent(), "the retryable items and all the others: " + next);
            assertEquals(PRODUCTS, fake.productsHeld().size());
            assertTrue(stopped.retryable() > 0, stopped.toString());
        }
    }
}

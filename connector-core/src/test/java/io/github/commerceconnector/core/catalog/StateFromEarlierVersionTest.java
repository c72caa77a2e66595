package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * State directories written by earlier versions of the connector, committed as fixtures, still open and tell which
 * items are unchanged: format 1, written before the one-pass change of issue 13
 * ({@code state-before-onepass/products.log}: 500 products, {@code product(n, 1)}, synced by commit 6abc836), and
 * format 2, written before the snapshot of issue 13 ({@code state-format-2/products.log}: the same 500 products
 * synced by commit 1b05a5d, then a resync checkpoint recorded and cleared, so the log holds both kinds of
 * checkpoint record).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StateFromEarlierVersionTest {
    private static final int CATALOG = 500;

    @TempDir
    Path stateDirectory;

    /** Selects the data space (which resets its state), puts the earlier state in place, then syncs. */
    private SyncReport resync(int changedEvery) throws IOException {
        return resync("/state-before-onepass/products.log", changedEvery);
    }

    private SyncReport resync(String fixture, int changedEvery) throws IOException {
        try (CatalogGateway fake = CatalogGateway.startRealTime();
                CommerceServicesClient client = fake.client(stateDirectory,
                        CatalogSyncSettings.defaults().withRequestsPerSecond(0))) {
            Path folder = Files.createDirectories(stateDirectory.resolve("catalog").resolve(fake.dataSpaceId));
            try (InputStream log = getClass().getResourceAsStream(fixture)) {
                Files.copy(log, folder.resolve("products.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            SyncReport report = client.catalog().sync(Feed.PRODUCTS,
                    generated(CATALOG, n -> product(n, changedEvery > 0 && n % changedEvery == 0 ? 2 : 1)));
            assertEquals(report.requests(), fake.feedRequests().size(), "requests the gateway received");
            return report;
        }
    }

    @Test
    void anUnchangedCatalogIsNotSentAgain() throws IOException {
        SyncReport report = resync(0);
        assertEquals(CATALOG, report.unchanged(), report.toString());
        assertEquals(0, report.requests());
        assertEquals(0, report.deleted());
    }

    @Test
    void onlyTheChangedItemsAreSent() throws IOException {
        SyncReport report = resync(50);
        assertEquals(CATALOG / 50, report.sent(), report.toString());
        assertEquals(CATALOG - CATALOG / 50, report.unchanged());
        assertEquals(1, report.requests());
    }

    @Test
    void anUnchangedCatalogIsNotSentAgainFromFormat2() throws IOException {
        SyncReport report = resync("/state-format-2/products.log", 0);
        assertEquals(CATALOG, report.unchanged(), report.toString());
        assertEquals(0, report.requests());
        assertEquals(0, report.deleted());
    }

    @Test
    void onlyTheChangedItemsAreSentFromFormat2() throws IOException {
        SyncReport report = resync("/state-format-2/products.log", 25);
        assertEquals(CATALOG / 25, report.sent(), report.toString());
        assertEquals(CATALOG - CATALOG / 25, report.unchanged());
        assertEquals(1, report.requests());
    }
}

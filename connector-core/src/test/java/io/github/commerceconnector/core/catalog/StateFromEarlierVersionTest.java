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
 * A state directory written by the connector before the one-pass change (issue 13), committed as a fixture
 * ({@code state-before-onepass/products.log}: 500 products, {@code product(n, 1)}, synced by commit 6abc836),
 * still opens and tells which items are unchanged.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StateFromEarlierVersionTest {
    private static final int CATALOG = 500;

    @TempDir
    Path stateDirectory;

    /** Selects the data space (which resets its state), puts the earlier state in place, then syncs. */
    private SyncReport resync(int changedEvery) throws IOException {
        try (CatalogGateway fake = CatalogGateway.startRealTime();
                CommerceServicesClient client = fake.client(stateDirectory,
                        CatalogSyncSettings.defaults().withRequestsPerSecond(0))) {
            Path folder = Files.createDirectories(stateDirectory.resolve("catalog").resolve(fake.dataSpaceId));
            try (InputStream log = getClass().getResourceAsStream("/state-before-onepass/products.log")) {
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
}

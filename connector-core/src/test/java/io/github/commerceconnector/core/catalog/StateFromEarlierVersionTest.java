package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.core.CommerceServicesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * State directories written by earlier versions of the connector, committed as fixtures, still open and tell which
 * items are unchanged: format 1, written before the one-pass change of issue 13
 * ({@code state-before-onepass/products.log}: 500 products, {@code product(n, 1)}, synced by commit 6abc836), and
 * format 2, written before the snapshot of issue 13 ({@code state-format-2/products.log}: the same 500 products
 * synced by commit 1b05a5d, then a resync checkpoint recorded and cleared, so the log holds both kinds of
 * checkpoint record), and format 3 with SHA-256 content hashes, written before content hashes had an algorithm of
 * their own ({@code state-format-3/products.snap} and {@code products.log}: 2,500 products {@code product(n, 1)}
 * synced by commit 8d02b87, which closed with a snapshot, then every 50th at {@code product(n, 2)}, which left a
 * tail of records after it), and format 4 with XXH3 content hashes over the canonical JSON, written before the
 * hashes over fields ({@code state-format-4/products.snap} and {@code products.log}: the same 2,500 products and
 * versions, synced by commit a1b40c7). Each keeps its content hashes and its format; a new state takes the hashes
 * over fields and format 5.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StateFromEarlierVersionTest {
    private static final int CATALOG = 500;
    /** Format 3 before content hashes had an algorithm of their own: a snapshot and the tail of records after it. */
    private static final List<String> FORMAT_3 = List.of("/state-format-3/products.snap",
            "/state-format-3/products.log");
    private static final int FORMAT_3_CATALOG = 2500;
    /** Format 4, of XXH3 over the canonical JSON: a snapshot and the tail of records after it. */
    private static final List<String> FORMAT_4 = List.of("/state-format-4/products.snap",
            "/state-format-4/products.log");

    @TempDir
    Path stateDirectory;

    /** Selects the data space (which resets its state), puts the earlier state in place, then syncs. */
    private SyncReport resync(int changedEvery) throws IOException {
        return resync("/state-before-onepass/products.log", changedEvery);
    }

    private SyncReport resync(String fixture, int changedEvery) throws IOException {
        return resync(List.of(fixture), CATALOG, n -> changedEvery > 0 && n % changedEvery == 0 ? 2 : 1);
    }

    private SyncReport resync(List<String> fixtures, int size, IntUnaryOperator version) throws IOException {
        return resync(fixtures, size, version, ContentHashAlgorithm.SHA_256);
    }

    /**
     * Puts the fixture's files in place of the data space's state, syncs {@code size} products at the versions
     * given, and checks the state kept the content hash algorithm of the earlier state.
     */
    private SyncReport resync(List<String> fixtures, int size, IntUnaryOperator version, ContentHashAlgorithm kept)
            throws IOException {
        try (CatalogGateway fake = CatalogGateway.startRealTime()) {
            SyncReport report;
            try (CommerceServicesClient client = fake.client(stateDirectory,
                    CatalogSyncSettings.defaults().withRequestsPerSecond(0))) {
                Path folder = Files.createDirectories(stateDirectory.resolve("catalog").resolve(fake.dataSpaceId));
                for (String fixture : fixtures) {
                    try (InputStream file = getClass().getResourceAsStream(fixture)) {
                        Files.copy(file, folder.resolve(Path.of(fixture).getFileName().toString()),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                report = client.catalog().sync(Feed.PRODUCTS, generated(size, n -> product(n, version.applyAsInt(n))));
                assertEquals(report.requests(), fake.feedRequests().size(), "requests the gateway received");
            }
            try (FeedSyncState state = new FileSyncStateStore(stateDirectory.resolve("catalog"))
                    .open(fake.dataSpaceId, Feed.PRODUCTS)) {
                assertEquals(kept, state.contentHashAlgorithm(), "a state keeps the algorithm of its hashes");
            }
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

    @Test
    void anUnchangedCatalogIsNotSentAgainFromASnapshotAndItsTail() throws IOException {
        SyncReport report = resync(FORMAT_3, FORMAT_3_CATALOG, n -> n % 50 == 0 ? 2 : 1);
        assertEquals(FORMAT_3_CATALOG, report.unchanged(), report.toString());
        assertEquals(0, report.requests());
        assertEquals(0, report.deleted());
    }

    @Test
    void onlyTheChangedItemsAreSentFromASnapshotAndItsTail() throws IOException {
        SyncReport report = resync(FORMAT_3, FORMAT_3_CATALOG, n -> 1);
        assertEquals(FORMAT_3_CATALOG / 50, report.sent(), report.toString());
        assertEquals(FORMAT_3_CATALOG - FORMAT_3_CATALOG / 50, report.unchanged());
        assertEquals(1, report.requests());
    }

    @Test
    void anUnchangedCatalogIsNotSentAgainFromFormat4() throws IOException {
        SyncReport report = resync(FORMAT_4, FORMAT_3_CATALOG, n -> n % 50 == 0 ? 2 : 1,
                ContentHashAlgorithm.XXH3_64);
        assertEquals(FORMAT_3_CATALOG, report.unchanged(), report.toString());
        assertEquals(0, report.requests());
        assertEquals(0, report.deleted());
    }

    @Test
    void onlyTheChangedItemsAreSentFromFormat4() throws IOException {
        SyncReport report = resync(FORMAT_4, FORMAT_3_CATALOG, n -> 1, ContentHashAlgorithm.XXH3_64);
        assertEquals(FORMAT_3_CATALOG / 50, report.sent(), report.toString());
        assertEquals(FORMAT_3_CATALOG - FORMAT_3_CATALOG / 50, report.unchanged());
        assertEquals(1, report.requests());
    }

    @Test
    void aNewStateTakesHashesOverFieldsAndKeepsThem() throws IOException {
        try (CatalogGateway fake = CatalogGateway.startRealTime()) {
            for (int round = 0; round < 2; round++) {
                try (CommerceServicesClient client = fake.client(stateDirectory,
                        CatalogSyncSettings.defaults().withRequestsPerSecond(0))) {
                    SyncReport report = client.catalog().sync(Feed.PRODUCTS, generated(CATALOG, n -> product(n, 1)));
                    assertEquals(round == 0 ? CATALOG : 0, report.sent(), report.toString());
                }
                try (FeedSyncState state = new FileSyncStateStore(stateDirectory.resolve("catalog"))
                        .open(fake.dataSpaceId, Feed.PRODUCTS)) {
                    assertEquals(ContentHashAlgorithm.FIELDS_XXH3_64, state.contentHashAlgorithm());
                }
                byte[] log = Files.readAllBytes(stateDirectory.resolve("catalog").resolve(fake.dataSpaceId)
                        .resolve("products.log"));
                assertEquals(5, log[4], "format 5, which an SDK of hashes over the canonical JSON refuses and starts "
                        + "afresh from, rather than mixing its hashes into the state");
            }
        }
    }
}

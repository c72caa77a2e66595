package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync killed with SIGKILL in the middle (a child JVM, {@code destroyForcibly}): the state it leaves
 * reopens, claims nothing the gateway does not hold, and the next run leaves the gateway holding exactly
 * the catalog.
 */
class CrashRecoveryTest {
    private static final int CATALOG = 2000;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSyncKilledMidwayLosesNothingAndTheNextRunConverges() throws Exception {
        Path stateDirectory = directory.resolve("state");
        try (CatalogGateway fake = CatalogGateway.startRealTime()) {
            ServiceCredentials credentials = fake.credentials.require(Environment.SANDBOX);
            Path pem = directory.resolve("key.pem");
            Files.writeString(pem, credentials.privateKey().reveal());
            fake.client(stateDirectory, CatalogSyncSettings.defaults()).close();

            try (ChildJvm child = ChildJvm.start(SyncChild.class, fake.gateway.baseUri().toString(),
                    credentials.apiKey().value(), pem.toString(), stateDirectory.toString(), String.valueOf(CATALOG))) {
                assertEquals("STARTED", child.readLine());
                int batches = 0;
                String line;
                while (batches < 15 && (line = child.readLine()) != null) {
                    assertTrue(line.startsWith("BATCH"), line);
                    batches++;
                }
                child.kill();
            }
            Map<String, Map<String, Object>> heldAfterCrash = fake.productsHeld();
            assertTrue(heldAfterCrash.size() > 0 && heldAfterCrash.size() < CATALOG,
                    "killed midway: " + heldAfterCrash.size() + " items arrived");

            int claimed = 0;
            int claimedAndKept = 0;
            try (FeedSyncState state = new FileSyncStateStore(stateDirectory.resolve("catalog"))
                    .open(fake.dataSpaceId, Feed.PRODUCTS)) {
                ItemHasher hasher = new ItemHasher(state.contentHashAlgorithm());
                for (int n = 0; n < CATALOG; n++) {
                    ItemKey key = ItemKey.of(Feed.PRODUCTS, String.format("SKU-%05d", n), "default");
                    StoredItem stored = state.find(hasher.identityHash(key));
                    if (stored != null && stored.status() == ItemStatus.ACCEPTED) {
                        claimed++;
                        claimedAndKept += n % 10 != 0 && n % 7 != 0 ? 1 : 0;
                        assertNotNull(heldAfterCrash.get(key.values().get(0)), "accepted but not held: " + key);
                        assertEquals(hasher.contentHash(product(n, 1).fields()), stored.contentHash());
                    }
                }
            }
            assertTrue(claimed > 0 && claimed <= heldAfterCrash.size(), claimed + " claimed, "
                    + heldAfterCrash.size() + " held");

            try (CommerceServicesClient client = fake.client(stateDirectory, CatalogSyncSettings.defaults()
                    .withRequestsPerSecond(0))) {
                SyncReport report = client.catalog().sync(Feed.PRODUCTS, generated(CATALOG, n -> n % 10 == 0
                        ? product(n + CATALOG, 1) : product(n, n % 7 == 0 ? 2 : 1)));
                assertTrue(report.isComplete(), report.toString());
                assertEquals(claimedAndKept, report.unchanged(), "what the killed run recorded is not sent again");
            }
            Map<String, Map<String, Object>> held = fake.productsHeld();
            assertEquals(CATALOG, held.size());
            for (int n = 0; n < CATALOG; n++) {
                int number = n % 10 == 0 ? n + CATALOG : n;
                Map<String, Object> item = held.get(String.format("SKU-%05d", number));
                assertNotNull(item, "missing " + number);
                assertEquals("Product " + number + " v" + (n % 10 != 0 && n % 7 == 0 ? 2 : 1), item.get("name"));
            }
        }
    }
}

package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.ResyncOptions;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.internal.catalog.ItemHasher;
import io.github.commerceconnector.testkit.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resync of 20,000 products killed with SIGKILL in a child JVM after about 40 batches, then resumed in this JVM
 * with {@code ResyncOptions.resume()}: the checkpoint left in the file state never covers an item not recorded as
 * accepted; the resumed run sends no item the killed run had recorded as accepted, and sends every other one;
 * counted at the fake gateway, the items of the resumed run's requests are exactly the resumed report's sent items.
 */
class ResumedResyncCrashTest {
    private static final int CATALOG = 20_000;
    private static final int BATCHES_BEFORE_THE_KILL = 40;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aResyncKilledMidwayIsResumedWithoutResendingWhatWasAccepted() throws Exception {
        Path stateDirectory = directory.resolve("state");
        try (CatalogGateway fake = CatalogGateway.startRealTime()) {
            ServiceCredentials credentials = fake.credentials.require(Environment.SANDBOX);
            Path pem = directory.resolve("key.pem");
            Files.writeString(pem, credentials.privateKey().reveal());
            fake.client(stateDirectory, CatalogSyncSettings.defaults()).close();

            try (ChildJvm child = ChildJvm.start(SyncChild.class, fake.gateway.baseUri().toString(),
                    credentials.apiKey().value(), pem.toString(), stateDirectory.toString(), String.valueOf(CATALOG),
                    "resync")) {
                assertEquals("STARTED", child.readLine());
                int batches = 0;
                String line;
                while (batches < BATCHES_BEFORE_THE_KILL && (line = child.readLine()) != null) {
                    assertTrue(line.startsWith("BATCH"), line);
                    batches++;
                }
                child.kill();
            }
            int requestsBeforeTheKill = fake.feedRequests().size();
            assertTrue(fake.productsHeld().size() < CATALOG, "killed midway: " + fake.productsHeld().size());

            ItemHasher hasher = new ItemHasher();
            Set<String> acceptedByTheKilledRun = new HashSet<>();
            long checkpoint;
            try (FeedSyncState state = new FileSyncStateStore(stateDirectory.resolve("catalog"))
                    .open(fake.dataSpaceId, Feed.PRODUCTS)) {
                ResyncCheckpoint kept = state.resyncCheckpoint();
                assertNotNull(kept, "the killed resync left its checkpoint");
                checkpoint = kept.confirmedItems();
                for (int n = 0; n < CATALOG; n++) {
                    ItemKey key = ItemKey.of(Feed.PRODUCTS, String.format("SKU-%05d", n), "default");
                    StoredItem stored = state.find(hasher.identityHash(key));
                    if (stored != null && stored.status() == ItemStatus.ACCEPTED) {
                        acceptedByTheKilledRun.add(key.values().get(0));
                    } else {
                        assertTrue(n >= checkpoint, "the checkpoint " + checkpoint + " covers " + key
                                + ", which is not recorded as accepted");
                    }
                }
            }
            assertTrue(checkpoint > 0, "the checkpoint moved: " + checkpoint);
            assertTrue(acceptedByTheKilledRun.size() >= checkpoint);

            SyncReport resumed;
            try (CommerceServicesClient client = fake.client(stateDirectory, CatalogSyncSettings.defaults()
                    .withRequestsPerSecond(0))) {
                resumed = client.catalog().resync(Feed.PRODUCTS, generated(CATALOG, n -> product(n, 1)),
                        ResyncOptions.resume());
                assertTrue(resumed.isComplete(), resumed.toString());
                try (FeedSyncState state = new FileSyncStateStore(stateDirectory.resolve("catalog"))
                        .open(fake.dataSpaceId, Feed.PRODUCTS)) {
                    assertNull(state.resyncCheckpoint(), "a finished resync leaves no checkpoint");
                }
            }
            assertEquals(CATALOG - acceptedByTheKilledRun.size(), resumed.sent(), resumed.toString());
            assertEquals(acceptedByTheKilledRun.size(), resumed.unchanged());

            List<RecordedRequest> resumedRequests = fake.feedRequests().subList(requestsBeforeTheKill,
                    fake.feedRequests().size());
            assertEquals(resumed.requests(), resumedRequests.size());
            int itemsSent = 0;
            for (RecordedRequest request : resumedRequests) {
                for (Map<String, Object> item : request.items()) {
                    itemsSent++;
                    assertFalse(acceptedByTheKilledRun.contains((String) item.get("sku")),
                            "sent again although the killed run had it accepted: " + item.get("sku"));
                }
            }
            assertEquals(resumed.sent(), itemsSent, "items counted at the gateway");
            assertEquals(CATALOG, fake.productsHeld().size());
            System.out.printf("Resumed resync: killed after %d requests, %d items recorded accepted, checkpoint %d; "
                    + "resumed with %d requests, %d items sent%n", requestsBeforeTheKill, acceptedByTheKilledRun.size(),
                    checkpoint, resumedRequests.size(), itemsSent);
        }
    }
}

package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client-side rate limit against a gateway that allows 2 feed requests a second (by the fake's clock,
 * which the client's waits move: nothing sleeps for real).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThrottlingTest {
    private static final int CATALOG = 3000;

    @TempDir
    Path stateDirectory;

    private static long throttled(CatalogGateway fake) {
        return fake.feedRequests().stream().filter(request -> request.status() == 429).count();
    }

    private SyncReport syncWith(CatalogGateway fake, CatalogSyncSettings settings) {
        try (CommerceServicesClient client = fake.client(stateDirectory, settings)) {
            return client.catalog().sync(Feed.PRODUCTS, generated(CATALOG, n -> product(n, 1)));
        }
    }

    /**
     * The default pace, one request at a time. On the fake clock a sleep takes no real time, so with two requests
     * in flight one sender can sleep through its next slots (moving the clock a second on) while the other's
     * request is still on its way: the gateway then sees three arrivals at one instant, which in real time would
     * take a request a second in transit. One request in flight lets the gateway see every request at its slot.
     */
    @Test
    void theDefaultPaceNeverTripsTheGuardrail() {
        try (CatalogGateway fake = CatalogGateway.start()) {
            SyncReport report = syncWith(fake, CatalogSyncSettings.defaults().withMaxInFlight(1));
            assertEquals(CATALOG, report.sent());
            assertEquals(0, throttled(fake));
        }
    }

    @Test
    void aTooFastLimitAdaptsToTheGatewayInsteadOfStorming() {
        long adaptiveThrottles;
        try (CatalogGateway fake = CatalogGateway.start()) {
            SyncReport report = syncWith(fake, CatalogSyncSettings.defaults().withRequestsPerSecond(20).withBatchSize(20));
            assertEquals(CATALOG, report.sent(), "every item arrives despite the 429s");
            assertTrue(report.isComplete());
            assertEquals(CATALOG, fake.productsHeld().size());
            adaptiveThrottles = throttled(fake);
        }
        long fixedThrottles;
        try (CatalogGateway fake = CatalogGateway.start()) {
            SyncReport report = syncWith(fake, CatalogSyncSettings.defaults().withRequestsPerSecond(20).withBatchSize(20)
                    .withAdaptiveRateLimit(false));
            assertEquals(CATALOG, report.sent());
            fixedThrottles = throttled(fake);
        }
        System.out.printf("150 requests at a 20/s client limit against a 2/s gateway: %d 429s adaptive, %d fixed%n",
                adaptiveThrottles, fixedThrottles);
        assertTrue(adaptiveThrottles * 3 < fixedThrottles, "adaptive: " + adaptiveThrottles + " 429s, fixed rate: "
                + fixedThrottles + " 429s");
        assertTrue(adaptiveThrottles <= 30, "adaptive limiting settles quickly: " + adaptiveThrottles + " 429s");
    }
}

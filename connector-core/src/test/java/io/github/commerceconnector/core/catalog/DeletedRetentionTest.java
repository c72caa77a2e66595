package io.github.commerceconnector.core.catalog;

import static io.github.commerceconnector.core.catalog.CatalogGateway.generated;
import static io.github.commerceconnector.core.catalog.CatalogGateway.product;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.core.CommerceServicesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CatalogSyncSettings.deletedRetention} through the HTTP client with file state: accepted deletes are kept for
 * the time set and forgotten by the first full sync after it (the fake gateway's test clock moved, no waiting), or
 * at once with {@link Duration#ZERO}; a negative time is refused, naming the setting.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeletedRetentionTest {
    @TempDir
    Path stateDirectory;

    private static long[] acceptedAndKept(CatalogGateway fake, Path stateDirectory) {
        try (FeedSyncState state = new FileSyncStateStore(stateDirectory.resolve("catalog"))
                .open(fake.dataSpaceId, Feed.PRODUCTS)) {
            return new long[] {state.count(ItemStatus.ACCEPTED), state.keptDeletes()};
        }
    }

    private static CommerceServicesClient client(CatalogGateway fake, Path stateDirectory, Duration retention) {
        return fake.client(stateDirectory, CatalogSyncSettings.defaults().withDeletedRetention(retention));
    }

    @Test
    void keptDeletesAreForgottenByTheFirstFullSyncPastTheRetention() {
        Duration twoDays = Duration.ofDays(2);
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = client(fake, stateDirectory, twoDays)) {
            client.catalog().sync(Feed.PRODUCTS, generated(10, n -> product(n, 1)));
            assertEquals(3, client.catalog().sync(Feed.PRODUCTS, generated(7, n -> product(n, 1))).deleted());
            assertArrayEquals(new long[] {10, 3}, acceptedAndKept(fake, stateDirectory), "accepted, kept deletes");
            assertEquals(7, client.catalog().status(Feed.PRODUCTS).accepted());

            fake.clock.advance(Duration.ofDays(1));
            assertEquals(0, client.catalog().sync(Feed.PRODUCTS, generated(7, n -> product(n, 1))).requests());
            assertArrayEquals(new long[] {10, 3}, acceptedAndKept(fake, stateDirectory), "kept for 2 days");

            fake.clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertEquals(0, client.catalog().sync(Feed.PRODUCTS, generated(7, n -> product(n, 1))).requests());
            assertArrayEquals(new long[] {7, 0}, acceptedAndKept(fake, stateDirectory), "purged after 2 days");
        }
    }

    @Test
    void withNoRetentionADeleteIsForgottenOnceAccepted() {
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = client(fake, stateDirectory, Duration.ZERO)) {
            client.catalog().sync(Feed.PRODUCTS, generated(10, n -> product(n, 1)));
            assertEquals(3, client.catalog().sync(Feed.PRODUCTS, generated(7, n -> product(n, 1))).deleted());
            assertArrayEquals(new long[] {7, 0}, acceptedAndKept(fake, stateDirectory));
        }
    }

    @Test
    void aNegativeRetentionIsRefusedNamingTheSetting() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> CatalogSyncSettings.defaults().withDeletedRetention(Duration.ofDays(-1)));
        assertTrue(refused.getMessage().startsWith("deletedRetention is PT-24H"), refused.getMessage());
    }
}

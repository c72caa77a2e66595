package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway asking a catalog sync to wait an hour ({@code 429} with {@code Retry-After: 3600}) is honoured only up
 * to {@link RetrySettings#maxRetryAfter()}, by the transport's retries and by the sync's rate limiter alike: no
 * wait of the run is longer than that cap plus the limiter's own pacing interval.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetryAfterCapTest {
    @TempDir
    Path stateDirectory;

    @Test
    void anHourLongRetryAfterPausesTheSyncNoLongerThanTheConfiguredCap() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        try (SyncFixture fixture = new SyncFixture();
                CommerceServicesClient client = fixture.client(fixture.builder(stateDirectory)
                        .catalogSync(CatalogSyncSettings.defaults())
                        .retry(RetrySettings.defaults().withMaxRetryAfter(Duration.ofSeconds(30)))
                        .sleeper(wait -> {
                            waits.add(wait);
                            fixture.clock.advance(wait);
                        }))) {
            fixture.gateway.failures().when(call -> call.is(FakeOperation.SEND_FEED)).times(2)
                    .respond(Fault.throttle(Duration.ofHours(1)));
            List<FeedItem> items = IntStream.range(0, 300).<FeedItem>mapToObj(n -> Product.builder()
                    .sku("RA-" + n).storeViewCode("default").name("Throttled " + n).build()).toList();

            SyncReport report = client.catalog().sync(Feed.PRODUCTS, items);

            assertEquals(300, report.sent(), report.toString());
            Duration longest = waits.stream().max(Duration::compareTo).orElseThrow();
            assertTrue(longest.compareTo(Duration.ofSeconds(35)) <= 0, "no wait beyond the 30 s cap and the limiter's "
                    + "pacing; longest " + longest + " of " + waits);
            assertTrue(waits.stream().anyMatch(wait -> wait.compareTo(Duration.ofSeconds(29)) >= 0),
                    "the capped Retry-After was honoured: " + waits);
        }
    }
}

package io.github.commerceconnector.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FeedChaos;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sync on a shared runtime with the client-side rate limit off, against a gateway that answers every feed request
 * {@code 429} and asks for no wait (no {@code Retry-After}, {@code 0}, or a date already past): the throttled
 * batches are delivered again only after a backoff that grows with the 429s in a row, so the sync sends a handful of
 * requests before its deadline instead of hundreds a second. Judged on the gateway's count of requests.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuntimeThrottleBackoffTest {
    /** Requests a 3 s deadline allows: the backoff allows about 8; the non-runtime sender sends about 28. */
    private static final int MOST_REQUESTS = 40;

    @ParameterizedTest(name = "Retry-After: [{0}]")
    @ValueSource(strings = {"", "0", "Wed, 21 Oct 2015 07:28:00 GMT"})
    void aThrottledBatchWaitsABackoffWhenTheGatewayAsksForNoWait(String retryAfter) throws Exception {
        FeedChaos throttling = FeedChaos.builder().failEvery(1, 429)
                .throttledRetryAfter(retryAfter.isEmpty() ? null : retryAfter).build();
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
                FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit().feedChaos(throttling)
                        .start();
                CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("rt-throttled")
                        .sendingThreads(2).build()) {
            SaasProject project = account.addProject("Throttled shop");
            CredentialStore credentials = CredentialStores.inMemory();
            credentials.put(TestKeys.credentialsFor(gateway));
            try (CommerceServicesClient client = CommerceServicesClient.builder().environment(Environment.SANDBOX)
                    .credentials(credentials).installation(Installation.NON_PRODUCTION).endpoint(gateway.baseUri())
                    .runtime(runtime).selectionStore(SelectionStore.inMemory())
                    .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0)
                            .withSyncDeadline(Duration.ofSeconds(3)))
                    .build()) {
                client.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());

                SyncDeadlineExceededException ended = assertThrows(SyncDeadlineExceededException.class,
                        () -> client.catalog().sync(Feed.PRODUCTS, CommerceServicesRuntimeTest.catalog("t", 200)));

                long requests = CommerceServicesRuntimeTest.feedRequests(gateway).size();
                assertTrue(requests >= 2, "each batch was sent: " + requests);
                assertTrue(requests <= MOST_REQUESTS, requests + " feed requests within a 3 s deadline");
                assertTrue(CommerceServicesRuntimeTest.feedRequests(gateway).stream().allMatch(r -> r.status() == 429));
                FeedStatus status = client.catalog().status(Feed.PRODUCTS);
                assertEquals(200, status.retryable(), status.toString());
                assertEquals(requests, ended.report().requests(), "the report counts every request");
            }
        }
    }
}

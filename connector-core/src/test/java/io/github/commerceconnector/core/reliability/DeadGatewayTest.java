package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway that is gone (its port refuses connections): each endpoint's circuit breaker opens, calls then fail
 * at once with a clear, retryable error and without touching the network, a catalog sync stops after a bounded
 * number of connection attempts with nothing lost, and once the gateway is back and the open period is over the
 * breakers close and the items left retryable are sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeadGatewayTest {
    private static final Duration OPEN = Duration.ofSeconds(30);
    private static final int CATALOG = 1500;

    @TempDir
    Path stateDirectory;

    private final TestClock clock = TestClock.system();
    private final CountingTransport transport = new CountingTransport();
    private FakeCommerceServices account;
    private FakeGateway gateway;
    private SaasProject project;
    private CommerceServicesClient client;

    @BeforeEach
    void start() {
        account = FakeCommerceServices.builder().clock(clock).checkSchema(true).build();
        gateway = FakeGateway.builder().services(account).noRateLimit().start();
        project = account.addProject("Shop");
        CredentialStore credentials = CredentialStores.inMemory();
        ServiceCredentials keys = TestKeys.credentialsFor(gateway);
        SecretRegistry.credentials("dead gateway keys", keys);
        credentials.put(keys);
        client = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(gateway.baseUri())
                .httpTransport(transport)
                .timeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(20)))
                .retry(RetrySettings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
                .circuitBreaker(CircuitBreakerSettings.defaults().withWindow(10, 8).withOpenDuration(OPEN)
                        .withHalfOpenCalls(2))
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withMaxInFlight(1)
                        .withFailureLimits(3, 5))
                .stateDirectory(stateDirectory)
                .clock(clock)
                .sleeper(clock::advance)
                .build();
        client.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());
    }

    @AfterEach
    void stop() {
        client.close();
        transport.close();
        gateway.close();
        account.close();
    }

    private static List<FeedItem> catalog() {
        return IntStream.range(0, CATALOG).<FeedItem>mapToObj(n -> Product.builder().sku("DG-" + n)
                .storeViewCode("default").name("Dead gateway product " + n).build()).toList();
    }

    private void bringTheGatewayBack() {
        gateway = FakeGateway.builder().services(account).noRateLimit().port(gateway.port()).start();
    }

    @Test
    void registryCallsFailFastWhileTheGatewayIsDeadAndWorkAgainOnceItIsBack() {
        assertEquals(1, client.projects().list().size());
        gateway.close();

        ConnectorClientException dead = assertThrows(ConnectorClientException.class, () -> client.projects().list());
        assertTrue(dead.isRetryable());
        assertTrue(dead.getMessage().contains("got no usable reply"), dead.getMessage());
        assertThrows(ConnectorClientException.class, () -> client.projects().list());
        int attemptsWhileDead = transport.attempts();

        ConnectorClientException fast = assertThrows(ConnectorClientException.class, () -> client.projects().list());

        assertTrue(fast.getMessage().contains("circuit breaker open"), fast.getMessage());
        assertTrue(fast.getMessage().contains("Try again later"), fast.getMessage());
        assertTrue(fast.isRetryable());
        assertEquals(attemptsWhileDead, transport.attempts(), "an open breaker does not touch the network");

        bringTheGatewayBack();
        assertThrows(ConnectorClientException.class, () -> client.projects().list(),
                "still open until the open period is over, even though the gateway is back");
        clock.advance(OPEN.plusSeconds(1));
        for (int i = 0; i < 5; i++) {
            assertEquals(1, client.projects().list().size());
        }
        assertEquals(attemptsWhileDead + 5, transport.attempts(), "closed again: every call goes out once");
    }

    @Test
    void aSyncAgainstADeadGatewayStopsSoonLosesNothingAndFinishesOnceTheGatewayIsBack() {
        int before = transport.attempts();
        gateway.close();

        ConnectorClientException stopped = assertThrows(ConnectorClientException.class,
                () -> client.catalog().sync(Feed.PRODUCTS, catalog()));

        assertTrue(stopped.isRetryable());
        assertTrue(stopped.getMessage().contains("in a row") && stopped.getMessage().contains("nothing is lost"),
                stopped.getMessage());
        assertEquals(8, transport.attempts() - before, "the feed endpoint's breaker opens after 8 failed attempts "
                + "(two batches of 4); the other batches fail without a connection attempt");
        long retryable = client.catalog().status(Feed.PRODUCTS).retryable();
        assertEquals(5 * 100, retryable, "five batches in a row failed; the sync stopped reading its input");

        bringTheGatewayBack();
        clock.advance(OPEN.plusSeconds(1));
        SyncReport retried = client.catalog().retryFailed(Feed.PRODUCTS);
        assertEquals(retryable, retried.sent());
        SyncReport rest = client.catalog().sync(Feed.PRODUCTS, catalog());

        assertEquals(CATALOG - retryable, rest.sent());
        assertEquals(retryable, rest.unchanged());
        assertEquals(CATALOG, account.items(project.testingDataSpaces().get(0).id(), Feed.PRODUCTS).size());
        assertEquals(CATALOG, client.catalog().status(Feed.PRODUCTS).accepted());
    }
}

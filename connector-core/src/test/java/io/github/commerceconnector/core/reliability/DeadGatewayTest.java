package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.testsupport.WaitRecorder;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * at once with a clear, retryable error and without touching the network, a catalog sync probes the gateway once
 * per open period until the sync deadline ends it (by a test clock: no real waiting) with nothing lost, and once the gateway is back and the open period is over the
 * breakers close and the items left retryable are sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeadGatewayTest {
    private static final Duration OPEN = Duration.ofSeconds(30);
    private static final Duration DEADLINE = Duration.ofMinutes(15);
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
                        .withSyncDeadline(DEADLINE))
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
    void aSyncAgainstADeadGatewayProbesUntilTheSyncDeadlineEndsItLosesNothingAndFinishesOnceTheGatewayIsBack() {
        int before = transport.attempts();
        Instant started = clock.instant();
        WaitRecorder waits = new WaitRecorder();
        gateway.close();

        SyncDeadlineExceededException ended = assertThrows(SyncDeadlineExceededException.class,
                () -> client.catalog().sync(Feed.PRODUCTS, catalog(), waits));

        Duration waited = Duration.between(started, clock.instant());
        assertTrue(waited.compareTo(DEADLINE) >= 0 && waited.compareTo(DEADLINE.plus(OPEN).plus(OPEN)) <= 0,
                "the sync kept trying for the deadline, by the test clock: " + waited);
        assertTrue(ended.isRetryable());
        assertTrue(ended.getMessage().contains("sync deadline") && ended.getMessage().contains("Nothing is lost"),
                ended.getMessage());
        assertEquals(ended.getMessage(), ended.report().stopReason().orElseThrow());
        assertTrue(waits.waits().stream().anyMatch(wait -> wait.reason() == SyncWait.Reason.BREAKER_OPEN),
                waits.events().toString());
        int attempts = transport.attempts() - before;
        assertTrue(attempts <= 8 + 4 * (DEADLINE.toSeconds() / OPEN.toSeconds() + 1),
                "the open breaker lets one probe out per open period: " + attempts + " connection attempts");
        FeedStatus status = client.catalog().status(Feed.PRODUCTS);
        assertEquals(0, status.accepted(), "nothing is marked accepted");
        assertEquals(100, status.retryable(), "the batch in flight is kept retryable");
        assertEquals(100, ended.report().retryable());

        bringTheGatewayBack();
        clock.advance(OPEN.plusSeconds(1));
        assertEquals(100, client.catalog().retryFailed(Feed.PRODUCTS).sent());
        SyncReport rest = client.catalog().sync(Feed.PRODUCTS, catalog());

        assertEquals(CATALOG - 100, rest.sent());
        assertEquals(100, rest.unchanged());
        assertEquals(CATALOG, account.items(project.testingDataSpaces().get(0).id(), Feed.PRODUCTS).size());
        assertEquals(CATALOG, client.catalog().status(Feed.PRODUCTS).accepted());
    }
}

package io.github.commerceconnector.core.auth;

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
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.RecordedRequest;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway whose clock runs ahead of the client's by more than the minute the client keeps in hand before a token
 * expires: the client's reused token is refused as expired while the client still takes it for valid. The request
 * is sent once more with a fresh token; a fresh token refused, or a second refusal, is reported as before. The
 * client and the fake share one test clock, so nothing depends on real time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayClockAheadTest {
    private final TestClock clock = TestClock.fixed(Instant.parse("2026-03-01T12:00:00Z"));

    private static List<FeedItem> catalog(String version) {
        return IntStream.range(0, 10).<FeedItem>mapToObj(n -> Product.builder().sku("SKU-" + n)
                .storeViewCode("default").name("Product " + n + " " + version).build()).toList();
    }

    private static List<RecordedRequest> feedRequests(FakeGateway gateway) {
        return gateway.requests().stream().filter(request -> request.path().startsWith("feeds/")).toList();
    }

    private CommerceServicesClient client(FakeCommerceServices account, FakeGateway gateway) {
        CommerceServicesClient client = unselected(gateway);
        SaasProject project = account.addProject("Clock shop");
        client.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());
        return client;
    }

    private CommerceServicesClient unselected(FakeGateway gateway) {
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(TestKeys.credentialsFor(gateway));
        return CommerceServicesClient.builder().environment(Environment.SANDBOX)
                .credentials(credentials).installation(Installation.NON_PRODUCTION).endpoint(gateway.baseUri())
                .selectionStore(SelectionStore.inMemory()).clock(clock)
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0))
                .build();
    }

    @Test
    void aReusedTokenTheGatewayTakesForExpiredIsRenewedAndTheSyncGoesOn() {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(clock).build();
                FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit()
                        .clockAhead(Duration.ofSeconds(120)).start();
                CommerceServicesClient client = client(account, gateway)) {
            assertTrue(client.catalog().sync(Feed.PRODUCTS, catalog("v1")).isComplete());
            String firstToken = feedRequests(gateway).get(0).header("x-gw-signature").orElseThrow();
            clock.advance(Duration.ofSeconds(200));

            SyncReport report = client.catalog().sync(Feed.PRODUCTS, catalog("v2"));

            assertTrue(report.isComplete(), report.toString());
            assertEquals(10, report.sent());
            List<Integer> statuses = feedRequests(gateway).stream().map(RecordedRequest::status).toList();
            assertEquals(List.of(200, 401, 200), statuses, "the reused token refused once, then a fresh one");
            assertEquals(firstToken, feedRequests(gateway).get(1).header("x-gw-signature").orElseThrow(), "reused");
            assertEquals(2, report.requests(), "the report counts the refused request too");
        }
    }

    @Test
    void aFreshTokenRefusedIsReportedAtOnce() {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(clock).build();
                FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit()
                        .clockAhead(Duration.ofSeconds(400)).start();
                CommerceServicesClient client = unselected(gateway)) {
            SaasProject project = account.addProject("Clock shop");

            assertThrows(AuthenticationException.class, () -> client.dataSpaces().select(project.id(),
                    project.testingDataSpaces().get(0).id()));

            assertEquals(List.of(401), gateway.requests().stream().map(RecordedRequest::status).toList());
        }
    }

    @Test
    void aSecondRefusalAfterRenewingIsReported() {
        try (FakeCommerceServices account = FakeCommerceServices.builder().clock(clock).build();
                FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit().start();
                CommerceServicesClient client = client(account, gateway)) {
            assertTrue(client.catalog().sync(Feed.PRODUCTS, catalog("v1")).isComplete());
            clock.advance(Duration.ofSeconds(200));
            gateway.failures().next(5).respond(Fault.status(401));

            assertThrows(AuthenticationException.class, () -> client.catalog().sync(Feed.PRODUCTS, catalog("v2")));

            assertEquals(List.of(200, 401, 401), feedRequests(gateway).stream().map(RecordedRequest::status)
                    .toList(), "one request more with a fresh token, not more");
        }
    }
}

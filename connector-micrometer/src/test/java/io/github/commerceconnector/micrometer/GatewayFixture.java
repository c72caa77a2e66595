package io.github.commerceconnector.micrometer;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A fake gateway on loopback with one project, and a real client for it that has selected the project's testing
 * data space, reports to an observer, sends batches of ten and waits by moving the account's clock.
 */
final class GatewayFixture implements AutoCloseable {
    final TestClock clock = TestClock.system();
    final FakeCommerceServices account = FakeCommerceServices.builder().clock(clock).build();
    final FakeGateway gateway;
    final SaasProject project = account.addProject("Shop");
    final String dataSpaceId = project.testingDataSpaces().get(0).id();
    final CommerceServicesClient client;

    /**
     * The fixture.
     *
     * @param gatewayRate the gateway's requests per second per data space (0: no limit)
     * @param observer    what the client reports to
     */
    GatewayFixture(double gatewayRate, ConnectorObserver observer) {
        gateway = FakeGateway.builder().services(account).rateLimit(gatewayRate).start();
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(TestKeys.credentialsFor(gateway));
        client = CommerceServicesClient.builder().environment(Environment.SANDBOX).credentials(credentials)
                .installation(Installation.NON_PRODUCTION).endpoint(gateway.baseUri())
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30)))
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withBatchSize(10))
                .clock(clock).sleeper(clock::advance).observer(observer).build();
        client.dataSpaces().select(project.id(), dataSpaceId);
    }

    /** Products numbered {@code from} to {@code to - 1}. */
    static List<FeedItem> products(int from, int to) {
        return IntStream.range(from, to).<FeedItem>mapToObj(n -> Product.builder().sku("SKU-" + n)
                .storeViewCode("default").name("Product " + n).urlKey("product-" + n).inStock(true).build())
                .collect(Collectors.toList());
    }

    /** The feed requests the gateway received. */
    long feedRequestsReceived() {
        return gateway.requests().stream().filter(request -> request.path().startsWith("feeds/")).count();
    }

    @Override
    public void close() {
        client.close();
        gateway.close();
        account.close();
    }
}

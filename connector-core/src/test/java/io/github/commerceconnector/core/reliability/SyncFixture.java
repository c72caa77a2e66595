package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake gateway on loopback (no rate limit, its account on a system-following {@link TestClock}) with one
 * project, and clients of the real connector for it that wait by moving that clock, never by sleeping.
 */
final class SyncFixture implements AutoCloseable {
    final TestClock clock = TestClock.system();
    final FakeCommerceServices account = FakeCommerceServices.builder().clock(clock).checkSchema(true).build();
    final FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit().start();
    final SaasProject project = account.addProject("Shop");
    final String dataSpaceId = project.testingDataSpaces().get(0).id();
    final CredentialStore credentials = CredentialStores.inMemory();

    SyncFixture() {
        ServiceCredentials keys = TestKeys.credentialsFor(gateway);
        SecretRegistry.credentials("sync fixture keys", keys);
        credentials.put(keys);
    }

    /** A builder for this gateway: sandbox, non-production, HTTP/1.1, short timeouts, waits on the test clock. */
    CommerceServicesClient.Builder builder(Path stateDirectory) {
        return CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(gateway.baseUri())
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30)))
                .retry(RetrySettings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0))
                .stateDirectory(stateDirectory)
                .clock(clock)
                .sleeper(clock::advance);
    }

    /** A built client that has selected the data space. */
    CommerceServicesClient client(CommerceServicesClient.Builder builder) {
        CommerceServicesClient client = builder.build();
        client.dataSpaces().select(project.id(), dataSpaceId);
        return client;
    }

    /** The items the data space holds for a feed, keyed by the first identity field. */
    Map<String, Map<String, Object>> held(Feed feed) {
        Map<String, Map<String, Object>> held = new HashMap<>();
        for (Map<String, Object> item : account.items(dataSpaceId, feed)) {
            held.put(String.valueOf(item.get(feed.identityFields().get(0))), item);
        }
        return held;
    }

    /** The items held for a feed, as a list. */
    List<Map<String, Object>> items(Feed feed) {
        return account.items(dataSpaceId, feed);
    }

    @Override
    public void close() {
        gateway.close();
        account.close();
    }
}

package io.github.commerceconnector.jdbc.testsupport;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A fake gateway on loopback (no rate limit) with one project and its keys, and clients of the real connector
 * for it; the keys also as environment variables and a key file, for workers in child JVMs.
 */
public final class GatewayFixture implements AutoCloseable {
    /** The fake account. */
    public final FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system()).build();
    /** The gateway serving it. */
    public final FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit().start();
    /** The project. */
    public final SaasProject project = account.addProject("Shop");
    /** The testing data space the syncs write to. */
    public final String dataSpaceId = project.testingDataSpaces().get(0).id();
    private final ServiceCredentials keys = TestKeys.credentialsFor(gateway);
    private final CredentialStore credentials = CredentialStores.inMemory();

    /** Starts the gateway. */
    public GatewayFixture() {
        credentials.put(keys);
    }

    /** The key pair the gateway knows. */
    public ServiceCredentials keys() {
        return keys;
    }

    /** A client builder for this gateway: sandbox, non-production, HTTP/1.1, no client-side rate limit. */
    public CommerceServicesClient.Builder builder() {
        return CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(gateway.baseUri())
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .timeouts(Timeouts.defaults().withConnect(Duration.ofSeconds(5)).withAttempt(Duration.ofSeconds(20)))
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withBatchSize(50));
    }

    /**
     * The environment of a worker in a child JVM: {@code COMMERCE_CONNECTOR_SANDBOX_API_KEY} and a private key file
     * (owner-only) in a directory.
     */
    public Map<String, String> workerEnvironment(Path directory) {
        try {
            Path keyFile = directory.resolve("sandbox-key.pem");
            Files.writeString(keyFile, keys.privateKey().reveal());
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            return Map.of("COMMERCE_CONNECTOR_SANDBOX_API_KEY", keys.apiKey().value(),
                    "COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of the products the data space holds, and each one's name. */
    public Map<ItemKey, String> productsHeld() {
        Map<ItemKey, String> held = new HashMap<>();
        for (Map<String, Object> item : account.items(dataSpaceId, Feed.PRODUCTS)) {
            held.put(ItemKey.ofItem(Feed.PRODUCTS, item), String.valueOf(item.get("name")));
        }
        return held;
    }

    /** How many products the gateway received in feed requests so far. */
    public long productsReceived() {
        return gateway.requests().stream().filter(request -> request.path().startsWith("feeds/"))
                .mapToLong(request -> request.items().size()).sum();
    }

    /** The keys of {@code 0 .. count-1} of {@link SyncCatalog}. */
    public static Set<ItemKey> catalogKeys(int count) {
        Set<ItemKey> keys = new HashSet<>();
        for (int n = 0; n < count; n++) {
            keys.add(ItemKey.of(Feed.PRODUCTS, SyncCatalog.sku(n), "default"));
        }
        return keys;
    }

    @Override
    public void close() {
        gateway.close();
        account.close();
    }
}

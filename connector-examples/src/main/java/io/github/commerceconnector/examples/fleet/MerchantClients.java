package io.github.commerceconnector.examples.fleet;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.CommerceServicesRuntime;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.jdbc.JdbcCredentialStore;
import io.github.commerceconnector.jdbc.JdbcSelectionStore;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.sql.DataSource;

/**
 * Builds, and keeps for the worker's life, one client per merchant: its keys ({@link JdbcCredentialStore}, encrypted
 * with the fleet's key) and its selected data space ({@link JdbcSelectionStore}), both keyed by the merchant id, and
 * the worker's one sync state store (the leases name the worker). This is the one place where a worker's clients
 * are made; they all share the worker's one {@link CommerceServicesRuntime} (one HTTP transport and bounded
 * executors for every merchant, so a worker's threads do not grow with its merchants), which this object owns and
 * closes after the clients.
 *
 * <p>Each client keeps one feed request in flight per data space: a merchant's pace is its data space's guardrail
 * (about 2 requests a second), which one request at a time reaches; the fleet's throughput comes from many
 * merchants side by side. Thread-safe.
 */
public final class MerchantClients implements AutoCloseable {
    private final DataSource dataSource;
    private final SecretKey credentialsKey;
    private final URI gateway;
    private final Environment environment;
    private final SyncStateStore syncState;
    private final CatalogSyncSettings settings;
    private final Map<String, CommerceServicesClient> clients = new ConcurrentHashMap<>();
    private final CommerceServicesRuntime runtime = CommerceServicesRuntime.builder().name("fleet-runtime").build();

    /**
     * Clients over the fleet's database.
     *
     * @param dataSource     the fleet's database
     * @param credentialsKey the AES key the merchants' keys are encrypted with
     * @param gateway        the gateway's base URL
     * @param environment    the environment of the merchants' keys
     * @param syncState      the worker's sync state store
     * @param batchSize      items per request; 0 for each feed's default
     */
    public MerchantClients(DataSource dataSource, SecretKey credentialsKey, URI gateway, Environment environment,
            SyncStateStore syncState, int batchSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.credentialsKey = Objects.requireNonNull(credentialsKey, "credentialsKey");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.syncState = Objects.requireNonNull(syncState, "syncState");
        this.settings = CatalogSyncSettings.defaults().withMaxInFlight(1).withBatchSize(batchSize);
    }

    /**
     * The merchant's client, built at the first call.
     *
     * @param merchantId the merchant
     * @return its client; closed with this object
     */
    public CommerceServicesClient client(String merchantId) {
        return clients.computeIfAbsent(merchantId, this::build);
    }

    /**
     * The merchant's key store.
     *
     * @param merchantId the merchant
     * @return its keys, in the fleet's database
     */
    public JdbcCredentialStore credentials(String merchantId) {
        return JdbcCredentialStore.create(dataSource, merchantId, credentialsKey);
    }

    private CommerceServicesClient build(String merchantId) {
        return CommerceServicesClient.builder()
                .environment(environment)
                .installation(environment == Environment.PRODUCTION ? Installation.PRODUCTION
                        : Installation.NON_PRODUCTION)
                .endpoint(gateway)
                .credentials(credentials(merchantId))
                .selectionStore(JdbcSelectionStore.create(dataSource, merchantId))
                .syncStateStore(syncState)
                .catalogSync(settings)
                .timeouts(Timeouts.defaults().withAttempt(Duration.ofSeconds(60)))
                .runtime(runtime)
                .build();
    }

    /** Closes every client, then the worker's runtime (closing a client leaves the shared runtime open). */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        clients.values().forEach(client -> {
            try {
                client.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        clients.clear();
        try {
            runtime.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}

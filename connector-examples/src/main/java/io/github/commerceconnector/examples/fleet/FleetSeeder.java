package io.github.commerceconnector.examples.fleet;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.jdbc.JdbcSyncStateStore;
import java.net.URI;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.sql.DataSource;

/**
 * Adds merchants to the fleet: stores a merchant's keys (encrypted), selects its data space through the gateway
 * (which checks the keys and the data-space guard, and saves the selection), records its catalog and schedules its
 * task, so that a running fleet picks it up within its polling interval. Adding a merchant again replaces its keys,
 * selection and catalog. Not thread-safe; close it.
 */
public final class FleetSeeder implements AutoCloseable {
    private final MerchantDirectory merchants;
    private final MerchantClients clients;
    private final SchedulerClient scheduler;

    /**
     * A seeder of the fleet's database; runs the schema step.
     *
     * @param dataSource     the fleet's database
     * @param credentialsKey the AES key the merchants' keys are encrypted with
     * @param gateway        the gateway's base URL
     * @param environment    the environment of the merchants' keys
     */
    public FleetSeeder(DataSource dataSource, SecretKey credentialsKey, URI gateway, Environment environment) {
        FleetSchema.create(dataSource);
        this.merchants = new MerchantDirectory(dataSource);
        this.clients = new MerchantClients(dataSource, credentialsKey, gateway, environment,
                JdbcSyncStateStore.builder(dataSource).ownerId("fleet-seeder").build(), 0);
        this.scheduler = SchedulerClient.Builder.create(dataSource).build();
    }

    /**
     * Adds (or replaces) a merchant.
     *
     * @param merchant    the merchant and its catalog
     * @param credentials its API key and private key
     * @param projectId   its SaaS project
     * @param dataSpaceId the data space its catalog goes to
     * @throws io.github.commerceconnector.api.exception.ConnectorException if the keys are refused, the data space is
     *     not found or the guard refuses it
     */
    public void seed(Merchant merchant, ServiceCredentials credentials, String projectId, String dataSpaceId) {
        Objects.requireNonNull(merchant, "merchant");
        clients.credentials(merchant.id()).put(Objects.requireNonNull(credentials, "credentials"));
        clients.client(merchant.id()).dataSpaces().select(projectId, dataSpaceId);
        merchants.put(merchant);
        CatalogSyncTask.scheduleIfMissing(scheduler, merchant.id());
    }

    /** Closes the clients it used. */
    @Override
    public void close() {
        clients.close();
    }
}

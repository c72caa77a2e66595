package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.jdbc.testsupport.GatewayFixture;
import io.github.commerceconnector.jdbc.testsupport.SyncCatalog;
import io.github.commerceconnector.jdbc.testsupport.TestDatabase;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.net.URI;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's "State in PostgreSQL" example, run as written against the fake gateway and a real PostgreSQL:
 * two workers in a row, the second sending nothing for the unchanged catalog.
 */
@Timeout(120)
class ReadmeExampleTest {
    private static final int CATALOG = 500;

    private String projectId;
    private String dataSpaceId;

    @Test
    void aWorkerWithItsStateInPostgresqlSyncsAndTheNextOneCarriesOn() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey encryptionKey = generator.generateKey();
        try (GatewayFixture gateway = new GatewayFixture(); TestSchema schema = TestSchema.create();
                HikariDataSource dataSource = TestDatabase.get().pool(schema.name(), 4)) {
            projectId = gateway.project.id();
            dataSpaceId = gateway.dataSpaceId;
            SyncReport first = worker(dataSource, encryptionKey, gateway.keys().apiKey().value(),
                    gateway.keys().privateKey().reveal(), gateway.gateway.baseUri());
            SyncReport second = worker(dataSource, encryptionKey, gateway.keys().apiKey().value(),
                    gateway.keys().privateKey().reveal(), gateway.gateway.baseUri());

            assertTrue(first.isComplete() && first.sent() == CATALOG, first.toString());
            assertEquals(CATALOG, second.unchanged());
            assertEquals(0, second.sent());
        }
    }

    private Iterable<FeedItem> productsFromYourStore() {
        return SyncCatalog.items(CATALOG);
    }

    private SyncReport worker(DataSource dataSource, SecretKey encryptionKey, String apiKey, String privateKeyPem,
            URI endpoint) {
        // README:begin state in PostgreSQL
        JdbcStores.createSchemaIfMissing(dataSource);      // or run the migrations with Flyway or Liquibase
        String installation = "merchant-4711";             // your id of the merchant's store
        CredentialStore keys = JdbcCredentialStore.create(dataSource, installation, encryptionKey);
        keys.put(ServiceCredentials.of(Environment.SANDBOX, apiKey, privateKeyPem));   // once, at onboarding
        try (CommerceServicesClient services = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(keys)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(endpoint)
                .selectionStore(JdbcSelectionStore.create(dataSource, installation))
                .syncStateStore(JdbcSyncStateStore.create(dataSource))
                .build()) {
            if (services.dataSpaces().current().isEmpty()) {
                services.dataSpaces().select(projectId, dataSpaceId);   // once per installation, not per worker
            }
            return services.catalog().sync(Feed.PRODUCTS, productsFromYourStore());
        }
        // README:end
    }
}

package io.github.commerceconnector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.jdbc.testsupport.SyncCatalog;
import io.github.commerceconnector.testkit.SignallingSyncStateStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Run in a child JVM by {@link SigkillCrashTest}: a stateless worker. It keeps its selection and sync state in
 * PostgreSQL only (no state directory), selects the data space if no worker did before, and syncs the
 * {@link SyncCatalog} with the keys of the environment ({@code COMMERCE_CONNECTOR_SANDBOX_API_KEY} and
 * {@code ..._PRIVATE_KEY_FILE}). It says {@code READY}, then the state store's signals
 * ({@link SignallingSyncStateStore}), then {@code DONE <processed> <unchanged> <sent>}.
 */
public final class SyncWorkerChild {

    private SyncWorkerChild() {
    }

    /**
     * Entry point.
     *
     * @param args gateway URL, JDBC URL, schema, project id, data space id, number of products, worker id, lease in
     *             milliseconds
     */
    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setMaximumPoolSize(4);
        JdbcTables tables = JdbcTables.inSchema(args[2]);
        try (HikariDataSource pool = new HikariDataSource(config);
                CommerceServicesClient client = CommerceServicesClient.builder()
                        .environment(Environment.SANDBOX)
                        .credentials(CredentialStores.fromEnvironment())
                        .installation(Installation.NON_PRODUCTION)
                        .endpoint(URI.create(args[0]))
                        .httpVersion(HttpClient.Version.HTTP_1_1)
                        .timeouts(Timeouts.defaults().withConnect(Duration.ofSeconds(5))
                                .withAttempt(Duration.ofSeconds(20)))
                        .selectionStore(JdbcSelectionStore.create(pool, "installation-1", tables))
                        .syncStateStore(new SignallingSyncStateStore(JdbcSyncStateStore.builder(pool).tables(tables)
                                .ownerId(args[6]).leaseDuration(Duration.ofMillis(Long.parseLong(args[7]))).build(),
                                SyncWorkerChild::say))
                        .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withMaxInFlight(2)
                                .withBatchSize(50))
                        .build()) {
            if (client.dataSpaces().current().isEmpty()) {
                client.dataSpaces().select(args[3], args[4]);
            }
            say("READY");
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, SyncCatalog.items(Integer.parseInt(args[5])));
            say("DONE " + report.processed() + " " + report.unchanged() + " " + report.sent());
        }
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}

package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM by the crash test: syncs {@code count} products (version 1) through the gateway at
 * {@code baseUri}, printing {@code BATCH <sent>} after every finished batch, until it is killed.
 */
public final class SyncChild {

    private SyncChild() {
    }

    /**
     * Entry point.
     *
     * @param args gateway base URI, API key, private key PEM file, state directory, item count
     */
    public static void main(String[] args) throws Exception {
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(ServiceCredentials.of(Environment.SANDBOX, args[1], Files.readString(Path.of(args[2]))));
        try (CommerceServicesClient client = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(URI.create(args[0]))
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .stateDirectory(Path.of(args[3]))
                .catalogSync(CatalogSyncSettings.defaults().withBatchSize(10).withRequestsPerSecond(25))
                .build()) {
            System.out.println("STARTED");
            SyncReport report = client.catalog().sync(Feed.PRODUCTS,
                    CatalogGateway.generated(Integer.parseInt(args[4]), n -> CatalogGateway.product(n, 1)),
                    new SyncListener() {
                        @Override
                        public void progress(SyncProgress progress) {
                            System.out.println("BATCH " + progress.sent());
                            System.out.flush();
                        }
                    });
            System.out.println("DONE " + report.sent());
        }
    }
}

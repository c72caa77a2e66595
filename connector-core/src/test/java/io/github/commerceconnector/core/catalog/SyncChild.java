package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.ResyncOptions;
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
 * Run in a child JVM by the crash tests: syncs {@code count} products (version 1) through the gateway at
 * {@code baseUri} (10 a batch), or resyncs them when the sixth argument is {@code resync} (100 a batch), printing
 * {@code BATCH <sent>} after every finished batch, until it is killed.
 */
public final class SyncChild {

    private SyncChild() {
    }

    /**
     * Entry point.
     *
     * @param args gateway base URI, API key, private key PEM file, state directory, item count, and optionally
     *             {@code resync}
     */
    public static void main(String[] args) throws Exception {
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(ServiceCredentials.of(Environment.SANDBOX, args[1], Files.readString(Path.of(args[2]))));
        boolean resync = args.length > 5 && "resync".equals(args[5]);
        try (CommerceServicesClient client = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(URI.create(args[0]))
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .stateDirectory(Path.of(args[3]))
                .catalogSync(CatalogSyncSettings.defaults().withBatchSize(resync ? 100 : 10).withRequestsPerSecond(25))
                .build()) {
            System.out.println("STARTED");
            SyncListener listener = new SyncListener() {
                @Override
                public void progress(SyncProgress progress) {
                    System.out.println("BATCH " + progress.sent());
                    System.out.flush();
                }
            };
            Iterable<FeedItem> items = CatalogGateway.generated(Integer.parseInt(args[4]),
                    n -> CatalogGateway.product(n, 1));
            SyncReport report = resync
                    ? client.catalog().resync(Feed.PRODUCTS, items, ResyncOptions.defaults().withListener(listener))
                    : client.catalog().sync(Feed.PRODUCTS, items, listener);
            System.out.println("DONE " + report.sent());
        }
    }
}

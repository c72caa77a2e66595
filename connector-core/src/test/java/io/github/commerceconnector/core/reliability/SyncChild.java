package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.testkit.SignallingSyncStateStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by the crash and lock tests: syncs the {@link CrashCatalog} into a gateway with the keys of
 * the environment variables ({@code COMMERCE_CONNECTOR_SANDBOX_API_KEY} and {@code ..._PRIVATE_KEY_FILE}),
 * keeping its state in a directory, and says on standard output how far it got: {@code READY}, the state store's
 * signals ({@link SignallingSyncStateStore}), then {@code DONE <processed> <unchanged> <sent> <retryable>}.
 */
public final class SyncChild {

    private SyncChild() {
    }

    /**
     * Entry point.
     *
     * @param args gateway base URL, state directory, project id, data space id, number of products
     */
    public static void main(String[] args) {
        Path stateDirectory = Path.of(args[1]);
        try (CommerceServicesClient client = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(CredentialStores.fromEnvironment())
                .installation(Installation.NON_PRODUCTION)
                .endpoint(URI.create(args[0]))
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .timeouts(Timeouts.defaults().withConnect(Duration.ofSeconds(5)).withAttempt(Duration.ofSeconds(20)))
                .stateDirectory(stateDirectory)
                .syncStateStore(new SignallingSyncStateStore(new FileSyncStateStore(stateDirectory.resolve("catalog")),
                        SyncChild::say))
                .catalogSync(CatalogSyncSettings.defaults().withRequestsPerSecond(0).withMaxInFlight(2))
                .build()) {
            if (client.dataSpaces().current().isEmpty()) {
                client.dataSpaces().select(args[2], args[3]);
            }
            say("READY");
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, CrashCatalog.items(Integer.parseInt(args[4])));
            say("DONE " + report.processed() + " " + report.unchanged() + " " + report.sent() + " "
                    + report.retryable());
        }
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
